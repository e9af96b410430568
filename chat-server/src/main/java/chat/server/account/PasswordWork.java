package chat.server.account;

import chat.server.net.LoopWorkers;
import java.lang.System.Logger.Level;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Password hashing off the event loop: a small pool (two threads: each Argon2id hash holds
 * 19 MiB and a core for ~50 ms) with a bounded queue. A result comes back through the loop's task
 * queue; when the queue is full the work is refused at once, so a login storm gets "try again"
 * answers instead of an ever longer wait or an ever larger heap.
 */
public final class PasswordWork implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(PasswordWork.class.getName());
    static final int THREADS = 2;
    /** About two seconds of hashing queued at most. */
    static final int QUEUE = 64;

    private final LoopWorkers workers;
    private final PasswordHasher hasher;

    private PasswordWork(LoopWorkers workers, PasswordHasher hasher) {
        this.workers = workers;
        this.hasher = hasher;
    }

    /** Hashing on its own threads, results through {@code loop}. */
    public static PasswordWork start(Executor loop) {
        return new PasswordWork(LoopWorkers.start("chat-password-hashing", THREADS, QUEUE, loop), new PasswordHasher());
    }

    /** Work and results on the caller's thread (handler tests). */
    public static PasswordWork inline() {
        return new PasswordWork(LoopWorkers.on(Runnable::run, Runnable::run), new PasswordHasher());
    }

    public PasswordHasher hasher() {
        return hasher;
    }

    /**
     * Runs {@code work} on a hashing thread and hands its result to {@code onLoop} on the loop
     * thread. False, and nothing runs, when the queue is full.
     */
    public <T> boolean submit(Supplier<T> work, Consumer<T> onLoop) {
        AtomicReference<T> result = new AtomicReference<>();
        return workers.submit(() -> {
            try {
                result.set(work.get());
            } catch (RuntimeException e) {
                LOG.log(Level.ERROR, "password hashing failed", e); // the caller gets null
            }
        }, () -> onLoop.accept(result.get()));
    }

    @Override
    public void close() {
        workers.close();
    }
}
