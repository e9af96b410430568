package chat.server.history;

import chat.server.store.DirectoryLock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * The history file: {@code history.db} (SQLite, WAL) in the data directory, held by one server at
 * a time through {@code lock} beside it. Opening checks everything a start needs (the directory can
 * be made and written, no other server holds it, the file is a database of a schema this server
 * knows, migrated to the current one) so that a bad file stops the start with one clear line,
 * never a silent empty start. Then it hands out connections: one for the writer, one for the reader.
 */
public final class HistoryDatabase implements AutoCloseable {
    /** The schema version, kept in SQLite's user_version; each step below migrates to the next. */
    static final int SCHEMA_VERSION = 2;
    /** SQLite's largest page: see {@link #migrate()}. */
    static final int PAGE_BYTES = 65_536;
    private static final String[][] MIGRATIONS = {
        { // 0 -> 1: lines in chunks (see Chunk), clustered by target; rooms' remembered settings
            "CREATE TABLE chunks (target TEXT NOT NULL, last_seq INTEGER NOT NULL, first_seq INTEGER NOT NULL,"
                    + " lines INTEGER NOT NULL, body BLOB NOT NULL, PRIMARY KEY (target, last_seq)) WITHOUT ROWID",
            "CREATE INDEX chunks_by_age ON chunks (last_seq)",
            "CREATE TABLE rooms (folded TEXT PRIMARY KEY, name TEXT NOT NULL, topic TEXT, topic_by TEXT,"
                    + " topic_seconds INTEGER)",
        },
        { // 1 -> 2: chunks in a rowid table. In a WITHOUT ROWID table a row keeps at most about a
          // quarter of a page in place, so larger chunks spilled into overflow pages; a rowid
          // table keeps up to a whole page in the leaf.
            "CREATE TABLE chunks2 (id INTEGER PRIMARY KEY, target TEXT NOT NULL, first_seq INTEGER NOT NULL,"
                    + " last_seq INTEGER NOT NULL, lines INTEGER NOT NULL, body BLOB NOT NULL)",
            "INSERT INTO chunks2 (target, first_seq, last_seq, lines, body)"
                    + " SELECT target, first_seq, last_seq, lines, body FROM chunks ORDER BY last_seq",
            "DROP TABLE chunks",
            "ALTER TABLE chunks2 RENAME TO chunks",
            "CREATE UNIQUE INDEX chunks_by_target ON chunks (target, last_seq)",
            "CREATE INDEX chunks_by_age ON chunks (last_seq)",
        },
    };

    private final Path file;
    private final DirectoryLock lock;

    private HistoryDatabase(Path file, DirectoryLock lock) {
        this.file = file;
        this.lock = lock;
    }

    /** Opens (making the directory and the file on first start) and migrates; refuses with one line why. */
    public static HistoryDatabase open(Path directory) throws HistoryUnavailableException {
        Path dir = directory.toAbsolutePath().normalize();
        DirectoryLock lock = null;
        try {
            Files.createDirectories(dir);
            lock = DirectoryLock.tryTake(dir.resolve("lock"));
            if (lock == null) {
                throw new HistoryUnavailableException("history: " + dir + " is in use by another chat server"
                        + " (it holds " + dir.resolve("lock") + ")", null);
            }
            HistoryDatabase database = new HistoryDatabase(dir.resolve("history.db"), lock);
            database.migrate();
            return database;
        } catch (HistoryUnavailableException e) {
            closeQuietly(lock);
            throw e;
        } catch (IOException e) {
            closeQuietly(lock);
            throw new HistoryUnavailableException("history: cannot use data directory " + dir + ": " + e, e);
        }
    }

    public Path file() {
        return file;
    }

    /** A connection in WAL mode; commits are durable against a crash of this process (not of the OS). */
    Connection connect() throws SQLException {
        Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA journal_mode=WAL");
            statement.execute("PRAGMA synchronous=NORMAL");
            statement.execute("PRAGMA busy_timeout=5000");
        }
        return connection;
    }

    private void migrate() throws HistoryUnavailableException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = connection.createStatement()) {
            int version;
            try (ResultSet rs = statement.executeQuery("PRAGMA user_version")) {
                version = rs.next() ? rs.getInt(1) : 0;
            }
            if (version == 0) {
                // The page size is fixed when the file's header is first written, which turning
                // on WAL does: so it is set first, on a new file only. Each page written is two
                // system calls (frame header, page), and on a virtual machine a system call costs
                // more than the 4 KiB SQLite would move by default: at 64 KiB the writer makes 16
                // times fewer. (A file made with smaller pages keeps them; it works, only slower.)
                statement.execute("PRAGMA page_size=" + PAGE_BYTES);
            }
            try (Statement wal = connection.createStatement()) {
                wal.execute("PRAGMA journal_mode=WAL"); // its result row must be closed before any commit
            }
            if (version > SCHEMA_VERSION) {
                throw new HistoryUnavailableException("history: " + file + " has schema version " + version
                        + ", newer than this server's " + SCHEMA_VERSION + "; use a newer server or another --data-dir", null);
            }
            connection.setAutoCommit(false);
            for (int step = version; step < SCHEMA_VERSION; step++) {
                for (String sql : MIGRATIONS[step]) {
                    statement.execute(sql);
                }
                statement.execute("PRAGMA user_version=" + (step + 1));
            }
            connection.commit();
            // A cheap read of both tables: a file that is not a database, or a damaged one, fails here.
            try (ResultSet rs = statement.executeQuery("SELECT (SELECT COUNT(*) FROM rooms),"
                    + " (SELECT last_seq FROM chunks ORDER BY last_seq DESC LIMIT 1)")) {
                rs.next();
            }
            connection.commit();
        } catch (SQLException e) {
            throw new HistoryUnavailableException("history: cannot open " + file + ": " + e.getMessage(), e);
        }
    }

    /** The remembered topics, by folded room name: read once at start, before the loop runs. */
    public Map<String, RoomRecord> rooms() throws HistoryUnavailableException {
        Map<String, RoomRecord> rooms = new HashMap<>();
        try (Connection connection = connect(); Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT folded, name, topic, topic_by, topic_seconds FROM rooms")) {
            while (rs.next()) {
                rooms.put(rs.getString(1), new RoomRecord(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getLong(5)));
            }
        } catch (SQLException e) {
            throw new HistoryUnavailableException("history: cannot read rooms from " + file + ": " + e.getMessage(), e);
        }
        return rooms;
    }

    @Override
    public void close() {
        lock.close();
    }

    private static void closeQuietly(DirectoryLock lock) {
        if (lock != null) {
            lock.close();
        }
    }
}
