package chat.server.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The queries, on one connection of their own (WAL lets them read while the writer writes). Not
 * thread-safe: {@link History} runs them on its one reader thread.
 */
final class HistoryReader implements AutoCloseable {
    /** Messages only, unless events are asked for: the commands a plain history shows. */
    private static final String KINDS = " AND (? OR command IN ('PRIVMSG', 'NOTICE'))";
    private static final String COLUMNS = "SELECT seq, time_ms, command, line FROM messages WHERE target = ?";

    private final HistoryDatabase database;
    private Connection connection;

    HistoryReader(HistoryDatabase database) {
        this.database = database;
    }

    List<StoredLine> run(HistoryQuery q) throws SQLException {
        return switch (q.kind()) {
            case LATEST -> newestAfter(q, Math.max(q.from(), q.notBefore()), q.limit());
            case BEFORE -> before(q, q.from(), q.limit());
            case AFTER -> after(q, q.from(), Long.MAX_VALUE, q.limit());
            case AROUND -> {
                List<StoredLine> lines = before(q, q.from() + 1, (q.limit() + 1) / 2);
                lines.addAll(after(q, q.from(), Long.MAX_VALUE, q.limit() - lines.size()));
                yield lines;
            }
            case BETWEEN -> q.from() <= q.to()
                    ? after(q, q.from(), q.to(), q.limit())
                    : betweenDescending(q);
        };
    }

    /** The newest {@code limit} lines above {@code low}, oldest first. */
    private List<StoredLine> newestAfter(HistoryQuery q, long low, int limit) throws SQLException {
        return reversed(select(COLUMNS + " AND seq > ?" + KINDS + " ORDER BY seq DESC LIMIT ?", q, low, limit));
    }

    /** The {@code limit} lines right below {@code high} (and above the floor), oldest first. */
    private List<StoredLine> before(HistoryQuery q, long high, int limit) throws SQLException {
        return reversed(select(COLUMNS + " AND seq < ? AND seq > ?" + KINDS + " ORDER BY seq DESC LIMIT ?",
                q, high, Math.max(Long.MIN_VALUE, q.notBefore()), limit));
    }

    /** The {@code limit} lines right above {@code low} and below {@code high}, oldest first. */
    private List<StoredLine> after(HistoryQuery q, long low, long high, int limit) throws SQLException {
        if (limit <= 0) {
            return new ArrayList<>();
        }
        return select(COLUMNS + " AND seq > ? AND seq < ?" + KINDS + " ORDER BY seq ASC LIMIT ?",
                q, Math.max(low, q.notBefore()), high, limit);
    }

    /** BETWEEN from a later point towards an earlier one: the lines nearest {@code from}, oldest first. */
    private List<StoredLine> betweenDescending(HistoryQuery q) throws SQLException {
        return reversed(select(COLUMNS + " AND seq < ? AND seq > ?" + KINDS + " ORDER BY seq DESC LIMIT ?",
                q, q.from(), Math.max(q.to(), q.notBefore()), q.limit()));
    }

    /** Binds the target, then the bounds, then the events flag, then the limit. */
    private List<StoredLine> select(String sql, HistoryQuery q, long... boundsAndLimit) throws SQLException {
        try (PreparedStatement statement = connection().prepareStatement(sql)) {
            int at = 1;
            statement.setString(at++, q.target());
            for (int i = 0; i < boundsAndLimit.length - 1; i++) {
                statement.setLong(at++, boundsAndLimit[i]);
            }
            statement.setBoolean(at++, q.events());
            statement.setLong(at, boundsAndLimit[boundsAndLimit.length - 1]);
            List<StoredLine> lines = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    lines.add(new StoredLine(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4)));
                }
            }
            return lines;
        }
    }

    /**
     * CHATHISTORY TARGETS: the rooms (folded names) and the conversations whose keys match a GLOB
     * pattern that have a message between the bounds, by their latest message, oldest first.
     */
    List<TargetActivity> targets(List<String> rooms, List<String> conversationPatterns, long low, long high, int limit)
            throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT target, MAX(seq) AS latest FROM messages WHERE seq > ? AND seq < ?"
                + " AND command IN ('PRIVMSG', 'NOTICE') AND (0");
        for (int i = 0; i < conversationPatterns.size(); i++) {
            sql.append(" OR target GLOB ?");
        }
        for (int i = 0; i < rooms.size(); i++) {
            sql.append(" OR target = ?");
        }
        sql.append(") GROUP BY target ORDER BY latest ASC LIMIT ?");
        try (PreparedStatement statement = connection().prepareStatement(sql.toString())) {
            int at = 1;
            statement.setLong(at++, low);
            statement.setLong(at++, high);
            for (String pattern : conversationPatterns) {
                statement.setString(at++, pattern);
            }
            for (String room : rooms) {
                statement.setString(at++, room);
            }
            statement.setInt(at, limit);
            List<TargetActivity> found = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    found.add(new TargetActivity(rs.getString(1), rs.getLong(2)));
                }
            }
            return found;
        }
    }

    /** The newest stored sequence (0 when empty): msgids continue after it. */
    long newestSequence() throws SQLException {
        try (PreparedStatement statement = connection().prepareStatement("SELECT MAX(seq) FROM messages");
                ResultSet rs = statement.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    private Connection connection() throws SQLException {
        if (connection == null) {
            connection = database.connect();
        }
        return connection;
    }

    private static List<StoredLine> reversed(List<StoredLine> lines) {
        Collections.reverse(lines);
        return lines;
    }

    @Override
    public void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // Closing at shutdown.
            }
        }
    }
}
