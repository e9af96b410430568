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
 * The cluster's faults, each with its own Redis and three packaged nodes: a node killed with
 * kill -9, Redis stopped for 30 s and started again, a node that stops reading.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ClusterFaultsTest extends ThreeNodes {
    /** Longer than a node's 10 s of silence before it is declared lost, so a wait for it can end in time. */
    private static final int PATIENT_READ_MILLIS = 20_000;

    private TestClient joined(ClusterRig.Node node, String nick, String room) throws Exception {
        TestClient client = TestClient.inRoom(node.port(), nick, room);
        rig.keep(client);
        return client;
    }

    private static void awaitJoin(TestClient client, String nick, String room) throws Exception {
        client.expect(line -> line.startsWith(":" + nick + "!") && line.contains(" JOIN " + room));
    }

    @Test
    void aNodeKilledNineIsShownQuitWithinFifteenSecondsAndItsNicksAreFree() throws Exception {
        TestClient alice = joined(a, "alice", "#span");
        TestClient bob = joined(b, "bob", "#span");
        awaitJoin(alice, "bob", "#span");
        TestClient carol = joined(c, "carol", "#span");
        awaitJoin(alice, "carol", "#span");
        awaitJoin(bob, "carol", "#span");
        alice.socket().setSoTimeout(PATIENT_READ_MILLIS);
        bob.socket().setSoTimeout(PATIENT_READ_MILLIS);

        long killedAt = System.nanoTime();
        c.kill9();
        alice.expect(line -> line.equals(":carol!carol@127.0.0.1 QUIT :node lost"));
        long seenAfterMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAt);
        bob.expect(line -> line.equals(":carol!carol@127.0.0.1 QUIT :node lost"));
        assertTrue(seenAfterMillis < 15_000, "carol shown quit " + seenAfterMillis + " ms after the kill");
        assertTrue(alice.ask("NAMES #span").stream().noneMatch(l -> l.contains("carol")));

        // Her nick is free at once, on any node.
        TestClient again = joined(b, "carol", "#span");
        awaitJoin(alice, "carol", "#span");
        again.close();

        // The node comes back under its name; its users connect again and rejoin.
        ClusterRig.Node back = rig.start("c");
        TestClient carol2 = joined(back, "carol2", "#span");
        awaitJoin(alice, "carol2", "#span");
        awaitJoin(bob, "carol2", "#span"); // b sends to c only once it knows carol2 is there
        bob.send("PRIVMSG #span :welcome back");
        carol2.expect(line -> line.endsWith("PRIVMSG #span :welcome back"));
        alice.send("PRIVMSG #span :from a too");
        carol2.expect(line -> line.endsWith("PRIVMSG #span :from a too"));
        // a and b sent c their bursts before these lines, on the same connections: c knows them all.
        assertTrue(carol2.ask("NAMES #span").stream().anyMatch(l -> l.contains("alice") && l.contains("bob")));
    }

    @Test
    void redisStoppedThirtySecondsKeepsLocalRoomsThenResynchronises() throws Exception {
        TestClient alice = joined(a, "alice", "#span");
        TestClient dave = joined(a, "dave", "#span");
        TestClient bob = joined(b, "bob", "#span");
        awaitJoin(alice, "bob", "#span");
        awaitJoin(dave, "bob", "#span");
        alice.send("TOPIC #span :before the split");
        bob.expect(line -> line.contains(" TOPIC #span :before the split"));

        int cLines = c.watched().lineCount();
        rig.stopRedis();
        long stoppedAt = System.nanoTime();
        List<String> aliceSaw = new ArrayList<>();
        aliceSaw.add(alice.expect(line -> line.contains("NOTICE alice :*** The network is split")));
        bob.expect(line -> line.contains("NOTICE bob :*** The network is split"));
        dave.expect(line -> line.equals(":bob!bob@127.0.0.1 QUIT :network split"));
        // Messages to someone out of reach are refused, clearly.
        assertTrue(alice.ask("PRIVMSG bob :are you there").stream().anyMatch(l -> l.contains(" 401 alice bob ")));

        // Thirty seconds of a split: the room on node a keeps working the whole time.
        int exchanged = 0;
        while (TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - stoppedAt) < 30) {
            String text = "during the split " + exchanged++;
            alice.send("PRIVMSG #span :" + text);
            dave.expect(line -> line.endsWith("PRIVMSG #span :" + text));
            aliceSaw.addAll(alice.sync());
        }
        alice.send("TOPIC #span :set during the split");
        dave.expect(line -> line.contains(" TOPIC #span :set during the split"));
        aliceSaw.addAll(alice.sync());
        assertEquals(1, aliceSaw.stream().filter(l -> l.contains("network is split")).count(),
                "one NOTICE about the split, not one per reconnection attempt");

        rig.startRedis();
        alice.socket().setSoTimeout(PATIENT_READ_MILLIS);
        bob.socket().setSoTimeout(PATIENT_READ_MILLIS);
        alice.expect(line -> line.contains("NOTICE alice :*** The network is whole again"));
        bob.expect(line -> line.contains("NOTICE bob :*** The network is whole again"));
        awaitJoin(alice, "bob", "#span");
        awaitJoin(bob, "alice", "#span");
        awaitJoin(bob, "dave", "#span");

        // Membership, nicks and topics are whole again.
        bob.send("PRIVMSG #span :after the split");
        alice.expect(line -> line.endsWith("PRIVMSG #span :after the split"));
        dave.expect(line -> line.endsWith("PRIVMSG #span :after the split"));
        assertTrue(bob.ask("TOPIC #span").stream().anyMatch(l -> l.contains(" 332 bob #span :set during the split")));
        ClusterRig.awaitWhole(c, cLines); // before it is whole, node c holds nicks for itself alone
        TestClient impostor = new TestClient(c.port());
        rig.keep(impostor);
        impostor.send("NICK alice");
        impostor.send("USER x 0 * :x");
        impostor.expect(line -> line.contains(" 433 ") && line.contains("alice"));
    }

    private static boolean subscribed(String clientList, String name) {
        return clientList.lines().anyMatch(l -> l.contains("name=" + name + " ") && l.contains(" sub=2 "));
    }

    @Test
    void aNodeThatStopsReadingIsCutOffByRedisNotBufferedWithoutBound() throws Exception {
        // The documented limit, set by every node at connect.
        assertTrue(rig.redis("CONFIG", "GET", "client-output-buffer-limit").contains("pubsub 67108864 16777216 30"));
        // A small one for the test, so a few thousand lines trip it.
        rig.redis("CONFIG", "SET", "client-output-buffer-limit", "pubsub 262144 131072 5");

        TestClient alice = joined(a, "alice", "#span");
        TestClient bob = joined(b, "bob", "#span");
        awaitJoin(alice, "bob", "#span");
        ClusterRig.signal(b, "STOP"); // node b stops reading anything, its Redis subscription included
        String text = "x".repeat(380);
        try {
            // Kernel buffers take the first megabytes; then Redis buffers, and past the limit closes
            // the subscription. Node a is never slowed: each batch is answered (PONG) as it goes.
            int sent = 0;
            String clients = rig.redis("CLIENT", "LIST");
            while (subscribed(clients, "chat-b") && sent < 200_000) {
                for (int i = 0; i < 2_000; i++) {
                    alice.send("PRIVMSG #span :" + sent++ + " " + text);
                }
                alice.sync();
                clients = rig.redis("CLIENT", "LIST");
            }
            assertTrue(!subscribed(clients, "chat-b"), "Redis closed the stopped node's subscription after "
                    + sent + " lines: " + clients);
            long usedMemory = Long.parseLong(rig.redis("INFO", "memory").lines()
                    .filter(l -> l.startsWith("used_memory:")).findFirst().orElseThrow().substring(12).strip());
            assertTrue(usedMemory < 32L << 20, "Redis memory stayed bounded: " + usedMemory);
        } finally {
            ClusterRig.signal(b, "CONT");
        }
        // Node b finds its subscription gone: a split for its users, then whole again.
        bob.socket().setSoTimeout(PATIENT_READ_MILLIS);
        bob.expect(line -> line.contains("NOTICE bob :*** The network is split"));
        bob.expect(line -> line.contains("NOTICE bob :*** The network is whole again"));
        alice.send("PRIVMSG #span :still here");
        bob.expect(line -> line.endsWith("PRIVMSG #span :still here"));
    }
}
