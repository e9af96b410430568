package chat.server.account;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccountDatabaseTest {
    @TempDir
    Path dir;

    @Test
    void accountsBansAndTheSecretOutliveARestart() throws Exception {
        ScramCredentials scram = ScramCredentials.derive("pencil", new byte[16], 4096);
        byte[] secret;
        try (AccountDatabase database = AccountDatabase.open(dir)) {
            Accounts accounts = new Accounts(database, database.loadAccounts(), secret = database.secret());
            accounts.store(new Account("Alice", "$argon2id$hash", scram, Set.of("ab".repeat(32)), 42), false);
            accounts.store(new Account("bob", "$argon2id$other", scram, Set.of(), 43), false);
            accounts.remove("BOB");
            new ServerBans(database, List.of()).add(new ServerBan("*!*@10.0.0.1", "spam", "console", 1, 0));
        }
        assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                Files.getPosixFilePermissions(dir.resolve("accounts.db")), "password hashes: owner only");
        try (AccountDatabase database = AccountDatabase.open(dir)) {
            Accounts accounts = new Accounts(database, database.loadAccounts(), database.secret());
            Account alice = accounts.find("alice");
            assertNotNull(alice);
            assertEquals("Alice", alice.name());
            assertArrayEquals(scram.storedKey(), alice.scram().storedKey());
            assertEquals(alice, accounts.byFingerprint("ab".repeat(32)));
            assertNull(accounts.find("bob"));
            assertArrayEquals(secret, database.secret());
            assertEquals("spam", database.loadBans().get(0).reason());
        }
    }

    @Test
    void aSecondServerOnTheSameDirectoryAndADamagedFileAreRefusedInOneLine() throws Exception {
        try (AccountDatabase first = AccountDatabase.open(dir)) {
            AccountsUnavailableException busy = assertThrows(AccountsUnavailableException.class, () -> AccountDatabase.open(dir));
            assertTrue(busy.getMessage().contains("in use by another chat server"), busy.getMessage());
        }
        Path other = dir.resolve("other");
        Files.createDirectories(other);
        Files.write(other.resolve("accounts.db"), "this is not a database, just text that is long enough".repeat(100).getBytes());
        AccountsUnavailableException damaged = assertThrows(AccountsUnavailableException.class, () -> AccountDatabase.open(other));
        assertTrue(damaged.getMessage().startsWith("accounts: "), damaged.getMessage());
    }
}
