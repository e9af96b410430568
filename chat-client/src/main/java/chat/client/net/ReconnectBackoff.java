package chat.client.net;

import java.util.function.LongUnaryOperator;

/**
 * How long to wait before the next connection attempt: doubling from a first delay up to a cap,
 * with "equal jitter" (half the delay fixed, half random) so clients dropped together by a server
 * restart do not all knock again in the same instant. A connection that stayed up long enough
 * counts as healthy, and the next loss starts again from the first delay.
 */
public final class ReconnectBackoff {
    private static final int MAX_DOUBLINGS = 20;

    private final long firstDelayMillis;
    private final long maxDelayMillis;
    private final long stableAfterMillis;
    /** Given a bound n, a random number in [0, n]; injected so tests can pin the jitter. */
    private final LongUnaryOperator random;
    private int failures;
    private long upSinceMillis = -1;

    public ReconnectBackoff(long firstDelayMillis, long maxDelayMillis, long stableAfterMillis, LongUnaryOperator random) {
        if (firstDelayMillis < 1 || maxDelayMillis < firstDelayMillis) {
            throw new IllegalArgumentException("need 1 <= first delay <= max delay");
        }
        this.firstDelayMillis = firstDelayMillis;
        this.maxDelayMillis = maxDelayMillis;
        this.stableAfterMillis = stableAfterMillis;
        this.random = random;
    }

    /** The connection is up (called when TCP connects). */
    void connected(long nowMillis) {
        upSinceMillis = nowMillis;
    }

    /** Called after a loss or a failed attempt: the delay before the next attempt. */
    long nextDelayMillis(long nowMillis) {
        if (upSinceMillis >= 0 && nowMillis - upSinceMillis >= stableAfterMillis) {
            failures = 0;
        }
        upSinceMillis = -1;
        long base = Math.min(maxDelayMillis, firstDelayMillis << Math.min(failures, MAX_DOUBLINGS));
        failures++;
        long half = base / 2;
        return base - half + random.applyAsLong(half);
    }
}
