package chat.client;

import chat.client.auth.SaslLogin;
import chat.client.net.TlsOptions;
import java.nio.file.Path;

/**
 * Everything one session needs, resolved from options and environment by {@link ClientMain}.
 * Delays are in milliseconds; the defaults suit people, tests shorten them. tls is null for plain
 * TCP; login is null when no account is logged in to on connecting.
 */
public record ClientConfig(String host, int port, String nick, String room, String password, boolean color,
        Path historyFile, long reconnectFirstDelayMillis, long reconnectMaxDelayMillis, long stableAfterMillis,
        int sendBurst, long sendIntervalMillis, TlsOptions tls, SaslLogin.Credentials login, Path logDir,
        boolean bot) {

    static final long DEFAULT_RECONNECT_FIRST_DELAY_MILLIS = 1_000;
    /** 1, 2, 4, 8 then 15 s between attempts: a server back after a restart is found within seconds. */
    static final long DEFAULT_RECONNECT_MAX_DELAY_MILLIS = 15_000;
    /** A connection that stayed up this long was healthy: the next loss starts the backoff afresh. */
    static final long DEFAULT_STABLE_AFTER_MILLIS = 60_000;
    /**
     * Lines that may go at once (a paste), then one per interval: our server's flood setting (a
     * burst of 40, then 10 lines a second). No server advertises its rate in 005, so this is the
     * default everywhere; a server that allows less holds the extra lines back (fakelag) rather
     * than dropping them.
     */
    static final int DEFAULT_SEND_BURST = 40;
    static final long DEFAULT_SEND_INTERVAL_MILLIS = 100;

    public static ClientConfig of(String host, int port, String nick, String room, String password, boolean color,
            Path historyFile) {
        return new ClientConfig(host, port, nick, room, password, color, historyFile,
                DEFAULT_RECONNECT_FIRST_DELAY_MILLIS, DEFAULT_RECONNECT_MAX_DELAY_MILLIS, DEFAULT_STABLE_AFTER_MILLIS,
                DEFAULT_SEND_BURST, DEFAULT_SEND_INTERVAL_MILLIS, null, null, null, false);
    }

    /** With one plain-text log file per conversation in this directory (--log-dir). */
    ClientConfig withLogDir(Path dir) {
        return new ClientConfig(host, port, nick, room, password, color, historyFile, reconnectFirstDelayMillis,
                reconnectMaxDelayMillis, stableAfterMillis, sendBurst, sendIntervalMillis, tls, login, dir, bot);
    }

    ClientConfig withNick(String newNick) {
        return new ClientConfig(host, port, newNick, room, password, color, historyFile, reconnectFirstDelayMillis,
                reconnectMaxDelayMillis, stableAfterMillis, sendBurst, sendIntervalMillis, tls, login, logDir, bot);
    }

    /** Over TLS with these options (null: plain TCP), logging in as login (null: as a guest). */
    ClientConfig withIdentity(TlsOptions newTls, SaslLogin.Credentials newLogin) {
        return new ClientConfig(host, port, nick, room, password, color, historyFile, reconnectFirstDelayMillis,
                reconnectMaxDelayMillis, stableAfterMillis, sendBurst, sendIntervalMillis, newTls, newLogin, logDir, bot);
    }

    ClientConfig withTimings(long firstDelayMillis, long maxDelayMillis, long stableMillis, int burst, long intervalMillis) {
        return new ClientConfig(host, port, nick, room, password, color, historyFile, firstDelayMillis, maxDelayMillis,
                stableMillis, burst, intervalMillis, tls, login, logDir, bot);
    }

    /** Marked a bot (IRCv3 bot-mode: user mode +B, set right after registration). */
    public ClientConfig withBot(boolean isBot) {
        return new ClientConfig(host, port, nick, room, password, color, historyFile, reconnectFirstDelayMillis,
                reconnectMaxDelayMillis, stableAfterMillis, sendBurst, sendIntervalMillis, tls, login, logDir, isBot);
    }
}
