package chat.server.history;

import java.nio.file.Path;

/**
 * What the server keeps and for how long.
 *
 * @param dataDirectory where the database lives; null keeps nothing on disk (--no-history)
 * @param maxAgeMillis  messages older than this are pruned
 * @param maxPerTarget  messages kept per room or private conversation; older ones are pruned
 * @param joinReplay    messages replayed on JOIN to clients without chathistory (0: none)
 */
public record HistoryConfig(Path dataDirectory, long maxAgeMillis, int maxPerTarget, int joinReplay) {
    public static final String DEFAULT_DATA_DIR = "chat-data";
    public static final String DEFAULT_MAX_AGE = "30d";
    public static final int DEFAULT_MAX_MESSAGES = 100_000;
    public static final int DEFAULT_JOIN_REPLAY = 20;
    /** Join replay looks back at most this far: a room quiet for days does not greet with old news. */
    public static final long JOIN_REPLAY_WINDOW_MILLIS = 24L * 3600 * 1000;

    public HistoryConfig {
        if (maxAgeMillis <= 0 || maxPerTarget <= 0 || joinReplay < 0) {
            throw new IllegalArgumentException("history limits must be positive (join replay 0 or more)");
        }
    }

    /** Nothing on disk: the server keeps no history, as before this existed. */
    public static HistoryConfig disabled() {
        return new HistoryConfig(null, 30L * 24 * 3600 * 1000, DEFAULT_MAX_MESSAGES, DEFAULT_JOIN_REPLAY);
    }

    public boolean enabled() {
        return dataDirectory != null;
    }
}
