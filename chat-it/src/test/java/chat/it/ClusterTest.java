package chat.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.server.TestClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Three nodes and one Redis, each node the packaged server in its own JVM, with a real client on
 * each: one chat network. Rooms, members and the room commands span the nodes; nicks are unique
 * across them; every member sees a room's messages in one order.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ClusterTest extends ThreeNodes {
    private TestClient on(ClusterRig.Node node, String nick) throws Exception {
        return rig.irc(node, nick);
    }

    /** alice on a, bob on b, carol on c, all in #span, each having seen the others arrive. */
    private TestClient[] threeInOneRoom() throws Exception {
        TestClient alice = on(a, "alice");
        TestClient bob = on(b, "bob");
        TestClient carol = on(c, "carol");
        alice.send("JOIN #span");
        alice.expect(line -> line.contains(" 366 "));
        bob.send("JOIN #span");
        bob.expect(line -> line.contains(" 366 "));
        alice.expect(line -> line.startsWith(":bob!") && line.contains(" JOIN #span"));
        carol.send("JOIN #span");
        carol.expect(line -> line.contains(" 366 "));
        alice.expect(line -> line.startsWith(":carol!") && line.contains(" JOIN #span"));
        bob.expect(line -> line.startsWith(":carol!") && line.contains(" JOIN #span"));
        return new TestClient[] {alice, bob, carol};
    }

    @Test
    void aRoomSpansTheNodesWithItsCommands() throws Exception {
        TestClient[] three = threeInOneRoom();
        TestClient alice = three[0];
        TestClient bob = three[1];
        TestClient carol = three[2];

        List<String> names = carol.ask("NAMES #span");
        assertTrue(names.stream().anyMatch(l -> l.contains(" 353 ") && l.contains("@alice") && l.contains("bob")
                && l.contains("carol")), "NAMES on c lists members of all nodes: " + names);

        bob.send("PRIVMSG #span :hello from b");
        alice.expect(line -> line.equals(":bob!bob@127.0.0.1 PRIVMSG #span :hello from b"));
        carol.expect(line -> line.equals(":bob!bob@127.0.0.1 PRIVMSG #span :hello from b"));

        alice.send("TOPIC #span :one network");
        carol.expect(line -> line.contains(" TOPIC #span :one network"));
        bob.expect(line -> line.contains(" TOPIC #span :one network")); // b has applied it; c seeing it says nothing of b
        assertTrue(bob.ask("TOPIC #span").stream().anyMatch(l -> l.contains(" 332 ") && l.contains("one network")));

        alice.send("MODE #span +v carol");
        bob.expect(line -> line.contains(" MODE #span +v carol"));
        carol.expect(line -> line.contains(" MODE #span +v carol"));
        assertTrue(bob.ask("NAMES #span").stream().anyMatch(l -> l.contains("+carol")));

        List<String> whois = alice.ask("WHOIS carol");
        assertTrue(whois.stream().anyMatch(l -> l.contains(" 312 alice carol c ")), "WHOIS shows carol's node: " + whois);
        assertTrue(whois.stream().anyMatch(l -> l.contains(" 319 alice carol ") && l.contains("#span")));
        List<String> who = bob.ask("WHO #span");
        assertEquals(3, who.stream().filter(l -> l.contains(" 352 ")).count(), "WHO spans the nodes: " + who);
        assertTrue(alice.ask("ISON bob carol dave").stream().anyMatch(l -> l.contains(" 303 alice :bob carol")));
        assertTrue(carol.ask("LIST").stream().anyMatch(l -> l.contains(" 322 carol #span 3 ")));
        List<String> lusers = bob.ask("LUSERS");
        assertTrue(lusers.stream().anyMatch(l -> l.contains("There are 3 users") && l.contains("on 3 servers")), lusers.toString());
        assertTrue(lusers.stream().anyMatch(l -> l.contains("Users on node a: 1")), lusers.toString());

        bob.send("PRIVMSG carol :just you");
        carol.expect(line -> line.equals(":bob!bob@127.0.0.1 PRIVMSG carol :just you"));

        carol.send("NICK carla");
        alice.expect(line -> line.equals(":carol!carol@127.0.0.1 NICK :carla")
                || line.equals(":carol!carol@127.0.0.1 NICK carla"));
        alice.send("KICK #span carla :out");
        carol.expect(line -> line.contains(" KICK #span carla"));
        bob.expect(line -> line.contains(" KICK #span carla"));
        assertTrue(bob.ask("NAMES #span").stream().noneMatch(l -> l.contains("carla")));

        bob.send("PART #span :later");
        alice.expect(line -> line.startsWith(":bob!") && line.contains(" PART #span"));
        bob.send("QUIT :done");
        TestClient dave = on(c, "dave");
        dave.send("JOIN #span");
        dave.expect(line -> line.contains(" 366 "));
        alice.expect(line -> line.startsWith(":dave!") && line.contains(" JOIN #span"));
    }

    @Test
    void nicksAreUniqueAcrossTheNodesAndFreedOnQuit() throws Exception {
        TestClient alice = on(a, "alice");
        TestClient second = new TestClient(b.port());
        rig.keep(second);
        second.send("NICK alice");
        second.send("USER x 0 * :x");
        second.expect(line -> line.contains(" 433 ") && line.contains("alice"));
        second.send("NICK ALICE");
        second.expect(line -> line.contains(" 433 ") && line.contains("ALICE"));
        alice.send("QUIT :bye");
        alice.readUntilClosed();
        // Freed on quit: the claim is gone from Redis as soon as the QUIT is through.
        String answer;
        do {
            second.send("NICK alice");
            answer = second.expect(line -> line.contains(" 433 ") || line.contains(" 001 alice "));
        } while (answer.contains(" 433 "));
        assertTrue(answer.contains(" 001 alice "));
    }

    @Test
    void everyMemberOnEveryNodeSeesTheRoomInOneOrder() throws Exception {
        TestClient[] three = threeInOneRoom();
        int perSender = 200;
        Thread[] senders = new Thread[3];
        for (int s = 0; s < 3; s++) {
            TestClient sender = three[s];
            String name = "s" + s;
            senders[s] = new Thread(() -> {
                try {
                    for (int i = 0; i < perSender; i++) {
                        sender.send("PRIVMSG #span :" + name + "-" + i);
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        for (Thread sender : senders) {
            sender.start();
        }
        for (Thread sender : senders) {
            sender.join();
        }
        // Each sees the two others' messages; the order of all messages must be the same everywhere,
        // so each pair of receivers agrees on the messages both got (everything but their own).
        List<List<String>> seen = new ArrayList<>();
        for (TestClient client : three) {
            List<String> got = new ArrayList<>();
            while (got.size() < 2 * perSender) {
                String line;
                try {
                    line = client.readLine();
                } catch (AssertionError e) {
                    throw new AssertionError("receiver " + seen.size() + " got only " + got.size() + ": " + got, e);
                }
                assertTrue(line != null, "closed after " + got.size() + " messages: " + got);
                int at = line.indexOf(" PRIVMSG #span ");
                if (at >= 0) {
                    String text = line.substring(at + " PRIVMSG #span ".length());
                    got.add(text.startsWith(":") ? text.substring(1) : text);
                }
            }
            seen.add(got);
        }
        for (int x = 0; x < 3; x++) {
            for (int y = x + 1; y < 3; y++) {
                String own1 = "s" + x + "-";
                String own2 = "s" + y + "-";
                List<String> fromX = seen.get(x).stream().filter(m -> !m.startsWith(own2)).toList();
                List<String> fromY = seen.get(y).stream().filter(m -> !m.startsWith(own1)).toList();
                assertEquals(fromX, fromY, "receivers " + x + " and " + y + " disagree on the order");
            }
        }
        for (List<String> got : seen) {
            for (int s = 0; s < 3; s++) {
                String prefix = "s" + s + "-";
                List<String> one = got.stream().filter(m -> m.startsWith(prefix)).toList();
                for (int i = 0; i < one.size(); i++) {
                    assertEquals(prefix + i, one.get(i), "each sender's messages in the order sent");
                }
            }
        }
    }
}
