package chat.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.bench.BenchOptions;
import chat.bench.BenchResult;
import chat.bench.BenchRun;
import chat.bench.ProgressBoard;
import chat.server.TestServer;
import chat.server.tls.TlsConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bench's own TLS clients (`chat bench --tls`, the instrument of every TLS figure in
 * docs/BENCHMARKS.md) against the real server's TLS port: every client shakes hands, and every
 * message reaches every other member of its room once and in order, with long lines and a window
 * deep enough (64 messages from each of 14 others) that a client's read buffer fills before its
 * records are all decrypted, so records wait in the client between reads.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BenchOverTlsTest {
    @TempDir
    Path dataDir;

    @Test
    void everyBenchClientSpeaksTlsAndGetsEveryMessageOnceInOrder() throws Exception {
        TestServer.Settings settings = new TestServer.Settings();
        settings.tls = TlsConfig.on(0, dataDir);
        try (ItServer server = ItServer.start(settings)) {
            int clients = 30;
            BenchOptions options = new BenchOptions("127.0.0.1", server.tlsPort(), 2, clients, 150, 0, 64, 400,
                    0, 0, 10, 10, 10, "tb", "#tb", 0);

            BenchResult result = new BenchRun(options, new ProgressBoard(), false, true).execute();

            assertNull(result.failure());
            assertEquals(clients, result.joined());
            assertEquals(clients * 150L * 14, result.expected(), "each message reaches the 14 others of its room");
            assertEquals(result.expected(), result.received());
            assertTrue(result.clean(), "lost " + result.lost() + ", duplicated " + result.duplicated()
                    + ", reordered " + result.reordered() + ", misrouted " + result.misrouted());
            assertEquals(clients, server.tlsStats().done(), "every client came through the TLS port");
        }
    }

    @Test
    void theBenchOverTlsAgainstAPlainPortFailsInsteadOfSpinning() throws Exception {
        try (ItServer server = ItServer.start(new TestServer.Settings())) {
            BenchOptions options = new BenchOptions("127.0.0.1", server.port(), 1, 2, 5, 0, 4, 64,
                    0, 0, 2, 3, 2, "tp", "#tp", 0);

            BenchResult result = assertTimeoutPreemptively(Duration.ofSeconds(30),
                    () -> new BenchRun(options, new ProgressBoard(), false, true).execute());

            assertTrue(result.failure() != null, "a plain server never finishes a TLS handshake");
            assertEquals(0, result.joined());
        }
    }
}
