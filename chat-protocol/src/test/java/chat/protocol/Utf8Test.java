package chat.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link Utf8}: agreement with the JDK's strict decoder on random bytes, and cutting on boundaries. */
class Utf8Test {

    @Test
    void validityAgreesWithTheJdkStrictDecoderOnRandomBytes() {
        Random random = new Random(3629);
        CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        int valid = 0;
        for (int i = 0; i < 200_000; i++) {
            byte[] bytes = new byte[random.nextInt(8)];
            for (int k = 0; k < bytes.length; k++) {
                // Mostly bytes that can take part in multi-byte forms, so most cases are near a boundary.
                bytes[k] = (byte) (random.nextInt(4) == 0 ? random.nextInt(0x80) : 0x80 + random.nextInt(0x80));
            }
            strict.reset();
            ByteBuffer in = ByteBuffer.wrap(bytes);
            boolean jdkError = strict.decode(in, CharBuffer.allocate(bytes.length), true).isError();
            int ours = Utf8.firstInvalidOffset(bytes, 0, bytes.length);
            assertEquals(jdkError ? in.position() : -1, ours, () -> Bytes.hex(bytes));
            valid += jdkError ? 0 : 1;
        }
        assertTrue(valid > 10_000, "enough valid multi-byte cases: " + valid);
    }

    @Test
    void rangeInsideALargerArrayIsJudgedAlone() {
        byte[] bytes = Bytes.of(0xFF, 'a', 0xC3, 0xA9, 'b', 0xFF);
        assertEquals(-1, Utf8.firstInvalidOffset(bytes, 1, 5));
        assertEquals(2, Utf8.firstInvalidOffset(bytes, 1, 3), "a character cut by the end of the range");
        assertEquals(5, Utf8.firstInvalidOffset(bytes, 1, 6));
    }

    @Test
    void boundaryNeverSplitsACharacterOfAnyLength() {
        byte[] text = Bytes.utf8("aé€🙂aé€🙂");
        for (int max = 0; max <= text.length; max++) {
            int cut = Utf8.boundaryAtOrBefore(text, text.length, max);
            assertTrue(cut <= max);
            assertEquals(-1, Utf8.firstInvalidOffset(text, 0, cut), "cut at " + cut);
            assertTrue(cut == text.length || (text[cut] & 0xC0) != 0x80, "cut before a lead byte");
            assertTrue(max - cut < 4, "at most one character short");
        }
    }

    @Test
    void boundaryOfWhatFitsIsItsWholeLength() {
        byte[] text = Bytes.utf8("€€");
        assertEquals(6, Utf8.boundaryAtOrBefore(text, 6, 100));
        assertEquals(0, Utf8.boundaryAtOrBefore(text, 6, -5));
    }
}
