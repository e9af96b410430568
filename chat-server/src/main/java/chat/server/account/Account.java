package chat.server.account;

import java.util.Set;

/**
 * One account: its name (which is also the nick it owns), its password as an Argon2id hash and
 * as SCRAM credentials, and the TLS client certificate fingerprints that log it in (SASL
 * EXTERNAL). Immutable: a change makes a new record.
 *
 * @param fingerprints SHA-256 of certificates' DER, lower-case hex without colons
 */
public record Account(String name, String passwordHash, ScramCredentials scram, Set<String> fingerprints,
        long createdEpochSeconds) {
    public Account {
        fingerprints = Set.copyOf(fingerprints);
    }

    Account withPassword(String hash, ScramCredentials credentials) {
        return new Account(name, hash, credentials, fingerprints, createdEpochSeconds);
    }

    Account withFingerprints(Set<String> newFingerprints) {
        return new Account(name, passwordHash, scram, newFingerprints, createdEpochSeconds);
    }
}
