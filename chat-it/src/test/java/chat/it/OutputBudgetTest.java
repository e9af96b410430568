package chat.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.server.TestClient;
import chat.server.TestServer;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Item 1 of the hardening issue, over real sockets: thousands of rooms, then hundreds of nc users
 * who each ask for the room list and never read. Before, every one of them held the whole list
 * (the attack reached 388 MB and the server died of OutOfMemoryError); now the list is produced as
 * a reader drains it, the server's queued output stays within its budget (links with the largest
 * queues are dropped), and two bystanders keep chatting with nothing lost.
 */
class OutputBudgetTest {
    /** Small, so that a test-sized attack reaches it: the kernel's socket buffers absorb ~100 KB per peer first. */
    private static final int BUDGET = 1024 * 1024;
    /** CHANLIMIT is 20 rooms per user, so 400 creators hold the 8,000 rooms between them. */
    private static final int CREATORS = 400;
    private static final int ROOMS_EACH = 20;
    private static final int ATTACKERS = 400;
    private static final int TINY_RECEIVE_BUFFER = 2048;
    /** /stats runs in the middle of a loop turn, so it may see what that turn queued before its end. */
    private static final int ONE_TURN_SLACK = 512 * 1024;
    private static final long ATTACK_MILLIS = 4_000;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void ncUsersWhoAskForTheRoomListAndNeverReadStayWithinTheBudgetWhileBystandersChat() throws Exception {
        TestServer.Settings settings = new TestServer.Settings();
        settings.sendQueueTotalBytes = BUDGET;
        settings.sendQueueSoftBytes = 64 * 1024;
        settings.sendQueueHardBytes = 256 * 1024;
        List<Socket> attackers = new ArrayList<>();
        List<TestClient> creators = new ArrayList<>();
        try (ItServer server = ItServer.start(settings)) {
            for (int c = 0; c < CREATORS; c++) {
                TestClient creator = TestClient.irc(server.port(), "creator" + c);
                creators.add(creator);
                StringBuilder join = new StringBuilder("JOIN ");
                for (int j = 0; j < ROOMS_EACH; j++) { // 20 names fit in a 512-byte line
                    join.append(j == 0 ? "" : ",").append(String.format("#c%03d-%02d", c, j));
                }
                creator.ask(join.toString());
            }
            int rooms = server.stats().rooms();
            assertEquals(CREATORS * ROOMS_EACH, rooms);
            try (BystanderProbe bystanders = new BystanderProbe(server.port())) {
                for (int i = 0; i < ATTACKERS; i++) {
                    Socket socket = new Socket();
                    socket.setReceiveBufferSize(TINY_RECEIVE_BUFFER);
                    socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 5_000);
                    socket.getOutputStream().write(("nc" + i + "\r\n/rooms\r\n").getBytes(StandardCharsets.US_ASCII));
                    attackers.add(socket);
                }
                long maxQueued = 0;
                int fewestConnections = Integer.MAX_VALUE;
                long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ATTACK_MILLIS);
                int samples = 0;
                while (System.nanoTime() < until) {
                    ItServer.Stats stats = server.stats();
                    samples++;
                    maxQueued = Math.max(maxQueued, stats.bytesQueued());
                    fewestConnections = Math.min(fewestConnections, stats.connections());
                    assertTrue(stats.bytesQueued() <= BUDGET + ONE_TURN_SLACK, "over the budget: " + stats);
                    bystanders.assertAlive();
                }
                // One nc user who does read gets the whole list, streamed.
                try (TestClient reader = TestClient.plain(server.port(), "reader")) {
                    reader.send("/rooms");
                    reader.expectContaining("*** Rooms:");
                    // The end of the list shows nothing to a plain-text user, and the bystanders' chat
                    // in #lobby keeps arriving, so count to the last room, which comes last by name.
                    String last = String.format("#c%03d-%02d", CREATORS - 1, ROOMS_EACH - 1);
                    int listed = 0;
                    String line;
                    do {
                        line = reader.readLine();
                        listed += line.startsWith("***   #c") ? 1 : 0;
                    } while (!line.startsWith("***   " + last + " "));
                    assertEquals(rooms, listed, "the reading nc user got every room, in name order");
                }
                String latency = bystanders.finish();
                ItServer.Stats end = server.stats();
                int dropped = CREATORS + 2 + ATTACKERS - end.connections();
                System.out.println("output budget: " + rooms + " rooms, " + ATTACKERS + " nc /rooms never read; budget "
                        + BUDGET + ", max bytes queued " + maxQueued + " in " + samples + " samples; " + dropped
                        + " attackers dropped (Server output budget exceeded); bystanders: " + latency);
                assertTrue(dropped > 0, "the budget was never reached: " + end);
            }
        } finally {
            for (Socket socket : attackers) {
                socket.close();
            }
            for (TestClient creator : creators) {
                creator.close();
            }
        }
    }
}
