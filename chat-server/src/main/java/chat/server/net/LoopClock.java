package chat.server.net;

/**
 * The loop's view of time: the monotonic reading is taken once at the start of every turn
 * ({@link #tick()}) and shared by everything that turn does, so one turn sees one "now" and the
 * hot path reads a field instead of the system clock.
 */
public final class LoopClock {
    private final Clock clock;
    private long nowMillis;

    public LoopClock(Clock clock) {
        this.clock = clock;
        this.nowMillis = clock.monotonicMillis();
    }

    /** Reads the clock; the loop calls it at the start of each turn. */
    public long tick() {
        nowMillis = clock.monotonicMillis();
        return nowMillis;
    }

    /** Monotonic milliseconds as of the start of this turn. */
    public long now() {
        return nowMillis;
    }

    /** Monotonic milliseconds right now, for deciding how long to sleep. */
    long fresh() {
        return clock.monotonicMillis();
    }

    public long epochMillis() {
        return clock.epochMillis();
    }

    public long epochSeconds() {
        return clock.epochMillis() / 1000;
    }
}
