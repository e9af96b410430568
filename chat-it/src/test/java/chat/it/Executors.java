package chat.it;

import java.util.concurrent.Executor;

/** Thread pools for simulated clients: blocking clients need a thread each. */
final class Executors {
    private Executors() {
    }

    static Executor threads(int count) {
        return java.util.concurrent.Executors.newFixedThreadPool(count, runnable -> {
            Thread thread = new Thread(runnable, "it-client");
            thread.setDaemon(true);
            return thread;
        });
    }
}
