package chat.server.console;

import chat.protocol.Command;
import chat.server.DurationConverter;
import chat.server.account.Account;
import chat.server.account.Identity;
import chat.server.account.ScramCredentials;
import chat.server.account.ServerBan;
import chat.server.command.Admission;
import chat.server.command.Logins;
import chat.server.command.NickRules;
import chat.server.model.ServerState;
import chat.server.model.User;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The console's powers over who may be here: accounts (/account add|del|passwd|cert|list) and
 * bans that outlast a reconnect and a restart (/ban, /bans, /unban). Runs on the loop thread;
 * password hashing goes to the hashing pool and the answer is printed when it is done.
 */
final class ConsoleAccounts {
    static final String HELP = "/account add|del|passwd|cert|list ... /ban nick|mask [duration] [reason] /bans /unban mask";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final ServerState state;
    private final ConsoleOutput out;

    ConsoleAccounts(ServerState state, ConsoleOutput out) {
        this.state = state;
        this.out = out;
    }

    private Identity identity() {
        return state.identity();
    }

    void account(String rest) {
        String[] words = rest.isEmpty() ? new String[0] : rest.split(" +");
        String sub = words.length == 0 ? "" : words[0].toLowerCase(Locale.ROOT);
        if (!sub.equals("list") && refusedWhileReadOnly()) {
            return;
        }
        switch (sub) {
            case "add" -> {
                if (words.length != 3) {
                    out.println("usage: /account add NAME PASSWORD");
                } else {
                    add(words[1], words[2]);
                }
            }
            case "passwd" -> {
                if (words.length != 3) {
                    out.println("usage: /account passwd NAME PASSWORD");
                } else {
                    passwd(words[1], words[2]);
                }
            }
            case "del" -> {
                if (words.length != 2) {
                    out.println("usage: /account del NAME");
                } else {
                    delete(words[1]);
                }
            }
            case "cert" -> {
                if (words.length != 4 || !(words[2].equals("add") || words[2].equals("del"))) {
                    out.println("usage: /account cert NAME add|del SHA256-FINGERPRINT   (for SASL EXTERNAL)");
                } else {
                    cert(words[1], words[2].equals("add"), words[3]);
                }
            }
            case "list" -> list();
            default -> out.println("usage: " + HELP);
        }
    }

    /** True (and says why) when accounts and bans cannot be changed now: a cluster node split from the others. */
    private boolean refusedWhileReadOnly() {
        String why = identity().readOnlyReason();
        if (why != null) {
            out.println(why);
        }
        return why != null;
    }

    private void add(String name, String password) {
        String problem = NickRules.problem(state, name);
        String weak = Logins.passwordProblem(password);
        if (problem != null || weak != null) {
            out.println("cannot add " + name + ": " + (problem != null ? problem : weak));
            return;
        }
        if (identity().accounts().find(name) != null) {
            out.println("account " + name + " exists already; /account passwd to change its password");
            return;
        }
        long created = state.clock().epochSeconds();
        hashThen(password, (hash, scram) -> {
            if (identity().accounts().store(new Account(name, hash, scram, Set.of(), created), false)) {
                out.println("account " + name + " added; it owns the nick " + name);
            } else {
                out.println("account " + name + " was added meanwhile; nothing changed");
            }
        });
    }

    private void passwd(String name, String password) {
        String weak = Logins.passwordProblem(password);
        if (weak != null || identity().accounts().find(name) == null) {
            out.println(weak != null ? "cannot change the password: " + weak : "no account " + name);
            return;
        }
        hashThen(password, (hash, scram) -> {
            Account current = identity().accounts().find(name);
            if (current == null) {
                out.println("account " + name + " was deleted meanwhile");
                return;
            }
            identity().accounts().store(new Account(current.name(), hash, scram, current.fingerprints(),
                    current.createdEpochSeconds()), true);
            out.println("password of " + current.name() + " changed");
        });
    }

    private interface Hashed {
        void accept(String hash, ScramCredentials scram);
    }

    private void hashThen(String password, Hashed then) {
        record Both(String hash, ScramCredentials scram) {
        }
        boolean queued = identity().passwords().submit(
                () -> new Both(identity().passwords().hasher().hash(password), ScramCredentials.derive(password)),
                both -> {
                    if (both == null) {
                        out.println("hashing failed; see the log");
                    } else {
                        then.accept(both.hash(), both.scram());
                    }
                });
        if (!queued) {
            out.println("the hashing pool is busy with logins; try again in a few seconds");
        }
    }

