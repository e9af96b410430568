package chat.protocol;

import static chat.protocol.Feeding.assertLines;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Seeded randomised fuzzing of decoder and parser together (issue 6, promise 3, the codec part):
 * random bytes and random IRC-like lines, fed whole, split at every byte boundary and in random
 * reads. Only defined outcomes may appear, the result never depends on how reads split, it matches
 * the {@link ReferenceFraming} oracle, and a valid line after any garbage still comes through.
 * Every line that comes out is within the limit and holds no CR, LF or NUL; the parser either
 * parses it or throws its one checked exception; what it parsed encodes back to exactly one line
 * within the limit and parses back to itself.
 */
class CodecFuzzTest {
    private static final long SEED = 6_003L;
    private static final String SENTINEL = "PING :still here";
    /** Kept from the test this one absorbed (chat-it's DecoderAndParserFuzzTest), so its counts still hold. */
    private static final long PROTOCOL_LIKE_SEED = 6L;
    private static final int PROTOCOL_LIKE_INPUTS = 2_000;
    private static final byte[] PROTOCOL_ALPHABET = (" :!@#,\r\n\u0000\u001b" + "PRIVMSG NICK JOIN #lobby alice")
            .getBytes(StandardCharsets.ISO_8859_1);

    @Test
    void randomBytesGiveTheReferenceResultsUnderAnySplitAndASentinelLineSurvives() {
        RandomIrc generate = new RandomIrc(SEED);
        for (int i = 0; i < 1500; i++) {
            byte[] garbage = generate.hostileBytes(generate.chance(10) ? 5000 : 400);
            byte[] input = Bytes.concat(garbage, Bytes.utf8("\n" + SENTINEL + "\r\n"));
            List<DecodedLine> expected = ReferenceFraming.expected(input);
            assertEquals(new DecodedLine.Text(SENTINEL), expected.get(expected.size() - 1));
            Feeding feeding = randomFeeding(generate);
            List<DecodedLine> actual = feeding.feed(new LineDecoder(), input,
                    Feeding.randomSplits(input, generate.random().nextLong())).lines();
            assertLines(expected, actual);
            parseEveryTextLine(actual, "case " + i);
        }
    }

    /**
     * Bytes mostly from the words and separators of IRC (with CR, LF, NUL and ESC), one in 60
     * random, one input in 20 over 600 bytes: unlike {@link RandomIrc#hostileBytes} they give
     * lines that parse, so the parser and encoder are fed too. Whole and in random reads of 1-40
     * bytes they decode alike and as the reference does, and more lines parse (and re-encode,
     * see {@link #parsesToAFixedPoint}) than half the number of inputs.
     */
    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void protocolLikeBytesDecodeAlikeInAnySplitAndMostOfTheirLinesParseAndReencode() {
        Random random = new Random(PROTOCOL_LIKE_SEED);
        List<Feeding> feedings = Feeding.all();
        int lines = 0;
        int parsed = 0;
        for (int n = 0; n < PROTOCOL_LIKE_INPUTS; n++) {
            byte[] input = protocolLikeInput(random);
            Feeding feeding = feedings.get(n % feedings.size()); // for its buffer kind; the cuts are given
            List<DecodedLine> whole = feeding.feed(new LineDecoder(), input, Feeding.whole(input)).lines();
            assertLines(ReferenceFraming.expected(input), whole);
            assertEquals(whole, feeding.feed(new LineDecoder(), input, smallReads(random, input.length)).lines(),
                    "seed " + PROTOCOL_LIKE_SEED + ", input " + n);
            lines += whole.size();
            parsed += parseEveryTextLine(whole, "input " + n);
        }
        System.out.println("decoder/parser fuzz: " + PROTOCOL_LIKE_INPUTS + " inputs, " + lines + " lines, " + parsed
                + " parsed and re-encoded, seed " + PROTOCOL_LIKE_SEED);
        assertTrue(parsed > PROTOCOL_LIKE_INPUTS / 2, "the generator must produce parseable lines too: " + parsed);
    }

