package chat.server.account;

import chat.server.store.DirectoryLock;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * {@code accounts.db} in the data directory (SQLite): accounts, the console's server bans and the
 * secret the SCRAM decoys are salted with. Apart from history's file, so that {@code --no-history}
 * keeps accounts and deleting the history loses no one's login; locked by {@code accounts.lock}
 * so that two servers never share it. Everything is read once at start (a few hundred bytes an
 * account); changes are written in order by one thread of their own, never on the event loop.
 * The file is made readable by its owner only: it holds password hashes.
 */
public final class AccountDatabase implements AccountStore {
    private static final System.Logger LOG = System.getLogger(AccountDatabase.class.getName());
    static final int SCHEMA_VERSION = 2;
    /** Each step migrates to the next version: 0 -> 1, 1 -> 2. */
    private static final String[][] MIGRATIONS = {{
        "CREATE TABLE accounts (folded TEXT PRIMARY KEY, name TEXT NOT NULL, password_hash TEXT NOT NULL,"
                + " scram_salt BLOB NOT NULL, scram_iterations INTEGER NOT NULL, stored_key BLOB NOT NULL,"
                + " server_key BLOB NOT NULL, fingerprints TEXT NOT NULL, created INTEGER NOT NULL)",
        "CREATE TABLE bans (mask TEXT PRIMARY KEY, reason TEXT NOT NULL, set_by TEXT NOT NULL,"
                + " set_at INTEGER NOT NULL, expires_at INTEGER NOT NULL)",
        "CREATE TABLE secrets (name TEXT PRIMARY KEY, value BLOB NOT NULL)",
    }, { // registered rooms: access by account, and the settings that come back with the room
        "CREATE TABLE rooms (folded TEXT PRIMARY KEY, name TEXT NOT NULL, founder TEXT NOT NULL, access TEXT NOT NULL,"
                + " flags TEXT NOT NULL, room_key TEXT, room_limit INTEGER NOT NULL, bans TEXT NOT NULL,"
                + " excepts TEXT NOT NULL, invex TEXT NOT NULL, topic TEXT, topic_by TEXT, topic_at INTEGER NOT NULL,"
                + " registered INTEGER NOT NULL)",
    }};

    private final Path file;
    private final DirectoryLock lock;
    private final Connection connection;
    private final ExecutorService writer;

    private AccountDatabase(Path file, DirectoryLock lock, Connection connection) {
        this.file = file;
        this.lock = lock;
        this.connection = connection;
        this.writer = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "chat-accounts-writer");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Opens (making the directory and the file on first start); refuses with one line why. */
    public static AccountDatabase open(Path directory) throws AccountsUnavailableException {
        Path dir = directory.toAbsolutePath().normalize();
        Path file = dir.resolve("accounts.db");
        DirectoryLock lock = null;
        try {
            Files.createDirectories(dir);
            lock = DirectoryLock.tryTake(dir.resolve("accounts.lock"));
            if (lock == null) {
                throw new AccountsUnavailableException("accounts: " + dir + " is in use by another chat server", null);
            }
            boolean fresh = !Files.exists(file);
            Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
            ownerOnly(file, fresh);
            AccountDatabase database = new AccountDatabase(file, lock, connection);
            database.migrate();
            return database;
        } catch (AccountsUnavailableException e) {
            closeQuietly(lock);
            throw e;
        } catch (IOException | SQLException e) {
            closeQuietly(lock);
            throw new AccountsUnavailableException("accounts: cannot use " + file + ": " + e.getMessage(), e);
        }
    }

    private static void ownerOnly(Path file, boolean fresh) throws IOException {
        try {
            if (!Files.exists(file)) {
                Files.createFile(file);
            }
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            if (fresh) {
                LOG.log(Level.INFO, "accounts: cannot restrict " + file + " to its owner on this file system");
            }
        }
    }

