package chat.server.net;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Slow work beside the event loop (password hashing, TLS handshake steps): a few daemon threads
 * with a bounded queue, each task's continuation handed back through the loop's task queue, so
 * only the loop thread ever touches chat state. A full queue refuses at once: the caller answers
 * "try again" or drops that one connection, instead of letting work pile up without bound.
 */
public final class LoopWorkers implements AutoCloseable {
    private final Executor workers;
    /** Null when the work runs on executors the caller gave (tests). */
    private final ThreadPoolExecutor pool;
    private final Executor loop;

    private LoopWorkers(Executor workers, ThreadPoolExecutor pool, Executor loop) {
        this.workers = workers;
        this.pool = pool;
        this.loop = loop;
    }

    /** {@code threads} daemon threads named {@code threadName} (idle ones end after 30 s), {@code queue} tasks waiting at most. */
    public static LoopWorkers start(String threadName, int threads, int queue, Executor loop) {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(queue), task -> {
                    Thread thread = new Thread(task, threadName);
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
        return new LoopWorkers(pool, pool, loop);
    }

    /** Work through {@code workers}, continuations through {@code loop} (tests: inline, or held back). */
    public static LoopWorkers on(Executor workers, Executor loop) {
        return new LoopWorkers(workers, null, loop);
    }

    /**
     * Runs {@code work} on a worker thread, then {@code onLoop} through the loop's task queue (also
     * when {@code work} failed). False, and nothing runs, when the queue is full.
     */
    public boolean submit(Runnable work, Runnable onLoop) {
        try {
            workers.execute(() -> {
                try {
                    work.run();
                } finally {
                    loop.execute(onLoop);
                }
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