    @Test
    void randomIrcLikeStreamsGiveTheSameResultsWhereverTheyAreSplit() {
        RandomIrc generate = new RandomIrc(SEED + 1);
        int streams = 0;
        int splits = 0;
        for (int i = 0; i < 80; i++) {
            byte[] input = ircLikeStream(generate, generate.between(1, 5));
            List<DecodedLine> expected = ReferenceFraming.expected(input);
            Feeding feeding = randomFeeding(generate);
            for (int at = 0; at <= input.length; at++) {
                assertLines(expected, feeding.feed(new LineDecoder(), input, Feeding.twoReads(input, at)).lines());
                splits++;
            }
            assertLines(expected, feeding.feed(new LineDecoder(), input, Feeding.byteByByte(input)).lines());
            parseEveryTextLine(expected, "stream " + i);
            streams++;
        }
        assertTrue(splits > streams * 100, "streams should be long enough to split in many places: " + splits);
    }

    @Test
    void sixtyFourKibibyteLinesBetweenValidLinesAreReportedAndForgotten() {
        RandomIrc generate = new RandomIrc(SEED + 2);
        for (int i = 0; i < 40; i++) {
            byte[] huge = new byte[64 * 1024];
            for (int k = 0; k < huge.length; k++) {
                huge[k] = (byte) generate.between(0x20, 0xFF); // no LF: one line
            }
            byte[] input = Bytes.concat(Bytes.utf8("PING :before\r\n"), huge, Bytes.utf8("\r\n" + SENTINEL + "\r\n"));
            List<DecodedLine> expected = List.of(new DecodedLine.Text("PING :before"),
                    new DecodedLine.TooLong(ProtocolLimits.MAX_LINE_BYTES), new DecodedLine.Text(SENTINEL));
            Feeding feeding = randomFeeding(generate);
            Feeding.Outcome outcome = feeding.feed(new LineDecoder(), input,
                    Feeding.randomSplits(input, generate.random().nextLong()));
            assertLines(expected, outcome.lines());
            assertTrue(outcome.maxPendingBytes() <= ProtocolLimits.MAX_LINE_BYTES);
        }
    }

    @Test
    void randomStringsEitherParseToAFixedPointOrAreRefused() {
        RandomIrc generate = new RandomIrc(SEED + 3);
        int parsed = 0;
        int refused = 0;
        for (int i = 0; i < 50_000; i++) {
            StringBuilder line = new StringBuilder();
            if (generate.chance(30)) {
                line.append('@').append(ircish(generate, 12)).append(' ');
            }
            if (generate.chance(40)) {
                line.append(':').append(ircish(generate, 12)).append(' ');
            }
            line.append(generate.chance(75) ? generate.command() : ircish(generate, 6));
            line.append(generate.chance(80) ? " " : "").append(ircish(generate, 30));
            if (generate.chance(10)) {
                line.insert(generate.random().nextInt(line.length() + 1), "\r\n\0".charAt(generate.random().nextInt(3)));
            }
            if (parsesToAFixedPoint(line.toString())) {
                parsed++;
            } else {
                refused++;
            }
        }
        assertTrue(parsed > 5_000 && refused > 5_000, "both outcomes exercised: " + parsed + " / " + refused);
    }

    /** Up to {@code max} characters from the ones IRC syntax gives meaning to, plus a few others. */
    private static String ircish(RandomIrc generate, int max) {
        String alphabet = " :@;=\\!#,+*-_09ABCabcxyzé€🙂\t\u001b";
        int count = alphabet.codePointCount(0, alphabet.length());
        StringBuilder out = new StringBuilder();
        for (int k = generate.between(0, max); k > 0; k--) {
            out.appendCodePoint(alphabet.codePointAt(alphabet.offsetByCodePoints(0, generate.random().nextInt(count))));
        }
        return out.toString();
    }

