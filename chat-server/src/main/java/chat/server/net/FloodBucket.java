package chat.server.net;

/**
 * Token bucket for incoming lines (one token per line). A client may send {@code burst} lines at
 * once, then {@code linesPerSecond}; lines beyond that wait rather than being dropped. A command
 * that causes more work than a line pays more ({@link #charge}), which can leave the bucket in
 * debt: the next lines then wait until it refills.
 */
final class FloodBucket {
    private final double tokensPerMilli;
    private final double capacity;
    private double tokens;
    private long refilledAtMillis;

    FloodBucket(double linesPerSecond, int burst, long nowMillis) {
        this.tokensPerMilli = linesPerSecond / 1000.0;
        this.capacity = burst;
        this.tokens = burst;
        this.refilledAtMillis = nowMillis;
    }

    boolean tryTake(long nowMillis) {
        refill(nowMillis);
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }

    /** Takes {@code extra} more tokens for a costly command; the balance may go below zero. */
    void charge(int extra) {
        tokens -= extra;
    }

    /** When the next whole token will be there. */
    long nextTokenAtMillis(long nowMillis) {
        refill(nowMillis);
        if (tokens >= 1) {
            return nowMillis;
        }
        return nowMillis + (long) Math.ceil((1 - tokens) / tokensPerMilli);
    }

    private void refill(long nowMillis) {
        long elapsed = nowMillis - refilledAtMillis;
        if (elapsed > 0) {
            tokens = Math.min(capacity, tokens + elapsed * tokensPerMilli);
            refilledAtMillis = nowMillis;
        }
    }
}
