package chat.client.session;

import chat.protocol.IrcMessage;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;

/**
 * When a message was said: the IRCv3 server-time {@code time} tag (UTC, "2026-12-05T17:22:21.123Z")
 * shown in the local zone, else the local clock. With the tag a line delivered late (after a
 * reconnect, from history, held in a batch) still shows when it was sent, not when it arrived.
 */
public final class ServerTime {
    static final String TAG = "time";

    private ServerTime() {
    }

    public static LocalTime of(IrcMessage message, Clock clock) {
        String stamp = message.tags().get(TAG);
        if (stamp != null) {
            try {
                return LocalTime.ofInstant(Instant.parse(stamp), clock.getZone());
            } catch (DateTimeParseException unreadable) {
                // a server's malformed stamp is no reason to lose the line: the local clock will do
            }
        }
        return LocalTime.now(clock);
    }
}
