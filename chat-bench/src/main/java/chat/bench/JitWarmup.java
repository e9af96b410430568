package chat.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;

/**
 * Compiles the bench's hot paths before it measures anything. A fan-out run lasts one or two
 * seconds; started cold, the bench JVM spent more CPU in its JIT compiler threads during that
 * time than in its own loop (perf: C2 18.5 % of a 2-core machine, C1 7 %, the loop 32 %), on
 * the same cores as the server it measures. So before connecting to the server, the bench runs
 * a short bench of the same shape (window, payload size, rate or not) against a
 * {@link LoopbackRelay} in its own process, three rounds of about 150,000 deliveries, and
 * {@link BenchRun} waits until the compiler threads fall quiet before its traffic starts. The
 * server sees none of it.
 */
final class JitWarmup {
    /** Enough for every per-delivery method to pass C2's thresholds (about 15,000 calls) many times. */
    static final long DELIVERIES = 150_000;
    private static final int ROUNDS = 3;
    /** How long round 0 sends when the real run has a rate. */
    private static final double RATE_ROUND_SECONDS = 0.5;
    private static final int MAX_CLIENTS = 20;
    private static final int MAX_ROOMS = 2;
    private static final long QUIET_POLL_MILLIS = 20;
    /** Below this much process CPU per poll interval the compiler threads are idle (1 ms per 20 ms). */
    private static final long QUIET_CPU_NANOS = 1_000_000;
    private static final long MAX_QUIET_WAIT_NANOS = 3_000_000_000L;

    private JitWarmup() {
    }

    /**
     * The warm-up bench's options for one round, each with at most 20 clients in 2 rooms and the
     * real run's payload size. Round 0 has the real run's window, so many lines arrive per read
     * and the per-delivery code gets hot; with a rate it also sends on a schedule (a faster one),
     * so the timer code gets hot too. Later rounds have a window of one: a read, a write and a
     * loop turn for nearly every line, so the per-read, per-write and per-turn code gets hot; they
     * also meet registration and QUIT again after the JIT compiled the traffic code, so that code
     * is recompiled knowing those lines before the real server's would throw it away.
     */
    static BenchOptions shapeFor(BenchOptions real, int relayPort, int round) {
        int clients = Math.min(real.clients(), MAX_CLIENTS);
        int rooms = Math.min(real.rooms(), MAX_ROOMS);
        int receiversPerMessage = Math.max(1, clients / rooms - 1);
        long messages = Math.max(1, DELIVERIES / ((long) clients * receiversPerMessage));
        double rate = round == 0 && real.ratePerClient() > 0 ? messages / RATE_ROUND_SECONDS : 0;
        int window = round == 0 ? real.window() : 1;
        return new BenchOptions("127.0.0.1", relayPort, rooms, clients, messages, rate, window,
                real.sizeBytes(), 0, 0, real.drainTimeoutSeconds(), real.connectTimeoutSeconds(), clients,
                real.nickPrefix(), real.roomPrefix(), 0, real.capabilities());
    }

    /**
     * Runs the warm-up bench and waits for the JIT to finish what it queued. Returns the warm-up's
     * result (for the caller to check it completed); the real run starts from fresh counters.
     */
    static BenchResult run(BenchOptions real, ProgressBoard board) throws IOException {
        board.announce("jit warmup");
        BenchResult result = null;
        for (int round = 0; round < ROUNDS && (result == null || result.clean()); round++) {
            try (LoopbackRelay relay = new LoopbackRelay()) {
                result = new BenchRun(shapeFor(real, relay.port(), round), new ProgressBoard(), true).execute();
            }
        }
        awaitCompilerQuiet();
        return result;
    }

    /**
     * Returns once the process used almost no CPU for a poll interval while this thread slept:
     * the only threads left working then would be the compiler threads, so they are done.
     */
    static void awaitCompilerQuiet() {
        if (!(ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os)) {
            return;
        }
        long deadline = System.nanoTime() + MAX_QUIET_WAIT_NANOS;
        long before = os.getProcessCpuTime();
        while (System.nanoTime() < deadline) {
            try {
                Thread.sleep(QUIET_POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            long now = os.getProcessCpuTime();
            if (now - before < QUIET_CPU_NANOS) {
                return;
            }
            before = now;
        }
    }
}
