package chat.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.server.TestClient;
import chat.server.TestServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * One address cannot fill the server or take what it accepted with it: per-address limits over real
 * sockets (the attacker connects from 127.0.0.2, everyone else from 127.0.0.1), and end of input that
 * keeps every line sent before it.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AddressLimitsTest {
    private static final int MAX_PER_IP = 5;
    private static final int ATTEMPTS = 300;

    /** Connects from {@code local} and returns the socket with the first line the server sent. */
    private static String firstLine(Socket socket) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        return in.readLine();
    }

    @Test
    void oneAddressGetsItsLimitTheRestAreToldWhyAndOthersKeepChatting() throws Exception {
        TestServer.Settings settings = new TestServer.Settings();
        settings.maxPerIp = MAX_PER_IP;
        settings.connectsPerMinute = 0;
        try (ItServer server = ItServer.start(settings);
                TestClient alice = TestClient.inRoom(server.port(), "alice", "#lobby");
                TestClient bob = TestClient.inRoom(server.port(), "bob", "#lobby")) {
            List<Socket> held = new ArrayList<>();
            int accepted = 0;
            int told = 0;
            try {
                for (int i = 0; i < ATTEMPTS; i++) {
                    Socket socket = new Socket();
                    socket.bind(new InetSocketAddress("127.0.0.2", 0));
                    socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 5_000);
                    String first = firstLine(socket);
                    if (first.startsWith(":") && first.contains("NOTICE * :*** Welcome")) {
                        accepted++;
                        held.add(socket); // kept open: the attacker holds what it got
                    } else {
                        assertEquals("ERROR :Too many connections from your address (at most " + MAX_PER_IP + ")", first);
                        told++;
                        socket.close();
                    }
                    if (i % 50 == 0) {
                        // Meanwhile the others chat, and their round trips come back.
                        String said = "during attempt " + i;
                        alice.send("PRIVMSG #lobby :" + said);
                        bob.expect(line -> line.endsWith("PRIVMSG #lobby :" + said));
                        alice.sync();
                    }
                }
                assertEquals(MAX_PER_IP, accepted);
                assertEquals(ATTEMPTS - MAX_PER_IP, told);
                try (TestClient carol = TestClient.inRoom(server.port(), "carol", "#lobby")) {
                    carol.send("PRIVMSG #lobby :a newcomer gets in");
                    bob.expect(line -> line.endsWith("PRIVMSG #lobby :a newcomer gets in"));
                }
                held.remove(0).close(); // a place frees when a connection closes
                alice.sync();
                Socket again = new Socket();
                again.bind(new InetSocketAddress("127.0.0.2", 0));
                again.connect(new InetSocketAddress("127.0.0.1", server.port()), 5_000);
                held.add(again);
                assertTrue(firstLine(again).contains("NOTICE * :*** Welcome"));
            } finally {
                for (Socket socket : held) {
                    socket.close();
                }
            }
        }
    }

    @Test
    void connectingTooFastIsRefusedWithTheWait() throws Exception {
        TestServer.Settings settings = new TestServer.Settings();
        settings.connectsPerMinute = 10;
        try (ItServer server = ItServer.start(settings)) {
            List<String> firsts = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                try (Socket socket = new Socket()) {
                    socket.bind(new InetSocketAddress("127.0.0.2", 0));
                    socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 5_000);
                    firsts.add(firstLine(socket));
                }
            }
            assertTrue(firsts.subList(0, 10).stream().allMatch(line -> line.contains("*** Welcome")), firsts::toString);
            assertEquals("ERROR :Connecting too fast from your address; try again in 6 seconds", firsts.get(10));
            try (TestClient other = TestClient.irc(server.port(), "other")) {
                other.sync(); // another address is not affected
            }
        }
    }

    @Test
    void linesSentBeforeAHalfCloseAreAllRelayedAndTheQuitKeepsItsReason() throws Exception {
        TestServer.Settings settings = new TestServer.Settings();
        settings.floodLinesPerSecond = 200; // flood control on: part of the lines wait in the backlog
        settings.floodBurstLines = 40;
        try (ItServer server = ItServer.start(settings);
                TestClient bob = TestClient.inRoom(server.port(), "bob", "#room");
                TestClient alice = TestClient.inRoom(server.port(), "alice", "#room")) {
            bob.sync();
            StringBuilder burst = new StringBuilder();
            for (int i = 0; i < 100; i++) {
                burst.append("PRIVMSG #room :line ").append(i).append("\r\n");
            }
            burst.append("QUIT :goodbye\r\n");
            alice.sendRaw(burst.toString().getBytes(StandardCharsets.UTF_8));
            alice.shutdownOutput();
            for (int i = 0; i < 100; i++) {
                assertEquals(":alice!alice@127.0.0.1 PRIVMSG #room :line " + i,
                        bob.expect(line -> line.contains(" PRIVMSG ")));
            }
            assertEquals(":alice!alice@127.0.0.1 QUIT :Quit: goodbye", bob.expect(line -> line.contains(" QUIT ")));
            List<String> last = alice.readUntilClosed();
            assertEquals("ERROR :Closing Link: 127.0.0.1 (Quit: goodbye)", last.get(last.size() - 1));
        }
    }
}
