package chat.server.net;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * How many per-connection log lines one address may cause: a burst of {@link #BURST}, then one a
 * second; the rest are counted and the count rides on the next line that is written. One address
 * connecting and quitting in a loop wrote 1.9 MB/s of its own QUIT text into the log before this.
 */
final class LogThrottle {
    static final int BURST = 5;
    private static final double PER_MILLI = 1 / 1000.0;
    private static final long PURGE_INTERVAL_MILLIS = 1_000;
    /** Characters of a client's own text (a QUIT reason) quoted in the log. */
    static final int MAX_QUOTED_CHARS = 100;

    private static final class Bucket {
        double tokens = BURST;
        long refilledAtMillis;
        long suppressed;
    }

    private final Map<String, Bucket> buckets = new HashMap<>();
    private long nextPurgeAtMillis;

    /**
     * Null when this address has had its share of lines; otherwise what to append to the line
     * ("" or a note of how many were not written since the last one).
     */
    String admit(String address, long nowMillis) {
        purge(nowMillis);
        Bucket bucket = buckets.computeIfAbsent(address, a -> {
            Bucket fresh = new Bucket();
            fresh.refilledAtMillis = nowMillis;
            return fresh;
        });
        refill(bucket, nowMillis);
        if (bucket.tokens < 1) {
            bucket.suppressed++;
            return null;
        }
        bucket.tokens -= 1;
        long suppressed = bucket.suppressed;
        bucket.suppressed = 0;
        return suppressed == 0 ? "" : " (and " + suppressed + " more from " + address + " not logged)";
    }

    /** A client's own words cut to {@link #MAX_QUOTED_CHARS}; the formatter escapes what is left. */
    static String quote(String clientText) {
        if (clientText == null || clientText.length() <= MAX_QUOTED_CHARS) {
            return clientText;
        }
        return clientText.substring(0, MAX_QUOTED_CHARS) + "...";
    }

    private static void refill(Bucket bucket, long nowMillis) {
        long elapsed = nowMillis - bucket.refilledAtMillis;
        if (elapsed > 0) {
            bucket.tokens = Math.min(BURST, bucket.tokens + elapsed * PER_MILLI);
            bucket.refilledAtMillis = nowMillis;
        }
    }

    /** Forgets addresses back at a full bucket with nothing unreported; at most once a second. */
    private void purge(long nowMillis) {
        if (nowMillis < nextPurgeAtMillis) {
            return;
        }
        nextPurgeAtMillis = nowMillis + PURGE_INTERVAL_MILLIS;
        for (Iterator<Bucket> it = buckets.values().iterator(); it.hasNext(); ) {
            Bucket bucket = it.next();
            refill(bucket, nowMillis);
            if (bucket.tokens >= BURST && bucket.suppressed == 0) {
                it.remove();
            }
        }
    }

    int trackedAddresses() {
        return buckets.size();
    }
}
