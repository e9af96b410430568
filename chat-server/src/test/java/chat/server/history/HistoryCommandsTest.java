package chat.server.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.server.harness.ChatHarness;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CHATHISTORY, join replay and remembered topics on the in-memory harness over a real SQLite file. */
class HistoryCommandsTest {
    @TempDir
    Path dataDir;
    private History history;
    private ChatHarness chat;

    private ChatHarness start(int joinReplay) throws Exception {
        HistoryConfig config = new HistoryConfig(dataDir, 30L * 86_400_000, 100_000, joinReplay);
        history = History.open(config, System::currentTimeMillis, Runnable::run, Runnable::run, () -> { });
        chat = new ChatHarness(ChatHarness.testConfig().history(config).build(), history);
        return chat;
    }

    @AfterEach
    void close() {
        if (history != null) {
            history.close();
        }
    }

    private ChatHarness.Peer historian(String nick, String caps) {
        ChatHarness.Peer peer = chat.irc(nick);
        List<String> ack = peer.ask("CAP REQ :" + caps);
        assertTrue(ack.get(0).contains(" ACK "), ack.toString());
        return peer;
    }

    /** Sends lines and waits until they are committed (the writer is a thread). */
    private void say(ChatHarness.Peer peer, String... lines) throws InterruptedException {
        peer.send(lines);
        history.flush();
    }

    private static List<String> texts(List<String> lines) {
        return lines.stream().filter(line -> line.contains(" PRIVMSG ")).map(line -> line.substring(line.lastIndexOf(' ') + 1))
                .collect(Collectors.toList());
    }

    @Test
    void latestBeforeAfterAroundBetweenInABatchWithOriginalTimeAndMsgid() throws Exception {
        start(0);
        ChatHarness.Peer alice = chat.irc("alice");
        alice.send("JOIN #lobby");
        for (int i = 1; i <= 9; i++) {
            say(alice, "PRIVMSG #lobby :m" + i);
            chat.clock.advance(1_000);
        }
        ChatHarness.Peer bob = historian("bob", "draft/chathistory batch server-time message-tags");
        bob.send("JOIN #lobby");
        bob.lines();
        List<String> latest = bob.ask("CHATHISTORY LATEST #lobby * 3");
        assertTrue(latest.get(0).matches("@time=\\S+ :test.server BATCH \\+(\\w+) chathistory #lobby"), latest.get(0));
        assertTrue(latest.get(1).matches("@batch=\\w+;time=\\S+Z;msgid=[0-9a-v]{14} :alice!alice@127.0.0.1 PRIVMSG #lobby m7"),
                latest.get(1));
        assertEquals(List.of("m7", "m8", "m9"), texts(latest));
        assertTrue(latest.get(latest.size() - 1).endsWith(" BATCH -" + latest.get(0).split(" ")[3].substring(1)));
        String m8 = latest.get(2).split("msgid=")[1].substring(0, 14);

        assertEquals(List.of("m5", "m6", "m7"), texts(bob.ask("CHATHISTORY BEFORE #lobby msgid=" + m8 + " 3")));
        assertEquals(List.of("m9"), texts(bob.ask("CHATHISTORY AFTER #lobby msgid=" + m8 + " 3")));
        assertEquals(List.of("m7", "m8", "m9"), texts(bob.ask("CHATHISTORY AROUND #lobby msgid=" + m8 + " 3")));
        String time3 = bob.ask("CHATHISTORY LATEST #lobby * 9").get(3).split("time=")[1].substring(0, 24);
        assertEquals(List.of("m4", "m5", "m6", "m7"),
                texts(bob.ask("CHATHISTORY BETWEEN #lobby timestamp=" + time3 + " msgid=" + m8 + " 10")));
        assertEquals(List.of("m9"), texts(bob.ask("CHATHISTORY LATEST #lobby msgid=" + m8 + " 10")));
    }

    @Test
    void errorsAndAccess() throws Exception {
        start(0);
        ChatHarness.Peer alice = chat.irc("alice");
        alice.send("JOIN #secret");
        say(alice, "PRIVMSG #secret :hidden", "PRIVMSG bob :just for bob");
        ChatHarness.Peer carol = historian("carol", "draft/chathistory batch");
        assertEquals(List.of(":test.server FAIL CHATHISTORY INVALID_TARGET LATEST #secret :Messages could not be retrieved"),
                carol.ask("CHATHISTORY LATEST #secret * 10"), "not a member");
        List<String> theirs = carol.ask("CHATHISTORY LATEST alice * 10");
        assertEquals(2, theirs.size(), "carol's own conversation with alice is empty: " + theirs);
        assertEquals(List.of(":test.server FAIL CHATHISTORY INVALID_MSGREFTYPE BEFORE foo=1 :References are msgid=... or timestamp=..."),
                carol.ask("CHATHISTORY BEFORE alice foo=1 10"));
        assertEquals(List.of(":test.server FAIL CHATHISTORY INVALID_PARAMS LATEST x :The limit must be a positive number"),
                carol.ask("CHATHISTORY LATEST alice * x"));
        assertEquals(List.of(":test.server FAIL CHATHISTORY INVALID_PARAMS SIDEWAYS :Unknown subcommand"),
                carol.ask("CHATHISTORY SIDEWAYS alice * 1"));
        assertEquals(List.of(":test.server FAIL CHATHISTORY INVALID_PARAMS BEFORE :Not enough parameters"),
                carol.ask("CHATHISTORY BEFORE alice"));
        ChatHarness.Peer dave = chat.irc("dave");
        assertEquals(List.of(":test.server 421 dave CHATHISTORY :Unknown command"), dave.ask("CHATHISTORY LATEST alice * 1"));
    }

