package chat.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Send-queue limits and the connection cap over real sockets. Deadlines and flood control are
 * tested on a fake clock (net/DeadlinesTest, net/FloodControlTest), and end to end in chat-it.
 */
@Timeout(30)
class LimitsTest {
    private TestServer server;

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    /** A server with small send queues (16 KiB soft, 64 KiB hard) so back-pressure shows quickly. */
    private static TestServer.Settings smallSendQueues() {
        TestServer.Settings settings = new TestServer.Settings();
        settings.sendQueueSoftBytes = 16 * 1024;
        settings.sendQueueHardBytes = 64 * 1024;
        return settings;
    }

    @Test
    void slowConsumerIsDisconnectedWhileOthersReceiveEverything() throws Exception {
        server = TestServer.start(smallSendQueues());
        try (TestClient alice = TestClient.irc(server.port(), "alice");
                TestClient bob = TestClient.irc(server.port(), "bob");
                TestClient slow = new TestClient(server.port(), 4096)) {
            slow.send("NICK slow");
            slow.send("USER slow 0 * :never reads");
            slow.send("JOIN #room");
            // Its own join done before the others join, so bob's stream holds only alice's messages;
            // from here on it never reads.
            slow.sync();
            alice.ask("JOIN #room");
            bob.ask("JOIN #room");
            alice.sync();
            String payload = "p".repeat(400);
            int sent = 0;
            boolean slowGone = false;
            boolean bobSawQuit = false;
            String quit = ":slow!slow@127.0.0.1 QUIT :SendQ exceeded";
            final int chunkLines = 100;
            while (!slowGone && sent < 40_000) {
                for (int i = 0; i < chunkLines; i++) {
                    alice.send("PRIVMSG #room :" + (sent + i) + " " + payload);
                }
                for (int i = 0; i < chunkLines; i++) {
                    String line = bob.readLine();
                    if (line.equals(quit)) {
                        bobSawQuit = true;
                        line = bob.readLine();
                    }
                    assertEquals(":alice!alice@127.0.0.1 PRIVMSG #room :" + (sent + i) + " " + payload, line);
                }
                sent += chunkLines;
                slowGone = alice.sync().contains(quit);
            }
            assertTrue(slowGone, "the slow reader was never dropped");
            assertEquals(bobSawQuit ? List.of() : List.of(quit), bob.sync(), "bob got every message and the QUIT");
            List<String> slowSaw = slow.readUntilClosed();
            assertTrue(slowSaw.size() < sent, "the slow reader got only part of the traffic");
        }
    }

    @Test
    void clientThatAsksButDoesNotReadIsPausedAtTheSoftLimitNotDropped() throws Exception {
        server = TestServer.start(smallSendQueues());
        try (TestClient greedy = TestClient.irc(server.port(), "greedy");
                TestClient alice = TestClient.irc(server.port(), "alice")) {
            final int requests = 3000;
            greedy.sendRaw("LUSERS\r\n".repeat(requests).getBytes(StandardCharsets.US_ASCII));
            alice.sync(); // the server stays responsive meanwhile
            alice.send("PRIVMSG greedy :are you there?");
            alice.sync();
            int numerics = 0;
            int messages = 0;
            // Each LUSERS is 251 and 255 here: no rooms, operators or unregistered connections (252-254 left out).
            while (numerics < requests * 2) {
                String line = greedy.readLine();
                if (line.contains(" PRIVMSG greedy ")) {
                    messages++; // others' messages are not held back behind greedy's own requests
                } else {
                    assertTrue(line.startsWith(":test.server 25"), line);
                    numerics++;
                }
            }
            assertEquals(List.of(), greedy.sync(), "every request was answered, nothing else came");
            assertEquals(1, messages);
        }
    }

    @Test
    void connectionsBeyondMaxClientsAreRefusedWithServerFull() throws Exception {
        TestServer.Settings settings = new TestServer.Settings();
        settings.maxClients = 2;
        server = TestServer.start(settings);
        try (TestClient one = TestClient.irc(server.port(), "one");
                TestClient two = TestClient.irc(server.port(), "two");
                TestClient three = new TestClient(server.port())) {
            assertEquals(List.of("ERROR :Server full"), three.readUntilClosed());
            one.send("QUIT");
            one.readUntilClosed();
            two.sync();
            try (TestClient four = TestClient.irc(server.port(), "four")) {
                four.sync();
            }
        }
    }
}
