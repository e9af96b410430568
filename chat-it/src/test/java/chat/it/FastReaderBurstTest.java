package chat.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.server.ServerConfig;
import chat.server.TestClient;
import chat.server.TestServer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Item 2 of the hardening issue, over real sockets with the real defaults (soft 256 KiB, hard
 * 1 MiB, flood 10 lines/s after a burst of 40): 100 clones each send their 40-line burst of
 * ~450-byte messages to one reader at once (1.8 MB). The loop writes at most 64 KiB to a link per
 * turn, so the reader's queue passes the hard limit although it reads as fast as the socket
 * allows; before, it was dropped with "SendQ exceeded". Now it gets every message in order, and
 * two bystanders keep chatting meanwhile.
 */
class FastReaderBurstTest {
    private static final int CLONES = 100;
    private static final int BURST = ServerConfig.DEFAULT_FLOOD_BURST;
    private static final String PADDING = "x".repeat(400);

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aReaderThatDrainsGetsEveryLineOfAHundredBurstsAndIsNotDropped() throws Exception {
        TestServer.Settings settings = new TestServer.Settings();
        settings.floodLinesPerSecond = ServerConfig.DEFAULT_FLOOD_RATE;
        List<TestClient> clones = new ArrayList<>();
        try (ItServer server = ItServer.start(settings);
                TestClient reader = TestClient.irc(server.port(), "reader");
                BystanderProbe bystanders = new BystanderProbe(server.port())) {
            List<byte[]> bursts = new ArrayList<>();
            for (int i = 0; i < CLONES; i++) {
                String nick = "clone" + i;
                clones.add(TestClient.irc(server.port(), nick));
                StringBuilder burst = new StringBuilder();
                for (int n = 0; n < BURST; n++) {
                    burst.append(Ledger.message("reader", n, nick)).append(' ').append(PADDING).append("\r\n");
                }
                bursts.add(burst.toString().getBytes(StandardCharsets.UTF_8));
            }
            for (int i = 0; i < CLONES; i++) {
                clones.get(i).sendRaw(bursts.get(i)); // all within a few milliseconds
            }
            Ledger ledger = new Ledger("reader");
            while (ledger.total() < CLONES * BURST) {
                String line = reader.readLine();
                assertTrue(line != null && !line.startsWith("ERROR"), "the reader was dropped: " + line);
                ledger.record(line);
            }
            reader.sync();
            for (TestClient clone : clones) {
                clone.sync(); // every clone is still connected: nobody was dropped
            }
            ItServer.Stats stats = server.stats();
            assertEquals(CLONES + 3, stats.connections(), stats.toString());
            String latency = bystanders.finish();
            System.out.println("fast reader: " + ledger.total() + " messages of ~" + PADDING.length()
                    + " bytes from " + CLONES + " bursts, all in order, not dropped; bystanders: " + latency);
        } finally {
            for (TestClient clone : clones) {
                clone.close();
            }
        }
    }
}
