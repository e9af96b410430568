package chat.client;

import java.nio.file.Path;

/**
 * Everything one session needs, resolved from options and environment by {@link ClientMain}.
 * Delays are in milliseconds; the defaults suit people, tests shorten them.
 */
public record ClientConfig(String host, int port, String nick, String room, String password, boolean color,
        Path historyFile, long reconnectFirstDelayMillis, long reconnectMaxDelayMillis, long stableAfterMillis,
        int sendBurst, long sendIntervalMillis, boolean bot) {

    static final long DEFAULT_RECONNECT_FIRST_DELAY_MILLIS = 1_000;
    static final long DEFAULT_RECONNECT_MAX_DELAY_MILLIS = 60_000;
    /** A connection that stayed up this long was healthy: the next loss starts the backoff afresh. */
    static final long DEFAULT_STABLE_AFTER_MILLIS = 60_000;
    /** Lines that may go at once (a short paste), then one per interval. */
    static final int DEFAULT_SEND_BURST = 5;
    static final long DEFAULT_SEND_INTERVAL_MILLIS = 500;

    public static ClientConfig of(String host, int port, String nick, String room, String password, boolean color,
            Path historyFile) {
        return new ClientConfig(host, port, nick, room, password, color, historyFile,
                DEFAULT_RECONNECT_FIRST_DELAY_MILLIS, DEFAULT_RECONNECT_MAX_DELAY_MILLIS, DEFAULT_STABLE_AFTER_MILLIS,
                DEFAULT_SEND_BURST, DEFAULT_SEND_INTERVAL_MILLIS, false);
    }

    ClientConfig withNick(String newNick) {
        return new ClientConfig(host, port, newNick, room, password, color, historyFile, reconnectFirstDelayMillis,
                reconnectMaxDelayMillis, stableAfterMillis, sendBurst, sendIntervalMillis, bot);
    }

    ClientConfig withTimings(long firstDelayMillis, long maxDelayMillis, long stableMillis, int burst, long intervalMillis) {
        return new ClientConfig(host, port, nick, room, password, color, historyFile, firstDelayMillis, maxDelayMillis,
                stableMillis, burst, intervalMillis, bot);
    }

    /** Marked a bot (IRCv3 bot-mode: user mode +B, set right after registration). */
    public ClientConfig withBot(boolean isBot) {
        return new ClientConfig(host, port, nick, room, password, color, historyFile, reconnectFirstDelayMillis,
                reconnectMaxDelayMillis, stableAfterMillis, sendBurst, sendIntervalMillis, isBot);
    }
}
