package chat.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.client.TerminalSession;
import chat.server.TestClient;
import chat.server.TestServer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Promise 5: faults of the peer. A client that vanishes or stops answering is seen to quit by the
 * others within the (short, configured) ping timeout; a restarted server gets the real client
 * back in its rooms; connections over --max-clients are refused while the others keep working.
 */
@Timeout(value = 40, unit = TimeUnit.SECONDS)
class PeerFaultTest {
    private static final long PING_INTERVAL_MILLIS = 400;
    private static final long PING_TIMEOUT_MILLIS = 400;

    @TempDir
    Path home;

    private static TestServer.Settings shortPingTimeouts() {
        TestServer.Settings settings = new TestServer.Settings();
        settings.pingIntervalMillis = PING_INTERVAL_MILLIS;
        settings.pingTimeoutMillis = PING_TIMEOUT_MILLIS;
        return settings;
    }

    @Test
    void socketClosedWithoutQuitOrResetIsSeenAsAQuitByTheOthers() throws Exception {
        try (ItServer server = ItServer.start(shortPingTimeouts());
                TestClient watcher = TestClient.inRoom(server.port(), "watcher", "#lobby")) {
            TestClient gone = TestClient.inRoom(server.port(), "gone", "#lobby");
            gone.close(); // FIN, no QUIT
            watcher.expect(line -> line.startsWith(":gone!") && line.contains(" QUIT "));
            TestClient reset = TestClient.inRoom(server.port(), "reset", "#lobby");
            reset.socket().setSoLinger(true, 0);
            reset.close(); // RST, no QUIT
            watcher.expect(line -> line.startsWith(":reset!") && line.contains(" QUIT "));
            server.awaitConnections(1);
        }
    }

    @Test
    void clientProcessKilledWithSigkillIsSeenAsAQuit() throws Exception {
        try (ItServer server = ItServer.start(shortPingTimeouts());
                TestClient watcher = TestClient.inRoom(server.port(), "watcher", "#lobby")) {
            // The real client in its own JVM, without a terminal (plain mode), its stdin a pipe we keep open.
            Process victim = new ProcessBuilder(Jars.java().toString(), "-jar", Jars.client().toString(),
                    "--host", "127.0.0.1", "--port", String.valueOf(server.port()), "--nick", "victim",
                    "--history-file", home.resolve("victim.history").toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            try {
                watcher.expect(line -> line.startsWith(":victim!") && line.contains(" JOIN "));
                victim.destroyForcibly(); // SIGKILL: no QUIT, no FIN from the program itself (the kernel closes)
                assertTrue(victim.waitFor(10, TimeUnit.SECONDS));
                assertEquals(137, victim.exitValue(), "killed by SIGKILL");
                watcher.expect(line -> line.startsWith(":victim!") && line.contains(" QUIT "));
            } finally {
                victim.destroyForcibly();
            }
        }
    }

    @Test
    void clientThatStopsRespondingIsDroppedByThePingTimeoutAndToldWhy() throws Exception {
        try (ItServer server = ItServer.start(shortPingTimeouts());
                TestClient watcher = TestClient.inRoom(server.port(), "watcher", "#lobby");
                TestClient silent = TestClient.inRoom(server.port(), "silent", "#lobby");
                TestClient loris = TestClient.inRoom(server.port(), "loris", "#lobby")) {
            loris.sendRaw("PRIVMSG #lobby :half a line and then noth".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            // Neither reads nor writes any more; the watcher answers PINGs (TestClient does) and waits.
            long started = System.nanoTime();
            String first = watcher.expect(line -> line.contains(" QUIT :Ping timeout"));
            String second = watcher.expect(line -> line.contains(" QUIT :Ping timeout"));
            long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            assertTrue((first + second).contains(":silent!") && (first + second).contains(":loris!"), first + " / " + second);
            System.out.println("peer faults: two unresponsive clients dropped after " + tookMillis
                    + " ms (ping interval " + PING_INTERVAL_MILLIS + " ms + timeout " + PING_TIMEOUT_MILLIS + " ms)");
            List<String> silentSaw = rawLinesUntilClosed(silent);
            assertTrue(silentSaw.get(silentSaw.size() - 1).startsWith("ERROR :Ping timeout"), silentSaw.toString());
            assertTrue(silentSaw.stream().anyMatch(line -> line.contains(" PING ")), "it was asked first: " + silentSaw);
            watcher.sync(); // the watcher, who answered, is still there
        }
    }

    /** Lines as they came, PINGs included (the client under test never answered them). */
    private static List<String> rawLinesUntilClosed(TestClient client) throws Exception {
        String all = new String(client.socket().getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        return List.of(all.split("\r\n"));
    }

    @Test
    void theRealClientReconnectsWithBackoffAfterAServerRestartAndRejoinsItsRooms() throws Exception {
        ItServer first = ItServer.start();
        int port = first.port();
        try (TerminalSession alice = TerminalSession.start(port, "alice", "#lobby", home, 100, 800)) {
            alice.awaitScreen("in #lobby:", 0);
            alice.type("/join #side\n");
            alice.awaitScreen("in #side:", 0);
            first.close();
            int lost = alice.awaitScreen("connection lost", 0);
            try (ItServer second = ItServer.restartOn(port);
                    TestClient watcher = TestClient.irc(second.port(), "watcher")) {
                // alice may rejoin before the watcher joins (her 100 ms backoff against a busy
                // machine): then her name is in the watcher's NAMES instead of a JOIN after it.
                watcher.send("JOIN #side");
                watcher.expect(line -> (line.startsWith(":alice!") && line.endsWith(" JOIN #side"))
                        || (line.contains(" 353 ") && line.matches(".*[ :@+]alice( .*)?")));
                alice.awaitScreen("in #side:", lost);
                alice.type("back again\n");
                watcher.expect(line -> line.startsWith(":alice!") && line.endsWith("PRIVMSG #side :back again"));
                assertEquals(2, second.stats().rooms(), "alice rejoined #lobby and #side");
                alice.type("88\n");
                assertEquals(0, alice.exitCode());
            }
        } finally {
            first.close();
        }
    }

    @Test
    void connectionsOverMaxClientsGetServerFullWhileTheOthersKeepChatting() throws Exception {
        TestServer.Settings settings = new TestServer.Settings();
        settings.maxClients = 3;
        try (ItServer server = ItServer.start(settings);
                TestClient a = TestClient.inRoom(server.port(), "a", "#lobby");
                TestClient b = TestClient.inRoom(server.port(), "b", "#lobby")) {
            TestClient c = TestClient.inRoom(server.port(), "c", "#lobby");
            for (int i = 0; i < 5; i++) {
                try (TestClient extra = new TestClient(server.port())) {
                    assertEquals(List.of("ERROR :Server full"), extra.readUntilClosed());
                }
            }
            a.send("PRIVMSG #lobby :still here");
            b.expect(line -> line.startsWith(":a!") && line.endsWith(":still here"));
            c.expect(line -> line.startsWith(":a!") && line.endsWith(":still here"));
            c.send("QUIT :making room");
            c.readUntilClosed();
            c.close();
            server.awaitConnections(2);
            try (TestClient d = TestClient.inRoom(server.port(), "d", "#lobby")) {
                d.send("PRIVMSG #lobby :got the freed place");
                a.expect(line -> line.startsWith(":d!") && line.endsWith(":got the freed place"));
            }
        }
    }
}
