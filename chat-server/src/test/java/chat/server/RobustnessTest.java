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
class RobustnessTest {
    private TestServer server;

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void overlongLineGets417AndTheConnectionKeepsWorking() throws Exception {
        server = TestServer.start();
        try (TestClient alice = TestClient.irc(server.port(), "alice")) {
            alice.send("PRIVMSG alice :" + "x".repeat(600));
            assertEquals(List.of(":test.server 417 alice :Input line was too long (limit 512 bytes with CRLF); it was ignored"),
                    alice.sync());
            alice.sendRaw("y".repeat(2000).getBytes(StandardCharsets.US_ASCII)); // no newline at all
            assertTrue(alice.readLine().contains(" 417 alice "), "refused before any newline arrives");
            alice.sendRaw("still the same long line\r\n".getBytes(StandardCharsets.US_ASCII));
            assertEquals(List.of(), alice.sync(), "the rest of the long line was discarded");
            alice.send("PRIVMSG alice :" + "z".repeat(400));
            assertEquals(":alice!alice@127.0.0.1 PRIVMSG alice " + "z".repeat(400), alice.readLine());
        }
    }

    @Test
    void invalidUtf8NulAndBareCrGetClearErrors() throws Exception {
        server = TestServer.start();
        try (TestClient alice = TestClient.irc(server.port(), "alice")) {
            alice.sendRaw(new byte[] {'P', 'R', 'I', 'V', 'M', 'S', 'G', ' ', 'a', ' ', (byte) 0xC3, (byte) 0x28, '\r', '\n'});
            assertEquals(List.of(":test.server 400 alice * :Line ignored: it is not valid UTF-8 (at byte 10)"), alice.sync());
            alice.sendRaw("NICK a\0b\r\n".getBytes(StandardCharsets.US_ASCII));
            assertEquals(List.of(":test.server 400 alice * :Line ignored: it holds a NUL byte (at byte 6)"), alice.sync());
            alice.sendRaw("NICK a\rb\r\n".getBytes(StandardCharsets.US_ASCII));
            assertEquals(List.of(":test.server 400 alice * :Line ignored: it holds a bare CR byte (at byte 6)"), alice.sync());
            assertEquals(List.of(":test.server 400 alice * :Malformed line ignored: prefix without a command"), alice.ask(":x"));
            alice.send("PRIVMSG alice :h\u00e9llo w\u00f6rld \u2603");
            assertEquals(":alice!alice@127.0.0.1 PRIVMSG alice :h\u00e9llo w\u00f6rld \u2603", alice.readLine());
        }
    }

    @Test
    void errorRepliesEchoingOddInputStayWellFormed() throws Exception {
        server = TestServer.start();
        try (TestClient alice = TestClient.irc(server.port(), "alice")) {
            assertEquals(List.of(":test.server 432 alice foo_bar :Erroneous nickname: a nickname may hold only letters,"
                    + " digits, - and []\\`_^{|}"), alice.ask("NICK :foo bar"));
            assertEquals(List.of(":test.server 401 alice zed :No such nick/channel", ":test.server 401 alice _b :No such nick/channel"),
                    alice.ask("PRIVMSG zed,:b x"));
            assertEquals(List.of(":test.server 410 alice a_b :Invalid CAP command"), alice.ask("CAP :a b"));
            alice.send("PRIVMSG alice :fine");
            assertEquals(":alice!alice@127.0.0.1 PRIVMSG alice fine", alice.readLine());
        }
    }

    @Test
    void randomGarbageNeverBreaksTheServer() throws Exception {
        server = TestServer.start();
        Random random = new Random(42);
        try (TestClient alice = TestClient.irc(server.port(), "alice");
                TestClient garbage = TestClient.irc(server.port(), "garbage")) {
            byte[] bytes = new byte[20_000];
            random.nextBytes(bytes);
            for (int i = 0; i < bytes.length; i++) {
                if (bytes[i] == '\n' && random.nextInt(4) != 0) {
                    bytes[i] = 'q'; // fewer, longer lines: some over the limit, most not
                }
            }
            garbage.sendRaw(bytes);
            garbage.sendRaw("\r\n".getBytes(StandardCharsets.US_ASCII));
            garbage.sync();
            alice.send("PRIVMSG garbage :still there?");
            assertEquals(":alice!alice@127.0.0.1 PRIVMSG garbage :still there?", garbage.readLine());
        }
    }

    @Test
    void slowConsumerIsDisconnectedWhileOthersReceiveEverything() throws Exception {
        TestServer.Settings settings = new TestServer.Settings();
        settings.sendQueueSoftBytes = 16 * 1024;
        settings.sendQueueHardBytes = 64 * 1024;
        server = TestServer.start(settings);
        try (TestClient alice = TestClient.irc(server.port(), "alice");
                TestClient bob = TestClient.irc(server.port(), "bob");
                TestClient slow = new TestClient(server.port(), 4096)) {
            slow.send("NICK slow");
            slow.send("USER slow 0 * :never reads");
            slow.send("JOIN #room");
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
        settings.pingTimeoutMillis = 300;
        server = TestServer.start(settings);
        try (TestClient silent = TestClient.irc(server.port(), "silent");
                TestClient answering = TestClient.irc(server.port(), "answering");
                TestClient plain = TestClient.plain(server.port(), "dave")) {
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
