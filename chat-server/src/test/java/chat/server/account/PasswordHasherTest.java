package chat.server.account;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {
    private final PasswordHasher hasher = new PasswordHasher();

    @Test
    void hashesAreArgon2idPhcStringsThatVerify() {
        String hash = hasher.hash("correct horse");
        assertTrue(hash.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), hash);
        assertTrue(hasher.verify("correct horse", hash));
        assertFalse(hasher.verify("correct horsE", hash));
        assertNotEquals(hash, hasher.hash("correct horse"), "a fresh salt each time");
    }

    @Test
    void noAccountAndDamagedHashesNeverVerify() {
        assertFalse(hasher.verify("decoy password that no one has", null), "the decoy never logs anyone in");
        assertFalse(hasher.verify("x", "$argon2id$v=19$m=99999999,t=2,p=1$AAAA$AAAA"), "no gigabyte allocations");
        assertFalse(hasher.verify("x", "$argon2i$v=19$m=8,t=1,p=1$AAAA$AAAA"));
        assertFalse(hasher.verify("x", "not a hash"));
        assertFalse(hasher.verify("x", "$argon2id$v=19$m=8,t=1,p=1$!!!$AAAA"));
    }
}
