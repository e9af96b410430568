package chat.server.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening the history file: migrations keep what is stored, and files it cannot use are refused. */
class HistoryDatabaseTest {
    @TempDir
    Path dir;

    @Test
    void aVersionOneFileIsMigratedWithItsLines() throws Exception {
        // A file as the first schema made it: chunks in a WITHOUT ROWID table.
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("history.db"));
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE chunks (target TEXT NOT NULL, last_seq INTEGER NOT NULL, first_seq INTEGER NOT NULL,"
                    + " lines INTEGER NOT NULL, body BLOB NOT NULL, PRIMARY KEY (target, last_seq)) WITHOUT ROWID");
            s.execute("CREATE INDEX chunks_by_age ON chunks (last_seq)");
            s.execute("CREATE TABLE rooms (folded TEXT PRIMARY KEY, name TEXT NOT NULL, topic TEXT, topic_by TEXT,"
                    + " topic_seconds INTEGER)");
            byte[] body = Chunk.encode(List.of(new HistoryWriter.Append("#a", 5L << 20, 5, "PRIVMSG",
                    ":bob!b@h PRIVMSG #a :kept\r\n".getBytes())));
            try (var insert = c.prepareStatement("INSERT INTO chunks VALUES ('#a', ?, ?, 1, ?)")) {
                insert.setLong(1, 5L << 20);
                insert.setLong(2, 5L << 20);
                insert.setBytes(3, body);
                insert.execute();
            }
            s.execute("PRAGMA user_version=1");
        }
        try (HistoryDatabase database = HistoryDatabase.open(dir); HistoryReader reader = new HistoryReader(database)) {
            List<StoredLine> lines = reader.run(new HistoryQuery(HistoryQuery.Kind.LATEST, "#a", Long.MIN_VALUE, 0, 10,
                    false, Long.MIN_VALUE));
            assertEquals(List.of(new StoredLine(5L << 20, 5, "PRIVMSG", ":bob!b@h PRIVMSG #a :kept")), lines);
            try (Connection c = database.connect(); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("PRAGMA user_version")) {
                rs.next();
                assertEquals(HistoryDatabase.SCHEMA_VERSION, rs.getInt(1));
            }
        }
    }

    @Test
    void aFileFromANewerServerIsRefused() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("history.db"));
                Statement s = c.createStatement()) {
            s.execute("PRAGMA user_version=99");
        }
        HistoryUnavailableException refused = assertThrows(HistoryUnavailableException.class, () -> HistoryDatabase.open(dir));
        assertTrue(refused.getMessage().contains("newer than this server's"), refused.getMessage());
    }

    @Test
    void aSecondOpenOfTheSameDirectoryIsRefusedWhileTheFirstHoldsIt() throws Exception {
        try (HistoryDatabase first = HistoryDatabase.open(dir)) {
            HistoryUnavailableException refused = assertThrows(HistoryUnavailableException.class,
                    () -> HistoryDatabase.open(dir));
            assertTrue(refused.getMessage().contains("in use by another chat server"), refused.getMessage());
        }
        HistoryDatabase.open(dir).close(); // released with the first
        assertTrue(Files.exists(dir.resolve("history.db")));
    }
}
