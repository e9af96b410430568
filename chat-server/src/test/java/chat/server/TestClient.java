package chat.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A blocking socket client for tests: sends lines, reads CRLF lines with a timeout, and
 * synchronises with the server by a PING/PONG round trip instead of sleeping.
 */
final class TestClient implements AutoCloseable {
    static final int READ_TIMEOUT_MILLIS = 5_000;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private int syncCounter;
    String nick;

    TestClient(int port) throws IOException {
        this(port, 0);
    }

    /** @param receiveBufferBytes a small receive buffer makes a slow reader's backlog reach the server fast; 0 keeps the default */
    TestClient(int port, int receiveBufferBytes) throws IOException {
        socket = new Socket();
        if (receiveBufferBytes > 0) {
            socket.setReceiveBufferSize(receiveBufferBytes);
        }
        socket.connect(new InetSocketAddress("127.0.0.1", port), READ_TIMEOUT_MILLIS);
        socket.setSoTimeout(READ_TIMEOUT_MILLIS);
        in = new java.io.BufferedInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    /** Connects, registers as an IRC client and reads through the welcome burst (to 376 or 422). */
    static TestClient irc(int port, String nick) throws IOException {
        TestClient client = new TestClient(port);
        client.send("NICK " + nick);
        client.send("USER " + nick + " 0 * :Real " + nick);
        client.expect(line -> line.contains(" 001 " + nick + " "));
        client.expect(line -> line.contains(" 422 ") || line.contains(" 376 "));
        client.nick = nick;
        return client;
    }

    /** Connects as a plain-text user: the first line is the nick; reads until the user is in the default room. */
    static TestClient plain(int port, String nick) throws IOException {
        TestClient client = new TestClient(port);
        client.expect(line -> line.contains("NOTICE *"));
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

    /** The next line without its CRLF; fails the test when none comes in time; null at end of stream. */
    String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            int b;
            try {
                b = in.read();
            } catch (SocketTimeoutException e) {
                fail("no line within " + READ_TIMEOUT_MILLIS + " ms; partial: " + line.toString(StandardCharsets.UTF_8));
                return null;
            }
            if (b < 0) {
                return line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
            }
            if (b == '\n') {
                String text = line.toString(StandardCharsets.UTF_8);
                assertTrue(text.endsWith("\r"), () -> "line not ended by CRLF: " + text);
                return text.substring(0, text.length() - 1);
            }
            line.write(b);
        }
    }

    /** Reads until a line matches and returns it; the lines before it are skipped. */
    String expect(Predicate<String> wanted) throws IOException {
        List<String> seen = new ArrayList<>();
        while (true) {
            String line = readLine();
            if (line == null) {
                fail("connection closed before the expected line; saw " + seen);
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

    /** Sends PING and returns every line that arrived before its PONG: all replies to earlier commands. */
    List<String> sync() throws IOException {
        String token = "sync" + (++syncCounter);
        send("PING " + token);
        List<String> before = new ArrayList<>();
        while (true) {
            String line = readLine();
            if (line == null) {
                fail("connection closed while waiting for PONG " + token + "; saw " + before);
            }
            if (line.contains(" PONG ") && line.endsWith(token)) {
                return before;
            }
            before.add(line);
        }
    }

    /** Sends a command and returns its replies (everything before the PONG of a following PING). */
    List<String> ask(String line) throws IOException {
        send(line);
        return sync();
    }

    /** Reads to end of stream, proving the server closed the connection; returns what came first. */
    List<String> readUntilClosed() throws IOException {
        List<String> lines = new ArrayList<>();
        String line;
        while ((line = readLine()) != null) {
            lines.add(line);
        }
        assertEquals(-1, in.read(), "stream must stay at its end");
        return lines;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    Socket socket() {
        return socket;
    }
}
