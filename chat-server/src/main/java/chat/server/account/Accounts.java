package chat.server.account;

import chat.protocol.IrcNames;
import java.util.Collection;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The accounts, by rfc1459-folded name, as the event loop sees them: all in memory (a few hundred
 * bytes each), so the nick check on every NICK and every login's lookup cost a map read. Each
 * change is also handed to the {@link AccountStore} (if any), in order. An account owns
 * the nick equal to its name. Touched only by the loop thread.
 */
public final class Accounts {
    private final Map<String, Account> byName = new HashMap<>();
    private final Map<String, String> byFingerprint = new HashMap<>();
    private final AccountStore database;
    private final byte[] secret;

    /** Accounts kept in {@code database} (null: in memory only, for tests and embedding). */
    public Accounts(AccountStore database, Collection<Account> loaded, byte[] secret) {
        this.database = database;
        this.secret = secret.clone();
        for (Account account : loaded) {
            put(account);
        }
    }

    /** An empty set of accounts kept in memory only. */
    public static Accounts inMemory() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return new Accounts(null, List.of(), secret);
    }

    /** The key that makes the SCRAM decoys of unknown names. */
    public byte[] secret() {
        return secret.clone();
    }

    public Account find(String name) {
        return name == null ? null : byName.get(IrcNames.fold(name));
    }

    /** The account a TLS client certificate with this SHA-256 fingerprint logs in to, or null. */
    public Account byFingerprint(String fingerprint) {
        String name = fingerprint == null ? null : byFingerprint.get(fingerprint);
        return name == null ? null : find(name);
    }

    /** The account that owns {@code nick}, or null when anyone may take it. */
    public Account ownerOf(String nick) {
        return find(nick);
    }

    public int count() {
        return byName.size();
    }

    /** Every account, by name (for the console). */
    public Collection<Account> all() {
        return new TreeMap<>(byName).values();
    }

    /** Adds or replaces; false when adding a name already taken ({@code replace} false). */
    public boolean store(Account account, boolean replace) {
        String folded = IrcNames.fold(account.name());
        Account earlier = byName.get(folded);
        if (earlier != null && !replace) {
            return false;
        }
        if (earlier != null) {
            earlier.fingerprints().forEach(byFingerprint::remove);
        }
        put(account);
        if (database != null && earlier == null) {
            database.create(folded, account);
        } else if (database != null) {
            database.save(folded, account);
        }
        return true;
    }

    public Account remove(String name) {
        String folded = IrcNames.fold(name);
        Account removed = byName.remove(folded);
        if (removed != null) {
            removed.fingerprints().forEach(byFingerprint::remove);
            if (database != null) {
                database.delete(folded);
            }
        }
        return removed;
    }

    /** Adds a certificate fingerprint to an account; false if another account has it already. */
    public boolean addFingerprint(Account account, String fingerprint) {
        String holder = byFingerprint.get(fingerprint);
        if (holder != null && !holder.equals(IrcNames.fold(account.name()))) {
            return false;
        }
        Set<String> prints = new HashSet<>(account.fingerprints());
        prints.add(fingerprint);
        return store(account.withFingerprints(prints), true);
    }

    public boolean removeFingerprint(Account account, String fingerprint) {
        Set<String> prints = new HashSet<>(account.fingerprints());
        boolean had = prints.remove(fingerprint);
        if (had) {
            store(account.withFingerprints(Set.copyOf(prints)), true);
        }
        return had;
    }

    /**
     * The store says {@code folded} is now {@code account} (null: deleted), for example because
     * another cluster node changed it: the replica follows, nothing is written back.
     */
    public void apply(String folded, Account account) {
        Account earlier = byName.remove(folded);
        if (earlier != null) {
            earlier.fingerprints().forEach(byFingerprint::remove);
        }
        if (account != null) {
            put(account);
        }
    }

    /** The store's whole content replaces the replica (a cluster node's reload after a split). */
    public void replaceAll(Collection<Account> loaded) {
        byName.clear();
        byFingerprint.clear();
        loaded.forEach(this::put);
    }

    private void put(Account account) {
        String folded = IrcNames.fold(account.name());
        byName.put(folded, account);
        for (String print : account.fingerprints()) {
            byFingerprint.put(print, folded);
        }
    }
}
