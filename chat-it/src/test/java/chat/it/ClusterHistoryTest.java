package chat.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.server.TestClient;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * History in a cluster: three packaged nodes with history on and their own Redis. A line said on
 * one node is in the history every node reads (Redis streams): CHATHISTORY answers the same lines
 * with the same msgids on every node, the replay on join works on another node, history outlives
 * the nodes, and each room's stream keeps about --history-max-messages lines.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ClusterHistoryTest extends ThreeNodes {
    private static final String[] HISTORY = {"--history-max-messages", "50", "--join-replay", "3"};

    @Override
    String[] nodeOptions() {
        return HISTORY;
    }

    /** A client that asks for history itself (draft/chathistory, batch, tags). */
    private TestClient historian(ClusterRig.Node node, String nick) throws IOException {
        TestClient client = new TestClient(node.port());
        rig.keep(client);
        client.send("CAP REQ :draft/chathistory batch message-tags server-time");
        client.send("CAP END");
        client.register(nick);
        return client;
    }

    private static void join(TestClient client, String room) throws IOException {
        client.send("JOIN " + room);
        client.expect(line -> line.contains(" 366 "));
    }

    /** The answer's lines without the batch lines and the batch tag, whose reference is per connection. */
    private static List<String> lines(List<String> answer) {
        return answer.stream().filter(line -> !line.contains(" BATCH ")).map(line -> line.replaceAll("batch=[^;\\s]+;?", ""))
                .toList();
    }

    private static List<String> texts(List<String> answer) {
        return answer.stream().filter(line -> line.contains(" PRIVMSG ")).map(line -> line.substring(line.lastIndexOf(' ') + 1))
                .toList();
    }

    private static String tag(String line, String name) {
        return line.split(name + "=")[1].split("[; ]")[0];
    }

    private static String lineOf(List<String> answer, String text) {
        return answer.stream().filter(l -> l.endsWith(" " + text) || l.endsWith(" :" + text)).findFirst().orElseThrow();
    }

    @Test
    void everyNodeAnswersWithTheSameLinesAndMsgids() throws Exception {
        TestClient alice = historian(a, "alice");
        TestClient bob = historian(b, "bob");
        TestClient carol = historian(c, "carol");
        join(alice, "#span");
        join(bob, "#span");
        join(carol, "#span");
        alice.expect(line -> line.contains(":carol!") && line.contains(" JOIN "));
        bob.expect(line -> line.contains(":carol!") && line.contains(" JOIN "));
        List<String> bobSaw = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            alice.send("PRIVMSG #span :m" + i);
            if (i == 2 || i == 6) { // m3 is said after m2 went round: most likely a later millisecond
                for (int j = bobSaw.size() + 1; j <= i; j++) {
                    String text = "m" + j;
                    bobSaw.add(bob.expect(line -> line.contains(" PRIVMSG #span ") && line.endsWith(text)));
                }
            }
        }
        carol.expect(line -> line.endsWith(" PRIVMSG #span m6") || line.endsWith(" PRIVMSG #span :m6"));
        alice.send("PRIVMSG bob :private");
        bob.expect(line -> line.contains(" PRIVMSG bob ") && line.endsWith("private"));

        List<String> onA = lines(HistoryAnswers.ask(alice, "CHATHISTORY LATEST #span * 10"));
        List<String> onB = lines(HistoryAnswers.ask(bob, "CHATHISTORY LATEST #span * 10"));
        List<String> onC = lines(HistoryAnswers.ask(carol, "CHATHISTORY LATEST #span * 10"));
        assertEquals(List.of("m1", "m2", "m3", "m4", "m5", "m6"), texts(onA), onA.toString());
        assertEquals(onA, onB, "node b answers as node a");
        assertEquals(onA, onC, "node c answers as node a");
        for (int i = 1; i <= 6; i++) {
            assertEquals(tag(bobSaw.get(i - 1), "msgid"), tag(lineOf(onB, "m" + i), "msgid"), "the msgid bob saw live");
            assertEquals(tag(bobSaw.get(i - 1), "time"), tag(lineOf(onB, "m" + i), "time"), "the time bob saw live");
        }

        String m3 = tag(lineOf(onA, "m3"), "msgid");
        List<String> beforeB = lines(HistoryAnswers.ask(bob, "CHATHISTORY BEFORE #span msgid=" + m3 + " 10"));
        List<String> beforeC = lines(HistoryAnswers.ask(carol, "CHATHISTORY BEFORE #span msgid=" + m3 + " 10"));
        assertEquals(List.of("m1", "m2"), texts(beforeB));
        assertEquals(beforeB, beforeC);
        assertEquals(onA.subList(0, 2), beforeB);

        String m2time = tag(lineOf(onA, "m2"), "time");
        List<String> afterB = lines(HistoryAnswers.ask(bob, "CHATHISTORY AFTER #span timestamp=" + m2time + " 10"));
        List<String> afterC = lines(HistoryAnswers.ask(carol, "CHATHISTORY AFTER #span timestamp=" + m2time + " 10"));
        assertEquals(afterB, afterC, "AFTER timestamp= answers alike on b and c");
        // Lines of a later millisecond than m2's (ISO times of one length sort as text).
        assertEquals(onA.stream().filter(line -> tag(line, "time").compareTo(m2time) > 0).toList(), afterB);
        assertFalse(texts(afterB).contains("m1") || texts(afterB).contains("m2"), afterB.toString());

        assertEquals(List.of("m2", "m3", "m4"), texts(HistoryAnswers.ask(carol, "CHATHISTORY AROUND #span msgid=" + m3 + " 3")));
        String m5 = tag(lineOf(onA, "m5"), "msgid");
        assertEquals(List.of("m4"), texts(HistoryAnswers.ask(carol, "CHATHISTORY BETWEEN #span msgid=" + m3 + " msgid=" + m5 + " 10")));

        List<String> privateOnB = lines(HistoryAnswers.ask(bob, "CHATHISTORY LATEST alice * 10"));
        assertEquals(List.of("private"), texts(privateOnB));
        assertEquals(privateOnB, lines(HistoryAnswers.ask(alice, "CHATHISTORY LATEST bob * 10")), "both people, on two nodes");
        assertEquals(List.of(), texts(HistoryAnswers.ask(carol, "CHATHISTORY LATEST alice * 10")), "not carol's conversation");
        List<String> targets = HistoryAnswers.ask(bob, "CHATHISTORY TARGETS timestamp=2000-01-01T00:00:00.000Z"
                + " timestamp=2100-01-01T00:00:00.000Z 10");
        assertTrue(targets.stream().anyMatch(line -> line.contains(" CHATHISTORY TARGETS alice timestamp=")), targets.toString());
        assertTrue(targets.stream().anyMatch(line -> line.contains(" CHATHISTORY TARGETS #span timestamp=")), targets.toString());
    }

    @Test
    void eventsAreKeptOnceByTheNodeWhereTheyHappen() throws Exception {
        TestClient alice = historian(a, "alice");
        alice.send("CAP REQ draft/event-playback");
        alice.expect(line -> line.contains(" ACK "));
        TestClient bob = historian(b, "bob");
        join(alice, "#ev");
        join(bob, "#ev");
        alice.expect(line -> line.contains(":bob!") && line.contains(" JOIN "));
        alice.send("TOPIC #ev :kept once");
        bob.expect(line -> line.contains(" TOPIC #ev "));
        alice.send("MODE #ev +v bob");
        bob.expect(line -> line.contains(" MODE #ev +v bob"));
        bob.send("NICK bobby");
        alice.expect(line -> line.contains(" NICK "));
        bob.send("PRIVMSG #ev :hi");
        alice.expect(line -> line.contains(" PRIVMSG #ev "));
        bob.send("PART #ev :bye");
        alice.expect(line -> line.contains(" PART #ev"));

        List<String> onA = lines(HistoryAnswers.ask(alice, "CHATHISTORY LATEST #ev * 20"));
        List<String> commands = onA.stream().map(line -> line.split(" ")[2]).toList();
        assertEquals(List.of("JOIN", "JOIN", "TOPIC", "MODE", "NICK", "PRIVMSG", "PART"), commands,
                "each line once, in the order it happened, from the node where it happened: " + onA);
        TestClient carol = historian(c, "carol");
        carol.send("CAP REQ draft/event-playback");
        carol.expect(line -> line.contains(" ACK "));
        join(carol, "#ev");
        List<String> onC = lines(HistoryAnswers.ask(carol, "CHATHISTORY BEFORE #ev timestamp=2100-01-01T00:00:00.000Z 20"));
        assertEquals(onA, onC.subList(0, onA.size()), "node c answers as node a");
    }

    @Test
    void replayOnJoinOnAnotherNodeForIrcAndNc() throws Exception {
        TestClient alice = historian(a, "alice");
        TestClient bob = historian(b, "bob");
        join(alice, "#lobby");
        join(bob, "#lobby");
        alice.expect(line -> line.contains(":bob!") && line.contains(" JOIN "));
        for (int i = 1; i <= 5; i++) {
            alice.send("PRIVMSG #lobby :r" + i);
        }
        bob.expect(line -> line.endsWith(" PRIVMSG #lobby r5") || line.endsWith(" PRIVMSG #lobby :r5"));

        TestClient ivy = TestClient.irc(c.port(), "ivy");
        rig.keep(ivy);
        ivy.send("JOIN #lobby");
        assertEquals(":cluster.test NOTICE #lobby :--- history: the last 3 messages ---",
                ivy.expect(line -> line.contains("--- history")));
        assertEquals(":alice!alice@127.0.0.1 PRIVMSG #lobby r3", ivy.readLine());
        assertEquals(":alice!alice@127.0.0.1 PRIVMSG #lobby r4", ivy.readLine());
        assertEquals(":alice!alice@127.0.0.1 PRIVMSG #lobby r5", ivy.readLine());
        assertEquals(":cluster.test NOTICE #lobby :--- now ---", ivy.readLine());

        TestClient nc = new TestClient(b.port());
        rig.keep(nc);
        nc.expectContaining("NOTICE *");
        nc.send("nick");
        nc.expect(line -> line.equals("--- history ---"));
        assertTrue(nc.readLine().matches("\\[#lobby \\d\\d:\\d\\d\\] <alice> r3"));
        nc.readLine();
        assertTrue(nc.readLine().matches("\\[#lobby \\d\\d:\\d\\d\\] <alice> r5"));
        assertEquals("--- now ---", nc.readLine());
    }

    @Test
    void historyAndTopicsOutliveTheNodesAndTheCapHolds() throws Exception {
        TestClient alice = historian(a, "alice");
        TestClient bob = historian(b, "bob");
        join(alice, "#cap");
        join(bob, "#cap");
        alice.expect(line -> line.contains(":bob!") && line.contains(" JOIN "));
        alice.send("TOPIC #cap :remembered in Redis");
        bob.expect(line -> line.contains(" TOPIC #cap "));
        for (int i = 1; i <= 300; i++) {
            alice.send("PRIVMSG #cap :c" + i);
        }
        bob.expect(line -> line.endsWith(" PRIVMSG #cap c300") || line.endsWith(" PRIVMSG #cap :c300"));
        long kept = Long.parseLong(rig.redis("XLEN", "chat:history:#cap").trim());
        // MAXLEN ~ trims whole stream nodes (100 entries each): at least the cap, never a node more.
        assertTrue(kept >= 50 && kept <= 150, "the stream keeps about 50 lines, not 300: " + kept);

        // Every node that saw the room goes; the history stays in Redis.
        alice.close();
        bob.close();
        rig.stop(a);
        rig.stop(b);
        ClusterRig.Node again = startNode("b");
        TestClient dave = historian(again, "dave");
        dave.send("JOIN #cap");
        assertTrue(dave.expect(line -> line.contains(" 332 ") || line.contains(" 331 ") || line.contains(" 366 "))
                .contains(" 332 dave #cap :remembered in Redis"), "the topic, remembered by the restarted node");
        dave.expect(line -> line.contains(" 366 "));
        List<String> latest = texts(HistoryAnswers.ask(dave, "CHATHISTORY LATEST #cap * 100"));
        assertEquals(Math.min(kept, 100), latest.size(), latest.toString());
        assertEquals("c300", latest.get(latest.size() - 1));
        for (int i = 1; i < latest.size(); i++) {
            assertEquals(Integer.parseInt(latest.get(i - 1).substring(1)) + 1, Integer.parseInt(latest.get(i).substring(1)),
                    "in order, none missing: " + latest);
        }
        TestClient erin = historian(c, "erin");
        join(erin, "#cap");
        assertEquals(latest, texts(HistoryAnswers.ask(erin, "CHATHISTORY LATEST #cap * 100")), "and on a node that never restarted");
    }

    @Test
    void aSplitNodeSaysHistoryIsUnavailable() throws Exception {
        TestClient alice = historian(a, "alice");
        join(alice, "#span");
        alice.send("PRIVMSG #span :before");
        alice.sync();
        assertEquals(List.of("before"), texts(HistoryAnswers.ask(alice, "CHATHISTORY LATEST #span * 10")));
        rig.stopRedis();
        alice.expect(line -> line.contains("NOTICE alice :*** The network is split") && line.contains("not kept in the history"));
        List<String> answer = HistoryAnswers.ask(alice, "CHATHISTORY LATEST #span * 10");
        assertTrue(answer.get(0).contains(" FAIL CHATHISTORY MESSAGE_ERROR LATEST #span :History is not available right now"),
                answer.toString());
        assertTrue(alice.ask("PRIVMSG #span :still served").isEmpty(), "the node goes on");
    }
}
