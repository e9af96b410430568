package chat.protocol;

import static chat.protocol.IrcEncoderTest.assertIsOneLine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Seeded randomised checks of the encoder's promises over thousands of messages: a parsed message is
 * written back unchanged; an encoded line is always one line, valid UTF-8, within 512 bytes, accepted
 * by our own decoder; and a cut last parameter is the longest prefix, ending on a character boundary.
 */
class EncoderPropertyTest {
    private static final long SEED = 20261123L;
    private static final int CASES = 5000;

    @Test
    void formattedMessageParsesBackToItself() throws MalformedMessageException {
        RandomIrc generate = new RandomIrc(SEED);
        for (int i = 0; i < CASES; i++) {
            IrcMessage message = generate.message(40);
            String line = IrcEncoder.format(message);
            assertEquals(upperCased(message), IrcParser.parse(line), "case " + i + ": " + line);
        }
    }

    @Test
    void encodedLineFitsIsOneLineAndOnlyItsLastParameterIsEverCut() throws MalformedMessageException {
        RandomIrc generate = new RandomIrc(SEED + 1);
        int cut = 0;
        for (int i = 0; i < CASES; i++) {
            IrcMessage message = generate.message(generate.chance(50) ? 600 : 120);
            byte[] wire = IrcEncoder.encode(message);
            String context = "case " + i + ": " + message;
            assertIsOneLine(wire);
            assertEquals(-1, Utf8.firstInvalidOffset(wire, 0, wire.length), context);
            int tagBytes = tagSectionBytes(message);
            assertTrue(wire.length - tagBytes <= ProtocolLimits.MAX_LINE_BYTES, context);

            IrcMessage back = IrcParser.parse(decodeWithOurDecoder(wire, !message.tags().isEmpty()));
            IrcMessage expected = upperCased(message);
            assertEquals(expected.tags(), back.tags(), context);
            assertEquals(expected.prefix(), back.prefix(), context);
            assertEquals(expected.command(), back.command(), context);
            assertEquals(expected.paramCount(), back.paramCount(), context);
            assertEquals(expected.params().subList(0, Math.max(0, expected.paramCount() - 1)),
                    back.params().subList(0, Math.max(0, back.paramCount() - 1)), context);
            if (message.paramCount() > 0 && !back.lastParam().equals(message.lastParam())) {
                cut++;
                assertCutIsTheLongestPrefixThatFits(message.lastParam(), back.lastParam(), wire.length - tagBytes, context);
            }
        }
        assertTrue(cut > CASES / 10, "the generator must exercise cutting often; cut " + cut);
    }

    @Test
    void anyLastParameterAfterAnyHeadIsCutWithinTheLimit() {
        // Heads of every length up to the limit: the encoder either writes at most 512 bytes or refuses.
        RandomIrc generate = new RandomIrc(SEED + 2);
        for (int headBytes = 9; headBytes <= ProtocolLimits.MAX_LINE_BYTES; headBytes++) {
            String target = "t".repeat(headBytes - "PRIVMSG ".length());
            for (int i = 0; i < 4; i++) {
                IrcMessage message = IrcParserTest.message(null, "PRIVMSG", target, generate.text(200));
                try {
                    byte[] wire = IrcEncoder.encode(message);
                    assertTrue(wire.length <= ProtocolLimits.MAX_LINE_BYTES, "head " + headBytes);
                    assertEquals(-1, Utf8.firstInvalidOffset(wire, 0, wire.length));
                } catch (IllegalArgumentException refused) {
                    // Refusal is defined only when the head leaves no room for the shortest last parameter.
                    assertTrue(headBytes >= ProtocolLimits.MAX_LINE_BYTES - ProtocolLimits.CRLF_BYTES - 2,
                            "refused with a head of only " + headBytes + " bytes");
                }
            }
        }
    }

    private static void assertCutIsTheLongestPrefixThatFits(String original, String kept, int lineBytes, String context) {
        assertTrue(original.startsWith(kept), context);
        assertTrue(kept.isEmpty() || !Character.isHighSurrogate(kept.charAt(kept.length() - 1)), context);
        int next = original.codePointAt(kept.length());
        int nextBytes = new String(Character.toChars(next)).getBytes(StandardCharsets.UTF_8).length;
        // An empty cut of a word that had no ':' spent one byte on the ':' it needs now.
        boolean colonAdded = kept.isEmpty() && !IrcEncoder.needsColon(original);
        int roomNeeded = lineBytes - (colonAdded ? 1 : 0) + nextBytes;
        assertTrue(roomNeeded > ProtocolLimits.MAX_LINE_BYTES, "the next character would have fit: " + context);
    }

    private static String decodeWithOurDecoder(byte[] wire, boolean tagged) {
        LineDecoder decoder = new LineDecoder();
        if (tagged) {
            decoder.allowMessageTags();
        }
        DecodedLine line = decoder.next(ByteBuffer.wrap(wire));
        return assertInstanceOf(DecodedLine.Text.class, line, () -> Bytes.hex(wire)).text();
    }

    private static int tagSectionBytes(IrcMessage message) {
        if (message.tags().isEmpty()) {
            return 0;
        }
        String line = IrcEncoder.format(message);
        return line.substring(0, line.indexOf(' ') + 1).getBytes(StandardCharsets.UTF_8).length;
    }

    static IrcMessage upperCased(IrcMessage message) {
        return new IrcMessage(message.tags(), message.prefix(), message.command().toUpperCase(Locale.ROOT),
                List.copyOf(message.params()));
    }
}
