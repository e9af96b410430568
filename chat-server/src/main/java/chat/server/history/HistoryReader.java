package chat.server.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The queries, on one connection of their own (WAL lets them read while the writer writes). Lines
 * are stored in {@link Chunk}s; a query walks a target's chunks from the right end, newest first
 * or oldest first, and stops as soon as it has its lines. Not thread-safe: {@link History} runs
 * it on its one reader thread.
 */
final class HistoryReader implements AutoCloseable {
    private final HistoryDatabase database;
    private Connection connection;

    HistoryReader(HistoryDatabase database) {
        this.database = database;
    }

    List<StoredLine> run(HistoryQuery q) throws SQLException {
        return switch (q.kind()) {
            case LATEST -> backwards(q, Long.MAX_VALUE, Math.max(q.from(), q.notBefore()), q.limit());
            case BEFORE -> backwards(q, q.from(), q.notBefore(), q.limit());
            case AFTER -> forwards(q, Math.max(q.from(), q.notBefore()), Long.MAX_VALUE, q.limit());
            case AROUND -> {
                List<StoredLine> lines = backwards(q, q.from() + 1, q.notBefore(), (q.limit() + 1) / 2);
                lines.addAll(forwards(q, Math.max(q.from(), q.notBefore()), Long.MAX_VALUE, q.limit() - lines.size()));
                yield lines;
            }
            case BETWEEN -> q.from() <= q.to()
                    ? forwards(q, Math.max(q.from(), q.notBefore()), q.to(), q.limit())
                    : backwards(q, q.from(), Math.max(q.to(), q.notBefore()), q.limit());
        };
    }

    /** The {@code limit} lines nearest below {@code high} and above {@code low}, oldest first. */
    private List<StoredLine> backwards(HistoryQuery q, long high, long low, int limit) throws SQLException {
        List<StoredLine> found = new ArrayList<>();
        try (PreparedStatement statement = connection().prepareStatement("SELECT body FROM chunks WHERE target = ?"
                + " AND first_seq < ? AND last_seq > ? ORDER BY last_seq DESC")) {
            statement.setString(1, q.target());
            statement.setLong(2, high);
            statement.setLong(3, low);
            try (ResultSet rs = statement.executeQuery()) {
                while (found.size() < limit && rs.next()) {
                    List<StoredLine> lines = Chunk.decode(rs.getBytes(1));
                    for (int i = lines.size() - 1; i >= 0 && found.size() < limit; i--) {
                        StoredLine line = lines.get(i);
                        if (line.sequence() < high && line.sequence() > low && wanted(q, line)) {
                            found.add(line);
                        }
                    }
                }
            }
        }
        Collections.reverse(found);
        return found;
    }

    /** The {@code limit} lines nearest above {@code low} and below {@code high}, oldest first. */
    private List<StoredLine> forwards(HistoryQuery q, long low, long high, int limit) throws SQLException {
        List<StoredLine> found = new ArrayList<>();
        if (limit <= 0) {
            return found;
        }
        try (PreparedStatement statement = connection().prepareStatement("SELECT body FROM chunks WHERE target = ?"
                + " AND last_seq > ? AND first_seq < ? ORDER BY last_seq ASC")) {
            statement.setString(1, q.target());
            statement.setLong(2, low);
            statement.setLong(3, high);
            try (ResultSet rs = statement.executeQuery()) {
                while (found.size() < limit && rs.next()) {
                    for (StoredLine line : Chunk.decode(rs.getBytes(1))) {
                        if (line.sequence() > low && line.sequence() < high && wanted(q, line) && found.size() < limit) {
                            found.add(line);
                        }
                    }
                }
            }
        }
        return found;
    }

    private static boolean wanted(HistoryQuery q, StoredLine line) {
        return q.wants(line.command());
    }

    /**
     * CHATHISTORY TARGETS: the rooms (folded names) and the conversations whose keys match a GLOB
     * pattern that have lines between the bounds, by their latest line, oldest first.
     */
    List<TargetActivity> targets(List<String> rooms, List<String> conversationPatterns, long low, long high, int limit)
            throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT target, MIN(MAX(last_seq), ?) AS latest FROM chunks"
                + " WHERE last_seq > ? AND first_seq < ? AND (0");
        for (int i = 0; i < conversationPatterns.size(); i++) {
            sql.append(" OR target GLOB ?");
        }
        for (int i = 0; i < rooms.size(); i++) {
            sql.append(" OR target = ?");
        }
        sql.append(") GROUP BY target ORDER BY latest ASC LIMIT ?");
        try (PreparedStatement statement = connection().prepareStatement(sql.toString())) {
            int at = 1;
            statement.setLong(at++, high);
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
        try (PreparedStatement statement = connection().prepareStatement("SELECT MAX(last_seq) FROM chunks");
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
