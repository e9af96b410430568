package chat.client.net;

/**
 * Notices a server that vanished without closing the connection (a cable pulled, a laptop
 * suspended): after a quiet spell the client sends PING, and if still nothing arrives it gives the
 * connection up, so the reconnect logic can take over. Times are System.nanoTime values.
 */
public final class Keepalive {
    enum Due { NOTHING, PING, GIVE_UP }

    private final long quietBeforePingNanos;
    private final long answerWithinNanos;
    private long lastHeardNanos;
    private boolean pinged;

    Keepalive(long quietBeforePingNanos, long answerWithinNanos) {
        this.quietBeforePingNanos = quietBeforePingNanos;
        this.answerWithinNanos = answerWithinNanos;
    }

    /** Something arrived (or the connection just opened). */
    void heard(long nowNanos) {
        lastHeardNanos = nowNanos;
        pinged = false;
    }

    /** What is due now; PING is reported once per quiet spell. */
    Due due(long nowNanos) {
        long quiet = nowNanos - lastHeardNanos;
        if (pinged && quiet >= quietBeforePingNanos + answerWithinNanos) {
            return Due.GIVE_UP;
        }
        if (!pinged && quiet >= quietBeforePingNanos) {
            pinged = true;
            return Due.PING;
        }
        return Due.NOTHING;
    }

    /** The next instant at which {@link #due} could change its answer. */
    long nextCheckNanos() {
        return lastHeardNanos + quietBeforePingNanos + (pinged ? answerWithinNanos : 0);
    }
}
