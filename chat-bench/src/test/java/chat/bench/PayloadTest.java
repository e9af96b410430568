package chat.bench;

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

    @Test
    void everyDigitCountRoundTripsAndAnyNonDigitInsideAFieldIsRefused() {
        java.util.Random random = new java.util.Random(3);
        for (int round = 0; round < 20_000; round++) {
            int sender = random.nextInt(Integer.MAX_VALUE >> random.nextInt(31));
            long sequence = random.nextLong() >>> (1 + random.nextInt(63));
            long nanos = Math.min(random.nextLong() >>> (1 + random.nextInt(63)), 999_999_999_999_999_999L);
            Payload.Fields fields = decode(encode(sender, sequence % 1_000_000_000_000_000_000L, nanos, 64));
            assertEquals(sender, fields.sender);
            assertEquals(sequence % 1_000_000_000_000_000_000L, fields.sequence);
            assertEquals(nanos, fields.sendNanos);
        }
        String good = "12.345.1234567890123.xxxx";
        for (int at = 0; at < good.indexOf(".xxxx"); at++) {
            if (good.charAt(at) == '.') {
                continue;
            }
            for (char bad : new char[] {'/', ':', 'a', ' ', (char) 0xB3}) {
                String text = good.substring(0, at) + bad + good.substring(at + 1);
                assertFalse(decodes(text), text);
            }
        }
    }

    @Test
    void eightDigitsAreReadAsOneNumber() {
        byte[] digits = "01234567".getBytes(StandardCharsets.US_ASCII);
        long word = ByteScan.longAt(digits, 0);
        assertTrue(Payload.allDigits(word));
        assertEquals(1_234_567L, Payload.eightDigits(word));
        assertEquals(99_999_999L, Payload.eightDigits(ByteScan.longAt("99999999".getBytes(StandardCharsets.US_ASCII), 0)));
        assertFalse(Payload.allDigits(ByteScan.longAt("0123456:".getBytes(StandardCharsets.US_ASCII), 0)));
        assertFalse(Payload.allDigits(ByteScan.longAt("/1234567".getBytes(StandardCharsets.US_ASCII), 0)));
    }
}
