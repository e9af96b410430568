package chat.server.account;

import java.lang.System.Logger.Level;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
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

    private final Executor workers;
    private final Executor loop;
    private final ThreadPoolExecutor pool;
    private final PasswordHasher hasher;

    private PasswordWork(Executor workers, ThreadPoolExecutor pool, Executor loop, PasswordHasher hasher) {
        this.workers = workers;
        this.pool = pool;
        this.loop = loop;
        this.hasher = hasher;
    }

    /** Hashing on its own threads, results through {@code loop}. */
    public static PasswordWork start(Executor loop) {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(QUEUE), task -> {
                    Thread thread = new Thread(task, "chat-password-hashing");
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
        return new PasswordWork(pool, pool, loop, new PasswordHasher());
    }

    /** Work and results on the caller's thread (handler tests). */
    public static PasswordWork inline() {
        return new PasswordWork(Runnable::run, null, Runnable::run, new PasswordHasher());
    }

    public PasswordHasher hasher() {
        return hasher;
    }

    /**
     * Runs {@code work} on a hashing thread and hands its result to {@code onLoop} on the loop
     * thread. False, and nothing runs, when the queue is full.
     */
    public <T> boolean submit(Supplier<T> work, Consumer<T> onLoop) {
        try {
            workers.execute(() -> {
                T result;
                try {
                    result = work.get();
                } catch (RuntimeException e) {
                    LOG.log(Level.ERROR, "password hashing failed", e);
                    result = null;
                }
                T done = result;
                loop.execute(() -> onLoop.accept(done));
            });
            return true;
        } catch (RejectedExecutionException full) {
            return false;
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
