package chat.server.net;

import java.lang.System.Logger.Level;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;

/**
 * The expensive steps of TLS handshakes, off the event loop: the {@code SSLEngine}'s delegated
 * tasks (the key exchange, the server's signature, checking a client certificate; a millisecond
 * or more each, where relaying a line costs microseconds). A few threads with a bounded queue;
 * the step's continuation comes back through the loop's task queue, as password hashing does
 * ({@code chat.server.account.PasswordWork}). A full queue refuses at once: that connection is
 * dropped and the ones already queued go on.
 */
final class HandshakeWork implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(HandshakeWork.class.getName());
    /**
     * Handshake steps waiting for a thread. At about a millisecond each this is a second or two
     * of work, well inside the handshake timeout; a storm larger than that is refused rather
     * than left to time out after using the CPU.
     */
    static final int QUEUE = 2_048;
    /** One core is left to the loop; more than a few threads only add contention. */
    static final int THREADS = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors() - 1));

    private final LoopWorkers workers;

    private HandshakeWork(LoopWorkers workers) {
        this.workers = workers;
    }

    /** Steps on their own threads, continuations through {@code loop} (the event loop's task queue). */
    static HandshakeWork start(Executor loop) {
        return new HandshakeWork(LoopWorkers.start("chat-tls-handshake", THREADS, QUEUE, loop));
    }

    /** Steps and continuations on the caller's thread (the in-memory harness, which has no loop thread). */
    static HandshakeWork inline() {
        return on(Runnable::run, Runnable::run);
    }

    /** Steps through {@code workers}, continuations through {@code loop} (tests hold either back). */
    static HandshakeWork on(Executor workers, Executor loop) {
        return new HandshakeWork(LoopWorkers.on(workers, loop));
    }

    /**
     * Runs {@code step} on a handshake thread, unless {@code wanted} says by then that its
     * connection is gone, and then {@code onLoop} on the loop thread. False, and nothing runs,
     * when the queue is full.
     */
    boolean submit(Runnable step, BooleanSupplier wanted, Runnable onLoop) {
        return workers.submit(() -> {
            try {
                if (wanted.getAsBoolean()) {
                    step.run();
                }
            } catch (RuntimeException e) {
                // The engine records its own failures and reports them at the next wrap or
                // unwrap; anything else is a bug, and the connection still comes back to the
                // loop, which drops it there.
                LOG.log(Level.WARNING, "a TLS handshake step failed", e);
            }
        }, onLoop);
    }

    @Override
    public void close() {
        workers.close();
    }
}