    @Test
    void privateConversationsAreReadByTheirTwoPeopleAndListedByTargets() throws Exception {
        start(0);
        ChatHarness.Peer alice = historian("alice", "draft/chathistory batch");
        ChatHarness.Peer bob = historian("bob", "draft/chathistory batch");
        say(alice, "PRIVMSG bob :hi bob");
        bob.lines();
        say(bob, "PRIVMSG alice :hi alice");
        alice.lines();
        assertEquals(List.of("bob", "alice"), texts(alice.ask("CHATHISTORY LATEST bob * 10")));
        assertEquals(List.of("bob", "alice"), texts(bob.ask("CHATHISTORY LATEST alice * 10")));
        List<String> targets = alice.ask("CHATHISTORY TARGETS timestamp=2000-01-01T00:00:00.000Z timestamp=2100-01-01T00:00:00.000Z 10");
        assertTrue(targets.get(0).contains(" BATCH +") && targets.get(0).endsWith(" draft/chathistory-targets"), targets.toString());
        assertTrue(targets.get(1).matches("@batch=\\w+ :test.server CHATHISTORY TARGETS bob timestamp=\\S+Z"), targets.toString());
    }

    @Test
    void eventPlaybackAddsJoinsAndTopics() throws Exception {
        start(0);
        ChatHarness.Peer alice = historian("alice", "draft/chathistory draft/event-playback batch");
        say(alice, "JOIN #lobby", "TOPIC #lobby :plans", "PRIVMSG #lobby :hello");
        alice.lines();
        List<String> got = alice.ask("CHATHISTORY LATEST #lobby * 10");
        assertEquals(5, got.size(), got.toString());
        assertTrue(got.get(1).endsWith(" JOIN #lobby") && got.get(2).endsWith(" TOPIC #lobby plans")
                && got.get(3).endsWith(" PRIVMSG #lobby hello"), got.toString());
    }

    @Test
    void joinReplayForIrcAndPlainTextClientsWithoutChathistory() throws Exception {
        start(2);
        ChatHarness.Peer alice = chat.irc("alice");
        alice.send("JOIN #lobby");
        say(alice, "PRIVMSG #lobby :one", "PRIVMSG #lobby :two", "PRIVMSG #lobby :three");
        ChatHarness.Peer bob = chat.irc("bob");
        List<String> joined = bob.ask("JOIN #lobby");
        int start = joined.indexOf(":test.server NOTICE #lobby :--- history: the last 2 messages ---");
        assertTrue(start > 0, joined.toString());
        assertEquals(":alice!alice@127.0.0.1 PRIVMSG #lobby two", joined.get(start + 1));
        assertEquals(":alice!alice@127.0.0.1 PRIVMSG #lobby three", joined.get(start + 2));
        assertEquals(":test.server NOTICE #lobby :--- now ---", joined.get(start + 3));

        ChatHarness.Peer carol = chat.connect();
        carol.lines();
        List<String> seen = carol.ask("carol");
        int from = seen.indexOf("--- history ---");
        assertTrue(from >= 0, seen.toString());
        assertTrue(seen.get(from + 1).matches("\\[#lobby \\d\\d:\\d\\d\\] <alice> two"), seen.toString());
        assertTrue(seen.get(from + 2).matches("\\[#lobby \\d\\d:\\d\\d\\] <alice> three"), seen.toString());
        assertEquals("--- now ---", seen.get(from + 3));
    }

    @Test
    void topicsAndHistoryOutliveARestart() throws Exception {
        start(0);
        ChatHarness.Peer alice = chat.irc("alice");
        say(alice, "JOIN #lobby", "TOPIC #lobby :kept", "PRIVMSG #lobby :before the restart");
        history.close();
        start(0);
        ChatHarness.Peer bob = historian("bob", "draft/chathistory batch");
        List<String> joined = bob.ask("JOIN #lobby");
        assertTrue(joined.stream().anyMatch(line -> line.endsWith(" 332 bob #lobby kept")), joined.toString());
        assertEquals(List.of("restart"), texts(bob.ask("CHATHISTORY LATEST #lobby * 10")));
    }
}
