package chat.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.server.TestClient;
import chat.server.TestServer;
import chat.server.TlsTestContexts;
import chat.server.tls.TlsConfig;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16: "a TLS handshake storm costs others nothing". Two plain users play ping-pong (alice
 * messages bob, bob answers, each waits for the other's line) first on a quiet server, then while
 * 300 TLS handshakes arrive at once. Each of the 300 sends the same recorded ClientHello, so the
 * test's side costs nothing while the server does all of a handshake's expensive part for each
 * (a fresh key share, the key exchange, the signature over its certificate) and answers with its
 * whole flight; they never finish, as a stalled handshake would not.
 *
 * <p>What is compared is the test's own: the ping-pong round trips during the storm against those
 * before it, on the same machine a moment earlier. With the handshakes' key exchanges on the loop
 * thread (as before issue 16's HandshakeWork) a turn held dozens of them, and most round trips
 * during the storm waited for such a turn: measured on a loaded 2-core machine, 90th percentile
 * 306 ms against 0.85 ms quiet. Off the loop it was 0.22 ms against 1.1 ms quiet. The bound, five
 * times the quiet 90th percentile and never under 25 ms (the machine's own jitter), lies far
 * between the two. The CPU the loop thread spends on a storm is checked too (a second one, without
 * the ping-pong): less than the handshake threads', which do the key exchanges (with them on the
 * loop it was 723 ms against 0; off it, 163 ms against 639).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class TlsHandshakeStormTest {
    private static final int STORM = 300;
    private static final int WARM_UP = 60;
    private static final int QUIET_ROUND_TRIPS = 200;
    private static final int STORM_MIN_ROUND_TRIPS = 20;
    private static final long FLOOR_MICROS = 25_000;

    @TempDir
    Path dataDir;

    @Test
    void aStormOfTlsHandshakesDoesNotDelayTheLinesOfPeopleAlreadyChatting() throws Exception {
        TestServer.Settings settings = new TestServer.Settings();
        // No handshake of the storm may be dropped for its age while the test measures.
        settings.tls = TlsConfig.on(0, dataDir).withHandshakeTimeoutMillis(60_000);
        try (ItServer server = ItServer.start(settings);
                TestClient alice = TestClient.inRoom(server.port(), "alice", "#lobby");
                TestClient bob = TestClient.inRoom(server.port(), "bob", "#lobby")) {
            X509Certificate certificate = server.server.tlsCertificates().identity().certificate();
            byte[] clientHello = recordedClientHello(TlsTestContexts.trusting(certificate));
            // The JIT compiles the handshake's code before anything is measured.
            closeAll(storm(server.tlsPort(), clientHello, WARM_UP).join());
            pingPong(alice, bob, QUIET_ROUND_TRIPS / 4);

            long[] quiet = pingPong(alice, bob, QUIET_ROUND_TRIPS);
            CompletableFuture<List<Socket>> answered = storm(server.tlsPort(), clientHello, STORM);
            List<Long> during = new ArrayList<>();
            while (!answered.isDone() || during.size() < STORM_MIN_ROUND_TRIPS) {
                during.add(pingPong(alice, bob, 1)[0]);
            }
            closeAll(answered.join());
            long[] stormy = during.stream().mapToLong(Long::longValue).sorted().toArray();

            // The same storm again without the ping-pong, whose own share of the loop's CPU grows
            // with the number of round trips a slow machine fits into the storm.
            Map<Long, Long> cpuBefore = threadCpuNanos();
            List<Socket> unwatched = storm(server.tlsPort(), clientHello, STORM).join();
            Map<Long, Long> cpuAfter = threadCpuNanos();
            closeAll(unwatched);
            long loopCpu = cpuSpent(cpuBefore, cpuAfter, "chat-event-loop");
            long handshakeCpu = cpuSpent(cpuBefore, cpuAfter, "chat-tls-handshake");
            String figures = "quiet round trips p50/p90/max " + micros(quiet) + "; during " + STORM
                    + " handshakes " + micros(stormy) + " (" + stormy.length + " round trips); CPU of " + STORM
                    + " more: loop " + loopCpu / 1_000_000 + " ms, handshake threads " + handshakeCpu / 1_000_000 + " ms";
            System.out.println("TLS handshake storm: " + figures);

            long bound = Math.max(FLOOR_MICROS, 5 * percentile(quiet, 90));
            assertTrue(percentile(stormy, 90) <= bound, "the storm delayed the others' lines: " + figures);
            assertTrue(loopCpu < handshakeCpu, "the key exchanges ran on the loop thread: " + figures);

            // The server still does whole handshakes and counts the storm's as failed once they go.
            try (TestClient carol = TestClient.tls(server.tlsPort(), TlsTestContexts.trusting(certificate))) {
                carol.register("carol");
                carol.send("JOIN #lobby");
                carol.expect(line -> line.contains(" 366 "));
                carol.send("PRIVMSG #lobby :after the storm");
                bob.expectContaining("PRIVMSG #lobby :after the storm");
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            ItServer.TlsStats stats;
            do {
                stats = server.tlsStats();
            } while (stats.failed() < WARM_UP + 2 * STORM && System.nanoTime() < deadline);
            assertEquals(new ItServer.TlsStats(1, WARM_UP + 2 * STORM, 0), stats);
        }
    }

    /** The first flight of a TLS client: one ClientHello record, as the JDK's engine makes it. */
    private static byte[] recordedClientHello(SSLContext context) throws IOException {
        SSLEngine engine = context.createSSLEngine("127.0.0.1", 6697);
        engine.setUseClientMode(true);
        ByteBuffer out = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
        engine.wrap(ByteBuffer.allocate(0), out);
        return Arrays.copyOf(out.array(), out.position());
    }

    /**
     * Opens {@code count} connections to the TLS port as fast as it can, each sending the
     * ClientHello; completes when every one has the server's answer (a handshake record back).
     */
    private static CompletableFuture<List<Socket>> storm(int port, byte[] clientHello, int count) {
        return CompletableFuture.supplyAsync(() -> {
            List<Socket> sockets = new ArrayList<>();
            try {
                for (int i = 0; i < count; i++) {
                    Socket socket = new Socket();
                    sockets.add(socket);
                    socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
                    socket.setSoTimeout(30_000);
                    socket.getOutputStream().write(clientHello);
                }
                for (Socket socket : sockets) {
                    InputStream in = socket.getInputStream();
                    int first = in.read();
                    assertEquals(0x16, first, "the server answers the ClientHello with its handshake flight");
                }
                return sockets;
            } catch (IOException e) {
                closeAll(sockets);
                throw new java.io.UncheckedIOException(e);
            }
        }, Executors.threads(1));
    }

    /** {@code rounds} times: alice says something to bob and waits for bob's answer; each round trip in µs. */
    private static long[] pingPong(TestClient alice, TestClient bob, int rounds) throws IOException {
        long[] micros = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            String token = "round trip " + System.nanoTime(); // a space: sent as a trailing parameter, after a colon
            long start = System.nanoTime();
            alice.send("PRIVMSG bob :" + token);
            bob.expect(line -> line.endsWith("PRIVMSG bob :" + token));
            bob.send("PRIVMSG alice :" + token);
            alice.expect(line -> line.endsWith("PRIVMSG alice :" + token));
            micros[i] = (System.nanoTime() - start) / 1_000;
        }
        Arrays.sort(micros);
        return micros;
    }

    /** CPU time so far of every live thread, by id. */
    private static Map<Long, Long> threadCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<Long, Long> cpu = new HashMap<>();
        for (long id : threads.getAllThreadIds()) {
            cpu.put(id, threads.getThreadCpuTime(id));
        }
        return cpu;
    }

    /** CPU spent between the two snapshots by the threads named {@code name} (new ones from 0). */
    private static long cpuSpent(Map<Long, Long> before, Map<Long, Long> after, String name) {
        long spent = 0;
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            Long now = after.get(thread.getId());
            if (thread.getName().equals(name) && now != null && now >= 0) {
                spent += now - before.getOrDefault(thread.getId(), 0L);
            }
        }
        return spent;
    }

    private static long percentile(long[] sorted, int percent) {
        return sorted[Math.min(sorted.length - 1, sorted.length * percent / 100)];
    }

    private static String micros(long[] sorted) {
        return percentile(sorted, 50) / 1_000.0 + "/" + percentile(sorted, 90) / 1_000.0 + "/"
                + sorted[sorted.length - 1] / 1_000.0 + " ms";
    }

    private static void closeAll(List<Socket> sockets) {
        for (Socket socket : sockets) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // Going either way.
            }
        }
    }
}
