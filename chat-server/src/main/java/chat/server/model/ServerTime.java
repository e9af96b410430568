package chat.server.model;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * IRCv3 server-time values ({@code 2026-12-05T17:22:21.123Z}: UTC, milliseconds). Every relayed
 * line is stamped, so the formatted second is kept and only the milliseconds are written per
 * call: a {@link DateTimeFormatter} run per message would cost more than the relay's own work
 * for that message. One per {@link ServerState}; used by the loop thread only.
 */
final class ServerTime {
    private static final DateTimeFormatter TO_THE_SECOND =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.").withZone(ZoneOffset.UTC);
    private static final int MILLIS_AND_ZONE_CHARS = 4;

    private long cachedSecond = Long.MIN_VALUE;
    private char[] cached;

    String format(long epochMillis) {
        long second = Math.floorDiv(epochMillis, 1000);
        if (second != cachedSecond) {
            String prefix = TO_THE_SECOND.format(Instant.ofEpochSecond(second));
            cached = new char[prefix.length() + MILLIS_AND_ZONE_CHARS];
            prefix.getChars(0, prefix.length(), cached, 0);
            cached[cached.length - 1] = 'Z';
            cachedSecond = second;
        }
        int millis = (int) Math.floorMod(epochMillis, 1000);
        int at = cached.length - MILLIS_AND_ZONE_CHARS;
        cached[at] = (char) ('0' + millis / 100);
        cached[at + 1] = (char) ('0' + millis / 10 % 10);
        cached[at + 2] = (char) ('0' + millis % 10);
        return new String(cached);
    }
}
