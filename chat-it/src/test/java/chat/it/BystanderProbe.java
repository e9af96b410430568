package chat.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import chat.server.TestClient;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Two bystanders in #lobby who keep talking while an attack runs: alice sends a numbered message
 * and waits for bob to get it, then a PING and waits for its PONG, again and again. Every message
 * must reach bob once and in order (nothing accepted is lost); the delivery and round-trip times
 * are the bystanders' latency under the attack.
 */
final class BystanderProbe implements AutoCloseable {
    private static final long PAUSE_MILLIS = 20;

    private final TestClient alice;
    private final TestClient bob;
    private final Ledger bobsLedger = new Ledger("bob");
    private final List<Long> deliveryMicros = Collections.synchronizedList(new ArrayList<>());
    private final List<Long> pingMicros = Collections.synchronizedList(new ArrayList<>());
    private final CompletableFuture<Integer> running;
    private volatile boolean stop;

    BystanderProbe(int port) throws IOException {
        alice = TestClient.inRoom(port, "alice", "#lobby");
        bob = TestClient.inRoom(port, "bob", "#lobby");
        running = CompletableFuture.supplyAsync(this::talk, Executors.threads(1));
    }

    private int talk() {
        int sent = 0;
        try {
            while (!stop) {
                long start = System.nanoTime();
                alice.send(Ledger.message("#lobby", sent++, "alice"));
                int wanted = sent;
                bob.expect(line -> bobsLedger.record(line) && bobsLedger.from("alice") == wanted);
                deliveryMicros.add((System.nanoTime() - start) / 1_000);
                start = System.nanoTime();
                alice.sync();
                pingMicros.add((System.nanoTime() - start) / 1_000);
                Thread.sleep(PAUSE_MILLIS); // pacing only: a bystander chats, it does not flood
            }
            return sent;
        } catch (IOException | InterruptedException e) {
            throw new java.util.concurrent.CompletionException(e);
        }
    }

    /** Fails at once if the bystanders have stopped being served. */
    void assertAlive() {
        if (running.isCompletedExceptionally()) {
            running.join();
        }
    }

    /** Stops, checks that bob got every message in order, and says what the latency was. */
    String finish() throws Exception {
        stop = true;
        int sent = running.get(30, TimeUnit.SECONDS);
        assertEquals(sent, bobsLedger.from("alice"), "bob got every message of alice's, in order");
        return sent + " messages, delivery p50/max " + percentile(deliveryMicros, 50) + "/" + percentile(deliveryMicros, 100)
                + " µs, PING round trip p50/max " + percentile(pingMicros, 50) + "/" + percentile(pingMicros, 100) + " µs";
    }

    long maxPingMicros() {
        return percentile(pingMicros, 100);
    }

    private static long percentile(List<Long> values, int percent) {
        List<Long> sorted;
        synchronized (values) {
            sorted = new ArrayList<>(values);
        }
        if (sorted.isEmpty()) {
            return 0;
        }
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, sorted.size() * percent / 100));
    }

    @Override
    public void close() throws IOException {
        stop = true;
        alice.close();
        bob.close();
    }
}
