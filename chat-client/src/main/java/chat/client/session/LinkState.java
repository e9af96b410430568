package chat.client.session;

/**
 * What the connection is doing, for the status bar: up (nothing to say), or down with the time of
 * the next attempt and why the last one failed. Written by the network thread, read by the
 * status bar's clock.
 */
public final class LinkState {
    /** When the next attempt starts (epoch millis), or -1 while connected or connecting. */
    private volatile long retryAtMillis = -1;
    private volatile String reason = "";

    void down(String why, long retryAt) {
        reason = why;
        retryAtMillis = retryAt;
    }

    void up() {
        retryAtMillis = -1;
    }

    /** "reconnecting in 4 s (refused): Enter retries now", or null while the connection is up or being made. */
    public String describe(long nowMillis) {
        long at = retryAtMillis;
        if (at < 0) {
            return null;
        }
        long seconds = Math.max(0, (at - nowMillis + 999) / 1000);
        return seconds == 0 ? "reconnecting… (" + reason + ")"
                : "reconnecting in " + seconds + " s (" + reason + "): Enter retries now";
    }
}
