package chat.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.server.ServerConfig;
import chat.server.TestClient;
import chat.server.TestServer;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Promise 1: with many clients sending as fast as they can, every client gets every message
 * addressed to it exactly once and in each sender's order; a client dropped for a reason hears
 * the reason as ERROR before its stream ends.
 */
class NoLossNoReorderTest {
    private static final int CLIENTS = 200;
    private static final int ROOMS = 10;
    private static final int MESSAGES_EACH = 50;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void twoHundredClientsInTenRoomsReceiveEveryMessageOnceInOrder() throws Exception {
        TestServer.Settings settings = new TestServer.Settings();
        // The real flood defaults: 50 lines exceed the burst, so some lines wait; waiting must not reorder or drop.
        settings.floodLinesPerSecond = ServerConfig.DEFAULT_FLOOD_RATE;
        try (ItServer server = ItServer.start(settings)) {
            ItServer.Stats before = server.stats();
            CyclicBarrier allJoined = new CyclicBarrier(CLIENTS);
            CyclicBarrier allReceived = new CyclicBarrier(CLIENTS);
            List<Callable<Integer>> clients = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                String nick = "c" + i;
                String room = "#r" + (i % ROOMS);
                clients.add(() -> {
                    try (TestClient client = TestClient.inRoom(server.port(), nick, room)) {
                        allJoined.await(30, TimeUnit.SECONDS); // membership is final before anyone speaks
                        ByteArrayOutputStream burst = new ByteArrayOutputStream();
                        for (int seq = 0; seq < MESSAGES_EACH; seq++) {
                            burst.write((Ledger.message(room, seq, nick) + "\r\n").getBytes(StandardCharsets.UTF_8));
                        }
                        client.sendRaw(burst.toByteArray());
                        Ledger ledger = new Ledger(nick);
                        int expected = (CLIENTS / ROOMS - 1) * MESSAGES_EACH;
                        while (ledger.total() < expected) {
                            String line = client.readLine();
                            assertTrue(line != null, nick + ": stream ended after " + ledger.total() + " messages");
                            assertTrue(!line.startsWith("ERROR"), nick + " was dropped: " + line);
                            ledger.record(line);
                        }
                        allReceived.await(30, TimeUnit.SECONDS);
                        // Everything is delivered; a duplicate would show up before this PONG.
                        for (String late : client.sync()) {
                            assertTrue(!ledger.record(late), nick + " got a message twice: " + late);
                        }
                        return ledger.total();
                    }
                });
            }
            List<Integer> received = Parallel.run(clients);
            long total = received.stream().mapToLong(Integer::longValue).sum();
            assertEquals((long) CLIENTS * (CLIENTS / ROOMS - 1) * MESSAGES_EACH, total);
            ItServer.Stats after = server.awaitConnections(before.connections());
            assertEquals(CLIENTS * MESSAGES_EACH, after.relayed() - before.relayed(), "messages relayed by the server");
            assertEquals(0, after.rooms(), "rooms must go away with their last member: " + after);
            assertEquals(0, after.bytesQueued(), after.toString());
        }
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void clientDroppedForExcessFloodIsToldWhyBeforeTheClose() throws Exception {
        TestServer.Settings settings = new TestServer.Settings();
        settings.floodLinesPerSecond = 1;
        settings.floodBurstLines = 2;
        settings.floodMaxDelayedLines = 5;
        try (ItServer server = ItServer.start(settings);
                TestClient watcher = TestClient.inRoom(server.port(), "watcher", "#lobby");
                TestClient flooder = TestClient.inRoom(server.port(), "flooder", "#lobby")) {
            ByteArrayOutputStream burst = new ByteArrayOutputStream();
            for (int seq = 0; seq < 50; seq++) {
                burst.write((Ledger.message("#lobby", seq, "flooder") + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            flooder.sendRaw(burst.toByteArray());
            List<String> last = flooder.readUntilClosed();
            assertTrue(!last.isEmpty() && last.get(last.size() - 1).equals("ERROR :Excess Flood"),
                    "the last line before the close must be the reason: " + last);
            Ledger ledger = new Ledger("watcher");
            String quit = watcher.expect(line -> !ledger.record(line) && line.contains(" QUIT "));
            assertTrue(quit.startsWith(":flooder!") && quit.endsWith(":Excess Flood"), quit);
            assertTrue(ledger.from("flooder") <= settings.floodBurstLines + settings.floodMaxDelayedLines,
                    "only the lines before the cap were relayed, in order");
        }
    }
}
