package chat.it;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A blocking IRC client for integration tests. Every line it reads is checked on the way: it must
 * end in CRLF, hold no NUL and no bare CR, and be strict UTF-8, so a server that ever forwards a
 * forged or broken line fails whichever test was reading. It answers the server's PING itself
 * and synchronises with its own PING/PONG round trips.
 */
final class LineClient implements AutoCloseable {
    static final int READ_TIMEOUT_MILLIS = 10_000;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private int syncCounter;
    String nick;

    LineClient(int port) throws IOException {
        this(port, 0);
    }

    /** @param receiveBufferBytes small receive buffers let a slow reader's backlog reach the server; 0 = default */
    LineClient(int port, int receiveBufferBytes) throws IOException {
        socket = new Socket();
        if (receiveBufferBytes > 0) {
            socket.setReceiveBufferSize(receiveBufferBytes);
        }
        socket.connect(new InetSocketAddress("127.0.0.1", port), READ_TIMEOUT_MILLIS);
        socket.setSoTimeout(READ_TIMEOUT_MILLIS);
        socket.setTcpNoDelay(true);
        in = new BufferedInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    /** Connects, registers and reads through the welcome burst (to 376 or 422). */
    static LineClient irc(int port, String nick) throws IOException {
        LineClient client = new LineClient(port);
        client.register(nick);
        return client;
    }

    /** Registers, joins the room and waits for the end of its names list. */
    static LineClient inRoom(int port, String nick, String room) throws IOException {
        LineClient client = irc(port, nick);
        client.send("JOIN " + room);
        client.expect(line -> line.contains(" 366 ") && line.contains(room));
        return client;
    }

    void register(String wanted) throws IOException {
        send("NICK " + wanted);
        send("USER " + wanted + " 0 * :Real " + wanted);
        expect(line -> line.contains(" 001 " + wanted + " "));
        expect(line -> line.contains(" 422 ") || line.contains(" 376 "));
        nick = wanted;
    }

    /** Connects as a plain-text user (nc): the first line is the nick. */
    static LineClient plain(int port, String nick) throws IOException {
        LineClient client = new LineClient(port);
        client.expectContaining("NOTICE *");
        client.send(nick);
        client.expect(line -> line.startsWith("*** You are talking in"));
        client.nick = nick;
        return client;
    }

    void send(String line) throws IOException {
        sendRaw((line + "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    void sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** The next line without its CRLF (PINGs from the server are answered and skipped); null at end of stream. */
    String readLine() throws IOException {
        while (true) {
            String line = readAnyLine();
            String ping = line == null ? null : pingToken(line);
            if (ping != null) {
                send("PONG " + ping);
                continue;
            }
            return line;
        }
    }

    /** The token of "PING t" or ":server PING t", else null. */
    private static String pingToken(String line) {
        String rest = line;
        if (rest.startsWith(":")) {
            int space = rest.indexOf(' ');
            rest = space < 0 ? "" : rest.substring(space + 1);
        }
        return rest.startsWith("PING ") ? rest.substring(5) : null;
    }

    private String readAnyLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        while (true) {
            int b;
            try {
                b = in.read();
            } catch (SocketTimeoutException e) {
                fail(nick + ": no line within " + READ_TIMEOUT_MILLIS + " ms; partial: " + line.toString(StandardCharsets.UTF_8));
                return null;
            } catch (SocketException reset) {
                return null; // a reset ends the stream as surely as a FIN
            }
            if (b < 0) {
                assertTrue(line.size() == 0, () -> nick + ": stream ended inside a line: " + line);
                return null;
            }
            if (b == '\n') {
                return checked(line.toByteArray());
            }
            line.write(b);
        }
    }

    /** The promises every received line keeps: CRLF end, no NUL, no bare CR, strict UTF-8. */
    private String checked(byte[] bytes) {
        String raw = new String(bytes, StandardCharsets.ISO_8859_1);
        assertTrue(bytes.length > 0 && bytes[bytes.length - 1] == '\r', () -> nick + ": line not ended by CRLF: " + raw);
        for (int i = 0; i < bytes.length - 1; i++) {
            byte b = bytes[i];
            int at = i;
            assertTrue(b != 0 && b != '\r', () -> nick + ": NUL or bare CR at byte " + at + " of a received line: " + raw);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, 0, bytes.length - 1)).toString();
        } catch (CharacterCodingException e) {
            fail(nick + ": received a line that is not UTF-8: " + raw);
            return null;
        }
    }

    /** Reads until a line matches and returns it. */
    String expect(Predicate<String> wanted) throws IOException {
        List<String> seen = new ArrayList<>();
        while (true) {
            String line = readLine();
            if (line == null) {
                fail(nick + ": connection closed before the expected line; saw " + seen);
            }
            if (wanted.test(line)) {
                return line;
            }
            seen.add(line);
        }
    }

    String expectContaining(String part) throws IOException {
        return expect(line -> line.contains(part));
    }

    /** Sends PING and returns every line that arrived before its PONG. */
    List<String> sync() throws IOException {
        String token = "sync" + (++syncCounter);
        send("PING " + token);
        List<String> before = new ArrayList<>();
        while (true) {
            String line = readLine();
            if (line == null) {
                fail(nick + ": connection closed while waiting for PONG " + token + "; saw " + before);
            }
            if (line.contains(" PONG ") && line.endsWith(token)) {
                return before;
            }
            before.add(line);
        }
    }

    List<String> ask(String line) throws IOException {
        send(line);
        return sync();
    }

    /** Reads to the end of the stream (FIN or reset), proving the server closed it; returns what came first. */
    List<String> readUntilClosed() throws IOException {
        List<String> lines = new ArrayList<>();
        String line;
        while ((line = readLine()) != null) {
            lines.add(line);
        }
        return lines;
    }

    Socket socket() {
        return socket;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
