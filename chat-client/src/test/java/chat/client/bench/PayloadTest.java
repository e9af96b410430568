package chat.client.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PayloadTest {

    private static String encode(int sender, long sequence, long nanos, int size) {
        byte[] out = new byte[Payload.MAX_HEADER_BYTES + size];
        int length = Payload.encode(sender, sequence, nanos, size, out, 0);
        assertEquals(Payload.encodedLength(sender, sequence, nanos, size), length);
        return new String(out, 0, length, StandardCharsets.US_ASCII);
    }

    private static Payload.Fields decode(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        Payload.Fields fields = new Payload.Fields();
        assertTrue(Payload.decode(bytes, 0, bytes.length, fields), text);
        return fields;
    }

    private static boolean decodes(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return Payload.decode(bytes, 0, bytes.length, new Payload.Fields());
    }

    @Test
    void encodesSenderSequenceAndTimeThenPadsToTheSize() {
        assertEquals("7.42.123456.xxxxx", encode(7, 42, 123456, 17));
    }

    @Test
    void headerLongerThanTheSizeIsKeptWhole() {
        assertEquals("12345.6.7890123.", encode(12345, 6, 7890123, 4));
    }

    @Test
    void decodingGivesBackWhatWasEncoded() {
        Payload.Fields fields = decode(encode(199, 499, 987_654_321_012L, 64));
        assertEquals(199, fields.sender);
        assertEquals(499, fields.sequence);
        assertEquals(987_654_321_012L, fields.sendNanos);
    }

    @Test
    void decodesAPayloadInsideALargerBuffer() {
        byte[] line = ":n!u@h PRIVMSG #r :3.4.5.xx".getBytes(StandardCharsets.US_ASCII);
        Payload.Fields fields = new Payload.Fields();
        assertTrue(Payload.decode(line, 19, line.length, fields));
        assertEquals(3, fields.sender);
        assertEquals(4, fields.sequence);
        assertEquals(5, fields.sendNanos);
    }

    @Test
    void textThatIsNotOursIsRejected() {
        assertFalse(decodes("hello everyone"));
        assertFalse(decodes("1.2.3"));
        assertFalse(decodes("1.2.3.xxy"));
        assertFalse(decodes(".2.3.x"));
        assertFalse(decodes("1.-2.3.x"));
        assertFalse(decodes("99999999999.1.1.")); // sender beyond int
        assertFalse(decodes("1.1234567890123456789.1.")); // too many digits to be ours
        assertFalse(decodes(""));
    }

    @Test
    void negativeFieldsAreRefused() {
        byte[] out = new byte[100];
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Payload.encode(1, -1, 0, 10, out, 0));
    }

    @Test
    void aFieldOfEighteenDigitsIsReadAndOneOfNineteenIsRefused() {
        assertEquals(999_999_999_999_999_999L, decode("1.2.999999999999999999.xx").sendNanos);
        assertFalse(decodes("1.2.1000000000000000000.xx"));
        assertFalse(decodes("1.2.3"), "no separator before the end");
        assertFalse(decodes("1..3.x"), "an empty field");
    }
}
