package chat.client.net;

/**
 * Keeps the user's messages at a steady pace (a token bucket in its GCRA form): a burst goes out at
 * once, then one message per interval. A pasted block of fifty lines therefore arrives whole and in
 * order instead of tripping the server's flood limit (RFC 1459 section 8.10 throttles clients that
 * send faster than about one line per two seconds after a burst).
 */
public final class SendPacer {
    private final int burst;
    private final long intervalNanos;
    /** When the bucket would be empty again if nothing more were sent ("theoretical arrival time"). */
    private long busyUntilNanos = Long.MIN_VALUE;

    public SendPacer(int burst, long intervalNanos) {
        if (burst < 1 || intervalNanos < 0) {
            throw new IllegalArgumentException("burst >= 1 and interval >= 0 required");
        }
        this.burst = burst;
        this.intervalNanos = intervalNanos;
    }

    /** Nanoseconds to wait before the next message may go; 0 when it may go now. */
    public long waitNanos(long nowNanos) {
        if (busyUntilNanos == Long.MIN_VALUE) {
            return 0;
        }
        long allowedAt = busyUntilNanos - (burst - 1) * intervalNanos;
        return Math.max(0, allowedAt - nowNanos);
    }

    public void take(long nowNanos) {
        long from = busyUntilNanos == Long.MIN_VALUE ? nowNanos : Math.max(busyUntilNanos, nowNanos);
        busyUntilNanos = from + intervalNanos;
    }
}