    /** Mostly protocol-looking bytes, some random bytes, now and then a line far over the limit. */
    private static byte[] protocolLikeInput(Random random) {
        int length = random.nextInt(20) == 0 ? 600 + random.nextInt(2000) : random.nextInt(300);
        byte[] input = new byte[length];
        for (int i = 0; i < length; i++) {
            input[i] = random.nextInt(60) == 0 ? (byte) random.nextInt(256)
                    : PROTOCOL_ALPHABET[random.nextInt(PROTOCOL_ALPHABET.length)];
        }
        return input;
    }

    /** Cuts (read ends, as {@link Feeding} takes them) for reads of 1 to 40 bytes. */
    private static int[] smallReads(Random random, int length) {
        List<Integer> cuts = new ArrayList<>();
        for (int at = 0; at < length; ) {
            at += 1 + random.nextInt(Math.min(length - at, 40));
            cuts.add(at);
        }
        return cuts.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * Parses every Text; a parsed message must encode and re-parse to itself, anything else is a bug.
     * Returns how many parsed.
     */
    private static int parseEveryTextLine(List<DecodedLine> lines, String context) {
        int parsed = 0;
        for (DecodedLine line : lines) {
            if (line instanceof DecodedLine.Text text) {
                assertTrue(text.text().indexOf('\n') < 0 && text.text().indexOf('\r') < 0 && text.text().indexOf('\0') < 0,
                        context);
                assertTrue(text.text().getBytes(StandardCharsets.UTF_8).length
                        <= ProtocolLimits.MAX_LINE_BYTES - ProtocolLimits.CRLF_BYTES, context + ": line over the limit");
                parsed += parsesToAFixedPoint(text.text()) ? 1 : 0;
            } else if (line instanceof DecodedLine.ForbiddenByte forbidden) {
                assertTrue(forbidden.byteValue() == 0 || forbidden.byteValue() == '\r', context);
            }
        }
        return parsed;
    }

    /** True when the line parsed (and then survived encode and re-parse unchanged), false when refused. */
    private static boolean parsesToAFixedPoint(String line) {
        IrcMessage message;
        try {
            message = IrcParser.parse(line);
        } catch (MalformedMessageException refused) {
            return false;
        }
        String written = IrcEncoder.format(message);
        byte[] wire = IrcEncoder.encode(message);
        IrcEncoderTest.assertIsOneLine(wire);
        // Every line given here is within the limit (decoded lines, short random strings), so its encoding must be.
        assertTrue(wire.length <= ProtocolLimits.MAX_LINE_BYTES, "encoded over the limit: " + written);
        try {
            assertEquals(message, IrcParser.parse(written), "line \"" + line + "\" written as \"" + written + "\"");
        } catch (MalformedMessageException e) {
            throw new AssertionError("\"" + written + "\" written from \"" + line + "\" does not parse: " + e.getMessage());
        }
        return true;
    }

    /** A stream of IRC-like lines: valid ones, wrong parameter counts, and some with hostile bytes mixed in. */
    private static byte[] ircLikeStream(RandomIrc generate, int lines) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < lines; i++) {
            IrcMessage message = generate.message(30);
            byte[] line = IrcEncoder.format(message).getBytes(StandardCharsets.UTF_8);
            if (generate.chance(25) && line.length > 0) {
                byte[] hostile = generate.hostileBytes(4);
                int at = generate.random().nextInt(line.length);
                line = Bytes.concat(Arrays.copyOf(line, at), hostile,
                        Arrays.copyOfRange(line, at, line.length));
            }
            if (generate.chance(5)) {
                line = Bytes.concat(line, Bytes.repeat('x', generate.between(400, 700)));
            }
            out.writeBytes(line);
            out.writeBytes(Bytes.utf8(generate.chance(70) ? "\r\n" : generate.chance(50) ? "\n" : "\r\n\r\n"));
        }
        if (generate.chance(30)) {
            out.writeBytes(generate.hostileBytes(30)); // an unfinished tail
        }
        return out.toByteArray();
    }

    /** A feeding whose buffer kind is random; the tests pass their own cuts. */
    private static Feeding randomFeeding(RandomIrc generate) {
        List<Feeding> all = Feeding.all();
        return all.get(generate.random().nextInt(all.size()));
    }
}
