package chat.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A blocking socket client for the server's tests and the integration tests (published in this
 * module's test-jar). It sends lines, reads CRLF lines with a timeout, and synchronises with the
 * server by a PING/PONG round trip instead of sleeping. Every line it reads is checked by a
 * {@link StrictLineReader}, so a server that ever sends a forged or broken line fails whichever test
 * was reading. It answers the server's PINGs itself unless told not to.
 */
public final class TestClient implements AutoCloseable {
    public static final int READ_TIMEOUT_MILLIS = 10_000;

    private final Socket socket;
    private final InputStream in;
    private final StrictLineReader lineReader;
    private final OutputStream out;
    private int syncCounter;
    private boolean answeringPings = true;
    private String nick;

    public TestClient(int port) throws IOException {
        this(port, 0);
    }

    /** @param receiveBufferBytes a small receive buffer makes a slow reader's backlog reach the server fast; 0 keeps the default */
    public TestClient(int port, int receiveBufferBytes) throws IOException {
        this(connect(port, receiveBufferBytes));
    }

    /** A client on a socket already connected (a TLS socket, say). */
    private TestClient(Socket connected) throws IOException {
        socket = connected;
        socket.setSoTimeout(READ_TIMEOUT_MILLIS);
        socket.setTcpNoDelay(true);
        in = new BufferedInputStream(socket.getInputStream());
        lineReader = new StrictLineReader(in, () -> nick, READ_TIMEOUT_MILLIS);
        out = socket.getOutputStream();
    }

    private static Socket connect(int port, int receiveBufferBytes) throws IOException {
        Socket socket = new Socket();
        if (receiveBufferBytes > 0) {
            socket.setReceiveBufferSize(receiveBufferBytes);
        }
        socket.connect(new InetSocketAddress("127.0.0.1", port), READ_TIMEOUT_MILLIS);
        return socket;
    }

    /**
     * A client over TLS (the JDK's SSLSocket) to the TLS port, trusting what {@code context}
     * trusts; the handshake is done when this returns, so a refused certificate fails here.
     */
    public static TestClient tls(int port, javax.net.ssl.SSLContext context) throws IOException {
        Socket plain = connect(port, 0);
        javax.net.ssl.SSLSocket secure = (javax.net.ssl.SSLSocket) context.getSocketFactory()
                .createSocket(plain, "127.0.0.1", port, true);
        secure.setSoTimeout(READ_TIMEOUT_MILLIS);
        secure.startHandshake();
        return new TestClient(secure);
    }

    /** The TLS session of a client made by {@link #tls}, for what the server presented. */
    public javax.net.ssl.SSLSession tlsSession() {
        return ((javax.net.ssl.SSLSocket) socket).getSession();
    }

    /** Connects, registers as an IRC client and reads through the welcome burst (to 376 or 422). */
    public static TestClient irc(int port, String nick) throws IOException {
        TestClient client = new TestClient(port);
        client.register(nick);
        return client;
    }

    /** Registers as an IRC client, joins the room and waits for the end of its names list. */
    public static TestClient inRoom(int port, String nick, String room) throws IOException {
        TestClient client = irc(port, nick);
        client.send("JOIN " + room);
        client.expect(line -> line.contains(" 366 ") && line.contains(room));
        return client;
    }

    /** Connects as a plain-text user: the first line is the nick; reads until the user is in the default room. */
    public static TestClient plain(int port, String nick) throws IOException {
        TestClient client = new TestClient(port);
        client.expectContaining("NOTICE *");
        client.send(nick);
        client.expect(line -> line.startsWith("*** You are talking in"));
        client.nick = nick;
        return client;
    }

    /** Sends NICK and USER and reads through the welcome burst (to 376 or 422). */
    public void register(String wanted) throws IOException {
        send("NICK " + wanted);
        send("USER " + wanted + " 0 * :Real " + wanted);
        expect(line -> line.contains(" 001 " + wanted + " "));
        expect(line -> line.contains(" 422 ") || line.contains(" 376 "));
        nick = wanted;
    }

    /** From now on the server's PINGs are returned by readLine like any other line and left unanswered. */
    public void stopAnsweringPings() {
        answeringPings = false;
    }

    public void send(String line) throws IOException {
        sendRaw((line + "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    /** Ends our direction (FIN), as a client that is done sending does; reading goes on. */
    public void shutdownOutput() throws IOException {
        socket.shutdownOutput();
    }

    public void sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /**
     * The next line without its CRLF; fails the test when none comes in time; null at end of stream
     * (FIN or reset). While the client answers PINGs, the server's PINGs are answered and skipped.
     */
    public String readLine() throws IOException {
        while (true) {
            String line = lineReader.next();
            String ping = line == null || !answeringPings ? null : pingToken(line);
            if (ping == null) {
                return line;
            }
            send("PONG " + ping);
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

    /** Reads until a line matches and returns it; the lines before it are skipped. */
    public String expect(Predicate<String> wanted) throws IOException {
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

    public String expectContaining(String part) throws IOException {
        return expect(line -> line.contains(part));
    }

    /** Sends PING and returns every line that arrived before its PONG: all replies to earlier commands. */
    public List<String> sync() throws IOException {
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

    /** Sends a command and returns its replies (everything before the PONG of a following PING). */
    public List<String> ask(String line) throws IOException {
        send(line);
        return sync();
    }

    /** Reads to end of stream (FIN or reset), proving the server closed the connection; returns what came first. */
    public List<String> readUntilClosed() throws IOException {
        List<String> lines = new ArrayList<>();
        String line;
        while ((line = readLine()) != null) {
            lines.add(line);
        }
        if (!lineReader.endedByReset()) {
            assertEquals(-1, in.read(), "stream must stay at its end");
        }
        return lines;
    }

    public Socket socket() {
        return socket;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
