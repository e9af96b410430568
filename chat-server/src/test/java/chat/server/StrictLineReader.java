package chat.server;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * Reads the lines a server sends and fails the test on any line that breaks the wire promises:
 * it must end in CRLF, hold no NUL and no bare CR, be strict UTF-8, and the stream must not end
 * inside it. A socket read timeout fails the test too, so no test hangs on a silent server.
 */
final class StrictLineReader {
    private final InputStream in;
    private final Supplier<String> reader;
    private final int timeoutMillis;
    private boolean endedByReset;

    /** @param reader names whoever reads, in failure messages */
    StrictLineReader(InputStream in, Supplier<String> reader, int timeoutMillis) {
        this.in = in;
        this.reader = reader;
        this.timeoutMillis = timeoutMillis;
    }

    /** The next line without its CRLF; null at end of stream (FIN or reset). */
    String next() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        while (true) {
            int b;
            try {
                b = in.read();
            } catch (SocketTimeoutException e) {
                fail(reader.get() + ": no line within " + timeoutMillis + " ms; partial: " + line.toString(StandardCharsets.UTF_8));
                return null;
            } catch (SocketException reset) {
                endedByReset = true; // a reset ends the stream as surely as a FIN
                return null;
            }
            if (b < 0) {
                assertTrue(line.size() == 0, () -> reader.get() + ": stream ended inside a line: " + line);
                return null;
            }
            if (b == '\n') {
                return checked(line.toByteArray());
            }
            line.write(b);
        }
    }

    /** True once the stream ended by a reset rather than a FIN (a reset stream cannot be read again). */
    boolean endedByReset() {
        return endedByReset;
    }

    private String checked(byte[] bytes) {
        String raw = new String(bytes, StandardCharsets.ISO_8859_1);
        assertTrue(bytes.length > 0 && bytes[bytes.length - 1] == '\r', () -> reader.get() + ": line not ended by CRLF: " + raw);
        for (int i = 0; i < bytes.length - 1; i++) {
            byte b = bytes[i];
            int at = i;
            assertTrue(b != 0 && b != '\r', () -> reader.get() + ": NUL or bare CR at byte " + at + " of a received line: " + raw);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, 0, bytes.length - 1)).toString();
        } catch (CharacterCodingException e) {
            fail(reader.get() + ": received a line that is not UTF-8: " + raw);
            return null;
        }
    }
}
