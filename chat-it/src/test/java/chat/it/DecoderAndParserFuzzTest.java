package chat.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.protocol.DecodedLine;
import chat.protocol.IrcEncoder;
import chat.protocol.IrcMessage;
import chat.protocol.IrcParser;
import chat.protocol.LineDecoder;
import chat.protocol.MalformedMessageException;
import chat.protocol.ProtocolLimits;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Promise 3 below the sockets: seeded random input through the protocol layers the server uses.
 * Whatever the bytes, and however they are split into reads, the decoder gives the same lines,
 * every line is within the limit and holds no CR, LF or NUL, the parser either parses or throws
 * its one checked exception, and what it parsed encodes back to a single line within the limit.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class DecoderAndParserFuzzTest {
    private static final long SEED = 6L;
    private static final int INPUTS = 2_000;
    private static final byte[] ALPHABET = (" :!@#,\r\n\u0000\u001b" + "PRIVMSG NICK JOIN #lobby alice")
            .getBytes(StandardCharsets.ISO_8859_1);

    @Test
    void randomBytesDecodeTheSameInAnySplitAndNeverBreakTheParserOrEncoder() {
        Random random = new Random(SEED);
        int lines = 0;
        int parsed = 0;
        for (int n = 0; n < INPUTS; n++) {
            byte[] input = randomInput(random);
            List<DecodedLine> whole = decode(input, new int[] {input.length});
            assertEquals(whole, decode(input, randomCuts(random, input.length)), "seed " + SEED + ", input " + n);
            for (DecodedLine line : whole) {
                lines++;
                if (line instanceof DecodedLine.Text text) {
                    checkText(text.text());
                    parsed += parseAndReencode(text.text()) ? 1 : 0;
                }
            }
        }
        System.out.println("decoder/parser fuzz: " + INPUTS + " inputs, " + lines + " lines, " + parsed
                + " parsed and re-encoded, seed " + SEED);
        assertTrue(parsed > INPUTS / 2, "the generator must produce parseable lines too");
    }

    /** Mostly protocol-looking bytes, some random bytes, now and then a line far over the limit. */
    private static byte[] randomInput(Random random) {
        int length = random.nextInt(20) == 0 ? 600 + random.nextInt(2000) : random.nextInt(300);
        byte[] input = new byte[length];
        for (int i = 0; i < length; i++) {
            input[i] = random.nextInt(60) == 0 ? (byte) random.nextInt(256) : ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return input;
    }

    private static int[] randomCuts(Random random, int length) {
        List<Integer> sizes = new ArrayList<>();
        for (int left = length; left > 0; ) {
            int size = 1 + random.nextInt(Math.min(left, 40));
            sizes.add(size);
            left -= size;
        }
        return sizes.stream().mapToInt(Integer::intValue).toArray();
    }

    private static List<DecodedLine> decode(byte[] input, int[] readSizes) {
        LineDecoder decoder = new LineDecoder();
        List<DecodedLine> out = new ArrayList<>();
        int at = 0;
        for (int size : readSizes) {
            ByteBuffer read = ByteBuffer.wrap(input, at, size);
            at += size;
            DecodedLine line;
            while ((line = decoder.next(read)) != null) {
                out.add(line);
            }
        }
        return out;
    }

    private static void checkText(String text) {
        assertTrue(text.getBytes(StandardCharsets.UTF_8).length <= ProtocolLimits.MAX_LINE_BYTES - ProtocolLimits.CRLF_BYTES,
                "line over the limit");
        assertTrue(text.indexOf('\r') < 0 && text.indexOf('\n') < 0 && text.indexOf('\0') < 0, text);
    }

    private static boolean parseAndReencode(String text) {
        IrcMessage message;
        try {
            message = IrcParser.parse(text);
        } catch (MalformedMessageException refused) {
            return false;
        }
        byte[] encoded;
        try {
            encoded = IrcEncoder.encode(message);
        } catch (IllegalArgumentException refusedToEncode) {
            return false; // the encoder refuses rather than forge; that is its promise
        }
        String line = new String(encoded, StandardCharsets.UTF_8);
        assertTrue(encoded.length <= ProtocolLimits.MAX_LINE_BYTES, "encoded over the limit: " + line);
        assertTrue(line.endsWith("\r\n") && line.indexOf('\n') == line.length() - 1
                && line.indexOf('\r') == line.length() - 2, "encoded into more than one line: " + line);
        return true;
    }
}
