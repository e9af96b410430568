package chat.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.server.TestClient;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every CHATHISTORY subcommand and error, access control, and the replay on JOIN for IRC and nc
 * users, against the packaged server over real sockets. Answers come from the history thread, so
 * each is awaited by the end of its batch (or its FAIL), not by PING/PONG.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HistoryOverSocketsTest {
    @TempDir
    Path work;
    private Process server;
    private int port;

    @BeforeEach
    void start() throws IOException {
        server = new ProcessBuilder(Jars.java().toString(), "-jar", Jars.server().toString(), "--port", "0",
                "--server-name", "history.test", "--data-dir", work.resolve("data").toString(), "--flood-rate", "0",
                "--join-replay", "3").redirectError(work.resolve("server.log").toFile()).start();
        port = Jars.listeningPort(server);
    }

    @AfterEach
    void stop() throws InterruptedException {
        server.destroy();
        server.waitFor(10, TimeUnit.SECONDS);
    }

    private TestClient historian(String nick) throws IOException {
        TestClient client = new TestClient(port);
        client.send("CAP REQ :draft/chathistory batch message-tags server-time");
        client.send("CAP END");
        client.register(nick);
        return client;
    }

    private static List<String> texts(List<String> lines) {
        return lines.stream().filter(line -> line.contains(" PRIVMSG ")).map(line -> line.substring(line.lastIndexOf(' ') + 1)).toList();
    }

    private static String msgid(List<String> lines, String text) {
        String line = lines.stream().filter(l -> l.endsWith(" " + text)).findFirst().orElseThrow();
        return line.split("msgid=")[1].substring(0, 14);
    }

    @Test
    void everySubcommandOverSockets() throws Exception {
        try (TestClient alice = historian("alice"); TestClient bob = historian("bob")) {
            alice.send("JOIN #lobby");
            alice.expect(line -> line.contains(" 366 "));
            for (int i = 1; i <= 6; i++) {
                alice.send("PRIVMSG #lobby :m" + i);
            }
            alice.send("PRIVMSG bob :private");
            alice.sync();
            bob.send("JOIN #lobby");
            bob.expect(line -> line.contains(" 366 "));
            List<String> all = HistoryAnswers.ask(bob, "CHATHISTORY LATEST #lobby * 10");
            assertTrue(all.get(0).matches("@time=\\S+ :history.test BATCH \\+\\w+ chathistory #lobby"), all.get(0));
            assertEquals(List.of("m1", "m2", "m3", "m4", "m5", "m6"), texts(all));
            String m3 = msgid(all, "m3");
            String m5 = msgid(all, "m5");
            assertEquals(List.of("m1", "m2"), texts(HistoryAnswers.ask(bob, "CHATHISTORY BEFORE #lobby msgid=" + m3 + " 10")));
            assertEquals(List.of("m4", "m5", "m6"), texts(HistoryAnswers.ask(bob, "CHATHISTORY AFTER #lobby msgid=" + m3 + " 10")));
            assertEquals(List.of("m2", "m3", "m4"), texts(HistoryAnswers.ask(bob, "CHATHISTORY AROUND #lobby msgid=" + m3 + " 3")));
            assertEquals(List.of("m4"), texts(HistoryAnswers.ask(bob, "CHATHISTORY BETWEEN #lobby msgid=" + m3 + " msgid=" + m5 + " 10")));
            assertEquals(List.of("m6"), texts(HistoryAnswers.ask(bob, "CHATHISTORY LATEST #lobby msgid=" + m5 + " 10")));
            assertEquals(List.of("private"), texts(HistoryAnswers.ask(bob, "CHATHISTORY LATEST alice * 10")));
            List<String> targets = HistoryAnswers.ask(bob, "CHATHISTORY TARGETS timestamp=2000-01-01T00:00:00.000Z"
                    + " timestamp=2100-01-01T00:00:00.000Z 10");
            assertTrue(targets.stream().anyMatch(line -> line.contains(" CHATHISTORY TARGETS alice timestamp=")), targets.toString());
            assertTrue(targets.stream().anyMatch(line -> line.contains(" CHATHISTORY TARGETS #lobby timestamp=")), targets.toString());
        }
    }

    @Test
    void errorsAndAccessOverSockets() throws Exception {
        try (TestClient alice = historian("alice"); TestClient mallory = historian("mallory")) {
            alice.send("JOIN #secret");
            alice.send("PRIVMSG #secret :hidden");
            alice.send("PRIVMSG bob :for bob only");
            alice.sync();
            assertTrue(HistoryAnswers.ask(mallory, "CHATHISTORY LATEST #secret * 10").get(0)
                    .endsWith(" FAIL CHATHISTORY INVALID_TARGET LATEST #secret :Messages could not be retrieved"));
            assertEquals(List.of(), texts(HistoryAnswers.ask(mallory, "CHATHISTORY LATEST alice * 10")),
                    "mallory's conversation with alice is not alice's with bob");
            assertTrue(HistoryAnswers.ask(mallory, "CHATHISTORY BEFORE alice when=now 10").get(0)
                    .contains(" FAIL CHATHISTORY INVALID_MSGREFTYPE BEFORE when=now "));
            assertTrue(HistoryAnswers.ask(mallory, "CHATHISTORY BEFORE alice msgid=nonsense 10").get(0)
                    .contains(" FAIL CHATHISTORY INVALID_PARAMS BEFORE msgid=nonsense "));
            assertTrue(HistoryAnswers.ask(mallory, "CHATHISTORY LATEST alice * many").get(0)
                    .contains(" FAIL CHATHISTORY INVALID_PARAMS LATEST many "));
            assertTrue(HistoryAnswers.ask(mallory, "CHATHISTORY FORWARD alice * 1").get(0)
                    .contains(" FAIL CHATHISTORY INVALID_PARAMS FORWARD "));
            assertTrue(mallory.ask("PRIVMSG alice :still served").isEmpty(), "the connection goes on");
        }
    }

    @Test
    void joinReplayForAnIrcClientWithoutCapabilitiesAndForNc() throws Exception {
        try (TestClient alice = TestClient.inRoom(port, "alice", "#lobby")) {
            for (int i = 1; i <= 5; i++) {
                alice.send("PRIVMSG #lobby :r" + i);
            }
            alice.sync();
            try (TestClient irc = TestClient.irc(port, "ivy")) {
                irc.send("JOIN #lobby");
                String start = irc.expect(line -> line.contains("--- history"));
                assertEquals(":history.test NOTICE #lobby :--- history: the last 3 messages ---", start);
                assertEquals(":alice!alice@127.0.0.1 PRIVMSG #lobby r3", irc.readLine());
                assertEquals(":alice!alice@127.0.0.1 PRIVMSG #lobby r4", irc.readLine());
                assertEquals(":alice!alice@127.0.0.1 PRIVMSG #lobby r5", irc.readLine());
                assertEquals(":history.test NOTICE #lobby :--- now ---", irc.readLine());
            }
            try (TestClient nc = new TestClient(port)) {
                nc.expectContaining("NOTICE *");
                nc.send("carol");
                nc.expect(line -> line.equals("--- history ---"));
                assertTrue(nc.readLine().matches("\\[#lobby \\d\\d:\\d\\d\\] <alice> r3"));
                nc.readLine();
                assertTrue(nc.readLine().matches("\\[#lobby \\d\\d:\\d\\d\\] <alice> r5"));
                assertEquals("--- now ---", nc.readLine());
            }
        }
    }
}
