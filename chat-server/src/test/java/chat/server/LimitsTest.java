package chat.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

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
            while (numerics < requests * 5) {
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
    void unregisteredConnectionIsDroppedAfterTheRegistrationTimeout() throws Exception {
        TestServer.Settings settings = new TestServer.Settings();
        settings.registrationTimeoutMillis = 300;
        server = TestServer.start(settings);
        try (TestClient idle = new TestClient(server.port())) {
            List<String> lines = idle.readUntilClosed();
            assertEquals("ERROR :Registration timed out", lines.get(lines.size() - 1));
        }
    }

    @Test
    void silentIrcClientIsPingedAndDroppedWhilePlainTextUsersAreExempt() throws Exception {
        TestServer.Settings settings = new TestServer.Settings();
        settings.pingIntervalMillis = 200;
        settings.pingTimeoutMillis = 1_000; // generous: the answering client must make it even on a busy machine
        server = TestServer.start(settings);
        try (TestClient silent = new TestClient(server.port());
                TestClient answering = new TestClient(server.port());
                TestClient plain = TestClient.plain(server.port(), "dave")) {
            // Both see the server's PINGs as lines; only "answering" answers, by hand.
            silent.stopAnsweringPings();
            silent.register("silent");
            answering.stopAnsweringPings();
            answering.register("answering");
            answering.expect(line -> line.equals("PING test.server") || line.equals(":test.server PING test.server"));
            answering.send("PONG test.server");
            List<String> lines = silent.readUntilClosed();
            assertTrue(lines.contains(":test.server PING test.server"), lines::toString);
            assertTrue(lines.get(lines.size() - 1).startsWith("ERROR :Ping timeout"), lines::toString);
            answering.sync();
            plain.send("/who");
            assertEquals("*** Users in #lobby: @dave", plain.expectContaining("Users in"));
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

    @Test
    void floodIsDelayedNotDroppedAndAHardCapDisconnects() throws Exception {
        TestServer.Settings settings = new TestServer.Settings();
        settings.floodLinesPerSecond = 40;
        settings.floodBurstLines = 5;
        settings.floodMaxDelayedLines = 30;
        server = TestServer.start(settings);
        try (TestClient alice = TestClient.irc(server.port(), "alice");
                TestClient bob = TestClient.irc(server.port(), "bob")) {
            alice.ask("JOIN #room");
            bob.ask("JOIN #room");
            alice.sync();
            StringBuilder burst = new StringBuilder();
            for (int i = 0; i < 25; i++) {
                burst.append("PRIVMSG #room :flood ").append(i).append("\r\n");
            }
            alice.sendRaw(burst.toString().getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < 25; i++) {
                assertEquals(":alice!alice@127.0.0.1 PRIVMSG #room :flood " + i, bob.readLine());
            }
            alice.sync();
            StringBuilder flood = new StringBuilder();
            for (int i = 0; i < 200; i++) {
                flood.append("PRIVMSG #room :too much ").append(i).append("\r\n");
            }
            alice.sendRaw(flood.toString().getBytes(StandardCharsets.US_ASCII));
            List<String> last = alice.readUntilClosed();
            assertEquals("ERROR :Excess Flood", last.get(last.size() - 1));
            String quit = bob.expect(line -> line.contains(" QUIT "));
            assertEquals(":alice!alice@127.0.0.1 QUIT :Excess Flood", quit);
        }
    }
}
