package chat.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import chat.server.TestClient;
import chat.server.TestServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A live server with two well-behaved clients who stay through a series of hostile cases: alice
 * speaks, bob listens. After each case alice's next numbered message must reach bob, a fresh
 * client must register and be heard, and the loop thread must be alive; at the end bob must have
 * every message of alice's in order and the server must have logged no WARNING.
 */
final class Bystanders implements AutoCloseable {
    static final long REGISTRATION_TIMEOUT_MILLIS = 1_500;

    final ItServer server;
    final TestClient bob;
    final Ledger bobsLedger = new Ledger("bob");
    private final TestClient alice;
    private final ServerWarnings warnings;
    private int aliceSent;
    private int cases;

    Bystanders() throws IOException {
        TestServer.Settings settings = new TestServer.Settings();
        settings.registrationTimeoutMillis = REGISTRATION_TIMEOUT_MILLIS;
        warnings = new ServerWarnings();
        server = ItServer.start(settings);
        alice = TestClient.inRoom(server.port(), "alice", "#lobby");
        bob = TestClient.inRoom(server.port(), "bob", "#lobby");
    }

    int port() {
        return server.port();
    }

    void serverStillServesEveryone() throws Exception {
        cases++;
        assertFalse(server.server.awaitStopped(1, TimeUnit.MILLISECONDS), "the event loop died");
        alice.send(Ledger.message("#lobby", aliceSent++, "alice"));
        int wanted = aliceSent;
        bob.expect(line -> bobsLedger.record(line) && bobsLedger.from("alice") == wanted);
        String fresh = "fresh" + cases;
        try (TestClient newcomer = TestClient.inRoom(server.port(), fresh, "#lobby")) {
            newcomer.send("PRIVMSG #lobby :hello from " + fresh);
            bob.expect(line -> line.startsWith(":" + fresh + "!") && line.endsWith("PRIVMSG #lobby :hello from " + fresh));
            newcomer.send("QUIT :bye");
            newcomer.readUntilClosed();
        }
    }

    /** A raw connection for junk. */
    Socket connect() throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 5_000);
        return socket;
    }

    /** The server may close a junk-sending connection while we write; that is its right. */
    static void writeIgnoringReset(Socket socket, byte[] data) throws IOException {
        try {
            OutputStream out = socket.getOutputStream();
            out.write(data);
            out.flush();
        } catch (SocketException closedByServer) {
            // expected for some junk
        }
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws Exception {
        try {
            bob.sync();
            assertEquals(aliceSent, bobsLedger.from("alice"));
            assertEquals(List.of(), warnings.seen(), "hostile input reached the server's catch-all handlers");
            System.out.println("hostile input: " + cases + " cases; bob got all " + aliceSent
                    + " of alice's messages in order");
        } finally {
            alice.close();
            bob.close();
            server.close();
            warnings.close();
        }
    }
}
