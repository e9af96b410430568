package chat.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.server.TestClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The history promises with the packaged server in its own JVM: what was relayed is there after a
 * restart, after a clean stop all of it, after {@code kill -9} everything relayed more than ~50 ms
 * before; a database that cannot be used stops the start with one line and exit status 1.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class HistoryDurabilityTest {
    /** The promise's window: a line relayed this long before a kill -9 is on disk. */
    private static final long PROMISE_MILLIS = 50;
    private static final int MESSAGES = 300;

    @TempDir
    Path work;

    private Process start(Path dataDir) throws IOException {
        return new ProcessBuilder(Jars.java().toString(), "-jar", Jars.server().toString(), "--port", "0",
                "--server-name", "history.test", "--data-dir", dataDir.toString(), "--flood-rate", "0")
                .redirectError(work.resolve("server-" + System.nanoTime() + ".log").toFile()).start();
    }

    private static TestClient historian(int port, String nick) throws IOException {
        TestClient client = new TestClient(port);
        client.send("CAP REQ :draft/chathistory batch message-tags");
        client.send("CAP END");
        client.register(nick);
        client.send("JOIN #lobby");
        client.expect(line -> line.contains(" 366 "));
        return client;
    }

    /** Every PRIVMSG text in #lobby's history, oldest first, read in pages of 100 backwards. */
    private static List<String> wholeHistory(TestClient client) throws IOException {
        List<String> texts = new ArrayList<>();
        String before = null;
        while (true) {
            List<String> page = HistoryAnswers.ask(client, "CHATHISTORY " + (before == null ? "LATEST #lobby * 100"
                    : "BEFORE #lobby msgid=" + before + " 100"));
            List<String> lines = page.stream().filter(line -> line.contains(" PRIVMSG #lobby ")).toList();
            if (lines.isEmpty()) {
                return texts;
            }
            List<String> pageTexts = new ArrayList<>();
            for (String line : lines) {
                pageTexts.add(line.substring(line.lastIndexOf(' ') + 1));
            }
            texts.addAll(0, pageTexts);
            before = lines.get(0).split("msgid=")[1].substring(0, 14);
        }
    }

    private List<String> sent(int count) {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            texts.add("m" + i);
        }
        return texts;
    }

    @Test
    void afterKillNineEverythingRelayedBeforeThePromiseWindowIsKept() throws Exception {
        Path data = work.resolve("data");
        Process server = start(data);
        int port = Jars.listeningPort(server);
        try (TestClient alice = historian(port, "alice"); TestClient bob = historian(port, "bob")) {
            for (String text : sent(MESSAGES)) {
                alice.send("PRIVMSG #lobby :" + text);
            }
            alice.sync();
            bob.expect(line -> line.endsWith(" m" + (MESSAGES - 1))); // relayed: the last one reached bob
            Thread.sleep(PROMISE_MILLIS * 4); // the promise is about time: let its window pass, then kill
            server.destroyForcibly().waitFor(10, TimeUnit.SECONDS); // SIGKILL: no shutdown hook, no flush
        }
        Process again = start(data);
        try (TestClient carol = historian(Jars.listeningPort(again), "carol")) {
            assertEquals(sent(MESSAGES), wholeHistory(carol));
        } finally {
            again.destroy();
            again.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aCleanStopKeepsEvenTheLastLinesAndTopicsComeBack() throws Exception {
        Path data = work.resolve("data");
        Process server = start(data);
        int port = Jars.listeningPort(server);
        try (TestClient alice = historian(port, "alice")) {
            alice.ask("TOPIC #lobby :remembered");
            for (String text : sent(MESSAGES)) {
                alice.send("PRIVMSG #lobby :" + text);
            }
            alice.sync();
            server.destroy(); // SIGTERM: the graceful stop commits what is queued
            assertTrue(server.waitFor(20, TimeUnit.SECONDS));
        }
        Process again = start(data);
        try (TestClient carol = historian(Jars.listeningPort(again), "carol")) {
            assertEquals(sent(MESSAGES), wholeHistory(carol));
            assertTrue(carol.ask("TOPIC #lobby").get(0).endsWith(" 332 carol #lobby remembered"));
        } finally {
            again.destroy();
            again.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aClientBackFromADropGetsWhatItMissedExactlyOnce() throws Exception {
        Process server = start(work.resolve("data"));
        int port = Jars.listeningPort(server);
        try (TestClient bob = historian(port, "bob")) {
            String last;
            try (TestClient alice = historian(port, "alice")) {
                bob.send("PRIVMSG #lobby :before");
                String seen = alice.expect(line -> line.endsWith(" before"));
                last = seen.split("msgid=").length > 1 ? seen.split("msgid=")[1].substring(0, 14) : null;
                if (last == null) { // alice asked for chathistory and batch only: ask for the msgid of what she saw
                    List<String> page = HistoryAnswers.ask(alice, "CHATHISTORY LATEST #lobby * 1");
                    last = page.get(1).split("msgid=")[1].substring(0, 14);
                }
            }
            for (int i = 0; i < 5; i++) {
                bob.send("PRIVMSG #lobby :missed" + i);
            }
            bob.sync();
            try (TestClient alice = historian(port, "alice")) {
                List<String> missed = HistoryAnswers.ask(alice, "CHATHISTORY AFTER #lobby msgid=" + last + " 100").stream()
                        .filter(line -> line.contains(" PRIVMSG ")).map(line -> line.substring(line.lastIndexOf(' ') + 1))
                        .toList();
                assertEquals(List.of("missed0", "missed1", "missed2", "missed3", "missed4"), missed);
            }
        } finally {
            server.destroy();
            server.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aDataDirectoryInUseOrADamagedFileStopsTheStartWithOneLine() throws Exception {
        Path data = work.resolve("data");
        Process first = start(data);
        try {
            assertTrue(Jars.listeningPort(first) > 0);
            Process second = new ProcessBuilder(Jars.java().toString(), "-jar", Jars.server().toString(), "--port", "0",
                    "--data-dir", data.toString()).redirectErrorStream(true).start();
            String said = new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(1, second.waitFor());
            assertTrue(said.contains("is in use by another chat server"), said);
        } finally {
            first.destroy();
            first.waitFor(10, TimeUnit.SECONDS);
        }
        Path damaged = work.resolve("damaged");
        Files.createDirectories(damaged);
        Files.write(damaged.resolve("history.db"), "this is not a database, just bytes".repeat(200).getBytes(StandardCharsets.UTF_8));
        Process broken = new ProcessBuilder(Jars.java().toString(), "-jar", Jars.server().toString(), "--port", "0",
                "--data-dir", damaged.toString()).redirectErrorStream(true).start();
        String said = new String(broken.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(1, broken.waitFor());
        assertTrue(said.startsWith("chat-server: history: cannot open ") && said.strip().lines().count() == 1, said);
    }
}
