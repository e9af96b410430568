package chat.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** The checks every test client applies to what a server sends must be able to fail. */
class StrictLineReaderTest {

    private static StrictLineReader reading(byte[] bytes) {
        return new StrictLineReader(new ByteArrayInputStream(bytes), () -> "probe", 1);
    }

    @Test
    void wellFormedLinesAreReturnedWithoutCrLfAndTheEndIsNull() throws IOException {
        StrictLineReader reader = reading("PING :x\r\n:s 001 a :h\u00e9\r\n".getBytes(StandardCharsets.UTF_8));
        assertEquals("PING :x", reader.next());
        assertEquals(":s 001 a :h\u00e9", reader.next());
        assertNull(reader.next());
    }

    @Test
    void aLineBreakingAWirePromiseFailsTheTest() {
        byte[][] broken = {
            "no carriage return\n".getBytes(StandardCharsets.US_ASCII),
            "bare\rcr\r\n".getBytes(StandardCharsets.US_ASCII),
            "nul\0byte\r\n".getBytes(StandardCharsets.US_ASCII),
            {'b', 'a', 'd', (byte) 0xC3, '(', '\r', '\n'},
            "cut off in the middle".getBytes(StandardCharsets.US_ASCII)};
        for (byte[] bytes : broken) {
            assertThrows(AssertionFailedError.class, () -> reading(bytes).next(), new String(bytes,
                    StandardCharsets.ISO_8859_1));
        }
    }
}
