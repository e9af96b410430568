package chat.server.net;

/**
 * Where the server gets its time, injected so that tests of timeouts, flood control and timestamps
 * run on a fake clock instead of waiting. Two readings because they answer different questions:
 * deadlines need a clock that never jumps (monotonic), replies need the date people read (epoch).
 */
public interface Clock {
    /** Milliseconds from an arbitrary origin that only moves forward; for deadlines and rates. */
    long monotonicMillis();

    /** Milliseconds since 1970-01-01T00:00Z; for times shown to people (TIME, topic and room dates). */
    long epochMillis();

    static Clock system() {
        return SystemClock.INSTANCE;
    }

    /** The JVM's clocks. */
    enum SystemClock implements Clock {
        INSTANCE;

        @Override
        public long monotonicMillis() {
            return System.nanoTime() / 1_000_000;
        }

        @Override
        public long epochMillis() {
            return System.currentTimeMillis();
        }
    }
}