    private void delete(String name) {
        Account removed = identity().accounts().remove(name);
        if (removed == null) {
            out.println("no account " + name);
            return;
        }
        int loggedOut = new Logins(state).logOutEveryone(removed.name(), Logins.deleted(removed.name()));
        int rooms = identity().rooms().removeFoundedBy(removed.name());
        out.println("account " + removed.name() + " deleted" + (loggedOut > 0 ? "; " + loggedOut + " logged out" : "")
                + (rooms > 0 ? "; " + rooms + " rooms it founded are no longer registered" : ""));
    }

    private void cert(String name, boolean add, String given) {
        Account account = identity().accounts().find(name);
        String fingerprint = given.replace(":", "").toLowerCase(Locale.ROOT);
        if (fingerprint.startsWith("sha256")) {
            fingerprint = fingerprint.substring(6);
        }
        if (account == null) {
            out.println("no account " + name);
        } else if (!fingerprint.matches("[0-9a-f]{64}")) {
            out.println("not a SHA-256 fingerprint (64 hex digits, colons allowed): " + given);
        } else if (add) {
            out.println(identity().accounts().addFingerprint(account, fingerprint)
                    ? "certificate added: " + account.name() + " may log in with SASL EXTERNAL"
                    : "that certificate belongs to another account");
        } else {
            out.println(identity().accounts().removeFingerprint(account, fingerprint)
                    ? "certificate removed from " + account.name() : account.name() + " has no such certificate");
        }
    }

    private void list() {
        out.println(identity().accounts().count() + " accounts");
        for (Account account : identity().accounts().all()) {
            out.println(String.format(Locale.ROOT, "  %-16s since %s%s", account.name(),
                    WHEN.format(Instant.ofEpochSecond(account.createdEpochSeconds())),
                    account.fingerprints().isEmpty() ? "" : ", " + account.fingerprints().size() + " certificate(s)"));
        }
    }

    // /ban nick|mask [duration] [reason]: a nick online is banned by its address (a new nick would
    // walk past a nick ban); a mask is taken as given ("$a:name" bans an account).
    void ban(String rest) {
        String[] words = rest.isEmpty() ? new String[0] : rest.split(" +", 3);
        if (words.length == 0) {
            out.println("usage: /ban nick|mask [duration like 30m, 2h, 7d] [reason]");
            return;
        }
        if (refusedWhileReadOnly()) {
            return;
        }
        String mask = words[0];
        User online = state.nicks().findRegistered(mask);
        if (online != null) {
            mask = "*!*@" + online.host();
        } else if (!mask.startsWith("$a:")) {
            mask = chat.server.model.Masks.normalize(mask);
        }
        long now = state.clock().epochMillis();
        long duration = 0;
        String reason = "";
        if (words.length > 1) {
            try {
                duration = DurationConverter.parse(words[1]);
                reason = words.length > 2 ? words[2] : "";
            } catch (IllegalArgumentException notADuration) {
                reason = rest.substring(rest.indexOf(words[1]));
            }
        }
        ServerBan ban = new ServerBan(mask, reason.isEmpty() ? "banned by the operator" : reason, "console", now,
                duration == 0 ? 0 : now + duration);
        identity().bans().add(ban);
        int removed = Admission.enforce(ban, state);
        out.println("banned " + mask + (duration == 0 ? " until /unban" : " until " + WHEN.format(Instant.ofEpochMilli(now + duration)))
                + (removed > 0 ? "; disconnected " + removed : ""));
    }

    void bans() {
        List<ServerBan> bans = identity().bans().list(state.clock().epochMillis());
        out.println(bans.size() + " bans");
        List<String> lines = new ArrayList<>();
        for (ServerBan ban : bans) {
            lines.add(String.format(Locale.ROOT, "  %-30s %s, since %s%s", ban.mask(), ban.reason(),
                    WHEN.format(Instant.ofEpochMilli(ban.setAtMillis())),
                    ban.expiresAtMillis() == 0 ? "" : ", until " + WHEN.format(Instant.ofEpochMilli(ban.expiresAtMillis()))));
        }
        lines.forEach(out::println);
    }

    void unban(String mask) {
        if (mask.isEmpty()) {
            out.println("usage: /unban mask   (as /bans lists it)");
            return;
        }
        if (refusedWhileReadOnly()) {
            return;
        }
        ServerBan removed = identity().bans().remove(mask);
        if (removed == null && !mask.startsWith("$a:")) {
            removed = identity().bans().remove(chat.server.model.Masks.normalize(mask));
        }
        out.println(removed == null ? "no ban on " + mask + "; /bans lists them" : "unbanned " + removed.mask());
    }
}