    private void migrate() throws AccountsUnavailableException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA journal_mode=WAL");
            statement.execute("PRAGMA synchronous=FULL"); // rare writes, each one a person's login: no loss on power cut
            int version;
            try (ResultSet rs = statement.executeQuery("PRAGMA user_version")) {
                version = rs.next() ? rs.getInt(1) : 0;
            }
            if (version > SCHEMA_VERSION) {
                throw new AccountsUnavailableException("accounts: " + file + " has schema version " + version
                        + ", newer than this server's " + SCHEMA_VERSION, null);
            }
            if (version < SCHEMA_VERSION) {
                connection.setAutoCommit(false);
                for (int step = version; step < SCHEMA_VERSION; step++) {
                    for (String sql : MIGRATIONS[step]) {
                        statement.execute(sql);
                    }
                    statement.execute("PRAGMA user_version=" + (step + 1));
                }
                connection.commit();
                connection.setAutoCommit(true);
            }
            try (ResultSet rs = statement.executeQuery("SELECT (SELECT COUNT(*) FROM accounts), (SELECT COUNT(*) FROM bans)")) {
                rs.next();
            }
        } catch (SQLException e) {
            throw new AccountsUnavailableException("accounts: " + file + " is not a usable database: " + e.getMessage(), e);
        }
    }

    public Path file() {
        return file;
    }

    /** Every account, read at start before the loop runs. */
    public List<Account> loadAccounts() throws AccountsUnavailableException {
        List<Account> accounts = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(
                "SELECT name, password_hash, scram_salt, scram_iterations, stored_key, server_key, fingerprints, created"
                        + " FROM accounts")) {
            while (rs.next()) {
                String prints = rs.getString(7);
                accounts.add(new Account(rs.getString(1), rs.getString(2),
                        new ScramCredentials(rs.getBytes(3), rs.getInt(4), rs.getBytes(5), rs.getBytes(6)),
                        prints.isEmpty() ? new HashSet<>() : new HashSet<>(Arrays.asList(prints.split(" "))),
                        rs.getLong(8)));
            }
        } catch (SQLException e) {
            throw new AccountsUnavailableException("accounts: cannot read " + file + ": " + e.getMessage(), e);
        }
        return accounts;
    }

    /** Every server ban, read at start. */
    public List<ServerBan> loadBans() throws AccountsUnavailableException {
        List<ServerBan> bans = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(
                "SELECT mask, reason, set_by, set_at, expires_at FROM bans")) {
            while (rs.next()) {
                bans.add(new ServerBan(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5)));
            }
        } catch (SQLException e) {
            throw new AccountsUnavailableException("accounts: cannot read bans from " + file + ": " + e.getMessage(), e);
        }
        return bans;
    }

    /** The secret the SCRAM decoys are salted with: made once, kept, so a decoy's salt never changes. */
    public byte[] secret() throws AccountsUnavailableException {
        try (PreparedStatement read = connection.prepareStatement("SELECT value FROM secrets WHERE name = 'scram-decoy'")) {
            try (ResultSet rs = read.executeQuery()) {
                if (rs.next()) {
                    return rs.getBytes(1);
                }
            }
            byte[] secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            try (PreparedStatement write = connection.prepareStatement(
                    "INSERT INTO secrets (name, value) VALUES ('scram-decoy', ?)")) {
                write.setBytes(1, secret);
                write.executeUpdate();
            }
            return secret;
        } catch (SQLException e) {
            throw new AccountsUnavailableException("accounts: cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void save(String folded, Account account) {
        write("save account " + account.name(), () -> {
            try (PreparedStatement statement = connection.prepareStatement("INSERT OR REPLACE INTO accounts"
                    + " (folded, name, password_hash, scram_salt, scram_iterations, stored_key, server_key, fingerprints,"
                    + " created) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                statement.setString(1, folded);
                statement.setString(2, account.name());
                statement.setString(3, account.passwordHash());
                statement.setBytes(4, account.scram().salt());
                statement.setInt(5, account.scram().iterations());
                statement.setBytes(6, account.scram().storedKey());
                statement.setBytes(7, account.scram().serverKey());
                statement.setString(8, String.join(" ", account.fingerprints()));
                statement.setLong(9, account.createdEpochSeconds());
                statement.executeUpdate();
            }
        });
    }

    @Override
    public void delete(String folded) {
        write("delete account " + folded, () -> {
            try (PreparedStatement statement = connection.prepareStatement("DELETE FROM accounts WHERE folded = ?")) {
                statement.setString(1, folded);
                statement.executeUpdate();
            }
        });
    }

    /** Every registered room, read at start. */
    public List<RegisteredRoom> loadRooms() throws AccountsUnavailableException {
        List<RegisteredRoom> rooms = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(
                "SELECT name, founder, access, flags, room_key, room_limit, bans, excepts, invex, topic, topic_by,"
                        + " topic_at, registered FROM rooms")) {
            while (rs.next()) {
                java.util.Map<String, Character> access = new java.util.HashMap<>();
                for (String entry : rs.getString(3).split(" ")) {
                    if (entry.length() > 2) {
                        access.put(entry.substring(0, entry.length() - 2), entry.charAt(entry.length() - 1));
                    }
                }
                rooms.add(new RegisteredRoom(rs.getString(1), rs.getString(2), access, rs.getString(4), rs.getString(5),
                        rs.getInt(6), java.util.Map.of('b', lines(rs.getString(7)), 'e', lines(rs.getString(8)),
                                'I', lines(rs.getString(9))), rs.getString(10), rs.getString(11), rs.getLong(12),
                        rs.getLong(13)));
            }
        } catch (SQLException e) {
            throw new AccountsUnavailableException("accounts: cannot read rooms from " + file + ": " + e.getMessage(), e);
        }
        return rooms;
    }

    private static List<String> lines(String text) {
        return text.isEmpty() ? List.of() : List.of(text.split("\n"));
    }

    @Override
    public void saveRoom(String folded, RegisteredRoom room) {
        StringBuilder access = new StringBuilder();
        room.access().forEach((account, level) -> access.append(access.length() == 0 ? "" : " ")
                .append(account).append(':').append(level));
        write("save room " + room.name(), () -> {
            try (PreparedStatement statement = connection.prepareStatement("INSERT OR REPLACE INTO rooms (folded, name,"
                    + " founder, access, flags, room_key, room_limit, bans, excepts, invex, topic, topic_by, topic_at,"
                    + " registered) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                statement.setString(1, folded);
                statement.setString(2, room.name());
                statement.setString(3, room.founder());
                statement.setString(4, access.toString());
                statement.setString(5, room.flags());
                statement.setString(6, room.key());
                statement.setInt(7, room.limit());
                statement.setString(8, String.join("\n", room.lists().getOrDefault('b', List.of())));
                statement.setString(9, String.join("\n", room.lists().getOrDefault('e', List.of())));
                statement.setString(10, String.join("\n", room.lists().getOrDefault('I', List.of())));
                statement.setString(11, room.topic());
                statement.setString(12, room.topicSetBy());
                statement.setLong(13, room.topicSetEpochSeconds());
                statement.setLong(14, room.registeredEpochSeconds());
                statement.executeUpdate();
            }
        });
    }

    @Override
    public void deleteRoom(String folded) {
        write("delete room " + folded, () -> {
            try (PreparedStatement statement = connection.prepareStatement("DELETE FROM rooms WHERE folded = ?")) {
                statement.setString(1, folded);
                statement.executeUpdate();
            }
        });
    }

    @Override
    public void saveBan(ServerBan ban) {
        write("save ban " + ban.mask(), () -> {
            try (PreparedStatement statement = connection.prepareStatement("INSERT OR REPLACE INTO bans"
                    + " (mask, reason, set_by, set_at, expires_at) VALUES (?, ?, ?, ?, ?)")) {
                statement.setString(1, ban.mask());
                statement.setString(2, ban.reason());
                statement.setString(3, ban.setBy());
                statement.setLong(4, ban.setAtMillis());
                statement.setLong(5, ban.expiresAtMillis());
                statement.executeUpdate();
            }
        });
    }

    @Override
    public void deleteBan(String mask) {
        write("delete ban " + mask, () -> {
            try (PreparedStatement statement = connection.prepareStatement("DELETE FROM bans WHERE mask = ?")) {
                statement.setString(1, mask);
                statement.executeUpdate();
            }
        });
    }

    private interface SqlWork {
        void run() throws SQLException;
    }

    private void write(String what, SqlWork work) {
        writer.execute(() -> {
            try {
                work.run();
            } catch (SQLException e) {
                // The change holds in memory for this run; the operator must hear that it will not last.
                LOG.log(Level.ERROR, "accounts: could not " + what + " in " + file + ": " + e.getMessage());
            }
        });
    }

    /** Writes what is queued, then closes. */
    @Override
    public void close() {
        writer.shutdown();
        try {
            if (!writer.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.log(Level.ERROR, "accounts: writes still pending at shutdown");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            connection.close();
        } catch (SQLException ignored) {
            // Closing on the way out.
        }
        lock.close();
    }

    private static void closeQuietly(DirectoryLock lock) {
        if (lock != null) {
            lock.close();
        }
    }
}
