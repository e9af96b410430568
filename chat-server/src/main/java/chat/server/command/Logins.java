package chat.server.command;

import chat.protocol.Command;
import chat.protocol.IrcNames;
import chat.protocol.Numeric;
import chat.server.account.Account;
import chat.server.account.Identity;
import chat.server.account.ScramCredentials;
import chat.server.model.Capability;
import chat.server.model.ServerState;
import chat.server.model.User;
import chat.server.net.Outbound;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Logging in and creating accounts, for every way in (SASL, REGISTER, the plain-text /login and
 * /register, the nick prompt): the throttle, the password check on the hashing pool, and what
 * everyone is told once someone is logged in. Runs on the loop; hashing results come back to it.
 * A failed login says the same whether or not the account exists.
 */
public final class Logins {
    /** The words of every failed password check: the same for a wrong password and a missing account. */
    public static final String WRONG = "Wrong account name or password";
    public static final int MIN_PASSWORD_CHARS = 8;
    public static final int MAX_PASSWORD_CHARS = 300;

    private final ServerState state;

    public Logins(ServerState state) {
        this.state = state;
    }

    private Identity identity() {
        return state.identity();
    }

    /** Why a login from this address to this account must wait ("try again in 8 seconds"), or null. */
    public String throttled(User user, String account) {
        long wait = identity().throttle().waitMillis(user.host(), account, state.clock().epochMillis());
        return wait <= 0 ? null : "Too many failed logins; try again in " + Math.max(1, (wait + 999) / 1000) + " seconds";
    }

    /**
     * Checks {@code password} for {@code accountName} off the loop; {@code ok} gets the account, or
     * {@code refused} the reason in words. Nothing is called if the connection has gone meanwhile.
     */
    public void checkPassword(ClientSession session, String accountName, String password, Consumer<Account> ok,
            Consumer<String> refused) {
        Supplier<String> hashNow = () -> {
            Account account = identity().accounts().find(accountName);
            return account == null ? null : account.passwordHash();
        };
        // The account may have been deleted or its password changed while hashing: checkSecret sees it.
        checkSecret(session, accountName, password, hashNow, () -> ok.accept(identity().accounts().find(accountName)),
                refused);
    }

    /**
     * Checks {@code password} against the hash {@code hashNow} gives (null: none, checked against a
     * decoy for the same time) off the loop, failures counted by the throttle under {@code throttleKey}
     * (an account name, or {@code "oper:" + name} for OPER). {@code ok} runs only if the password
     * matched and the hash is still the same when the answer is back; else {@code refused} gets
     * the reason. Nothing is called if the connection has gone meanwhile.
     */
    public void checkSecret(ClientSession session, String throttleKey, String password, Supplier<String> hashNow,
            Runnable ok, Consumer<String> refused) {
        User user = session.user();
        String wait = throttled(user, throttleKey);
        if (wait != null) {
            refused.accept(wait);
            return;
        }
        String hash = hashNow.get();
        session.loginPending(true);
        boolean queued = identity().passwords().submit(() -> identity().passwords().hasher().verify(password, hash),
                matched -> {
                    session.loginPending(false);
                    if (session.link().isClosing()) {
                        return;
                    }
                    if (Boolean.TRUE.equals(matched) && hash != null && hash.equals(hashNow.get())) {
                        succeeded(user, throttleKey);
                        ok.run();
                    } else {
                        failed(user, throttleKey);
                        refused.accept(WRONG);
                    }
                });
        if (!queued) {
            session.loginPending(false);
            refused.accept(busy());
        }
    }

    /** Counts a failed login (the throttle's input), here and on every other node of a cluster. */
    public void failed(User user, String accountName) {
        identity().throttle().failed(user.host(), accountName, state.clock().epochMillis());
        state.network().loginFailed(user.host(), accountName);
    }

    /** Clears the throttle's counts after a login, here and on every other node of a cluster. */
    public void succeeded(User user, String accountName) {
        identity().throttle().succeeded(user.host(), accountName);
        state.network().loginSucceeded(user.host(), accountName);
    }

    static String busy() {
        return "The server is busy checking other logins; try again in a few seconds";
    }

    /** Why {@code password} cannot be an account's password, or null. */
    public static String passwordProblem(String password) {
        if (password.length() < MIN_PASSWORD_CHARS) {
            return "Password too short: at least " + MIN_PASSWORD_CHARS + " characters";
        }
        if (password.length() > MAX_PASSWORD_CHARS) {
            return "Password too long: at most " + MAX_PASSWORD_CHARS + " characters";
        }
        return null;
    }

    /** Why {@code user} cannot register {@code name} now, as a REGISTER code and words; null if it can. */
    public String[] registrationProblem(User user, String name) {
        if (!identity().config().openRegistration()) {
            return new String[] {"TEMPORARILY_UNAVAILABLE", "Accounts on this server are made by its operator only"};
        }
        if (user.account() != null) {
            return new String[] {"ALREADY_AUTHENTICATED", "You are already logged in as " + user.account()};
        }
        String problem = NickRules.problem(state, name);
        if (problem != null) {
            return new String[] {"BAD_ACCOUNT_NAME", "Account names follow the rules of nicknames: " + problem};
        }
        String readOnly = identity().readOnlyReason();
        if (readOnly != null) {
            return new String[] {"TEMPORARILY_UNAVAILABLE", readOnly};
        }
        if (identity().accounts().find(name) != null) {
            return new String[] {"ACCOUNT_EXISTS", "That account already exists"};
        }
        if (state.nicks().isTakenByOther(name, user)) {
            // The account would own a nick someone else is using right now.
            return new String[] {"ACCOUNT_EXISTS", "Someone else is using that name as a nick"};
        }
        return null;
    }

    /**
     * Makes the account off the loop (Argon2id hash and SCRAM credentials), then stores it and
     * logs {@code session} in; {@code done} gets the account, or {@code refused} a REGISTER code
     * and words.
     */
    public void register(ClientSession session, String name, String password, Consumer<Account> done,
            Consumer<String[]> refused) {
        session.loginPending(true);
        long created = state.clock().epochSeconds();
        boolean queued = identity().passwords().submit(
                () -> new Account(name, identity().passwords().hasher().hash(password), ScramCredentials.derive(password),
                        java.util.Set.of(), created),
                account -> {
                    session.loginPending(false);
                    if (session.link().isClosing()) {
                        return;
                    }
                    String[] problem = account == null ? new String[] {"TEMPORARILY_UNAVAILABLE", busy()}
                            : registrationProblem(session.user(), name); // someone may have been quicker
                    if (problem != null) {
                        refused.accept(problem);
                        return;
                    }
                    identity().accounts().store(account, false);
                    done.accept(account);
                });
        if (!queued) {
            session.loginPending(false);
            refused.accept(new String[] {"TEMPORARILY_UNAVAILABLE", busy()});
        }
    }

    /**
     * {@code user} is now logged in to {@code account}: 900 to an IRC client, ACCOUNT to roommates
     * with account-notify. The caller sends its own success line (903, REGISTER SUCCESS, words).
     */
    public void logIn(ClientSession session, Account account) {
        User user = session.user();
        user.account(account.name());
        if (!user.isPlainText()) {
            new Replies(state, session).numeric(Numeric.RPL_LOGGEDIN, user.nick() == null ? "*" : user.prefix(),
                    account.name(), "You are now logged in as " + account.name());
        }
        if (user.isRegistered()) {
            Outbound notice = state.says(user, Command.ACCOUNT, account.name());
            state.rooms().sendToRoommates(user, notice, Capability.ACCOUNT_NOTIFY);
            state.network().changed(user);
            new RoomRegistration(state).loggedIn(user); // @ or + where the account has them
        }
    }

    /**
     * {@code user} (of this node) is no longer logged in: {@code ACCOUNT *} to roommates with
     * account-notify, the network told, and a NOTICE saying {@code why}.
     */
    public void logOut(User user, String why) {
        user.account(null);
        state.rooms().sendToRoommates(user, state.says(user, Command.ACCOUNT, "*"), Capability.ACCOUNT_NOTIFY);
        state.network().changed(user);
        user.send(state.serverSays(Command.NOTICE, user.nick(), "[server] " + why));
    }

    /** What a user logged in to a deleted account is told, on this node and on every other. */
    public static String deleted(String account) {
        return "Your account " + account + " was deleted by the operator; you are logged out";
    }

    /** Logs out every user of this node logged in to {@code account}, telling them {@code why}; returns how many. */
    public int logOutEveryone(String account, String why) {
        int count = 0;
        for (User user : java.util.List.copyOf(state.nicks().all())) {
            if (!user.isRemote() && user.account() != null && IrcNames.fold(user.account()).equals(IrcNames.fold(account))) {
                logOut(user, why);
                count++;
            }
        }
        return count;
    }

    /** True when {@code user} may hold {@code nick}: nobody owns it, protection is off, or it is theirs. */
    public boolean mayHold(User user, String nick) {
        if (!identity().config().protectNicks()) {
            return true;
        }
        Account owner = identity().accounts().ownerOf(nick);
        return owner == null || (user.account() != null && IrcNames.fold(user.account()).equals(IrcNames.fold(owner.name())));
    }

    /** The words of a refused registered nick, for 433 and the plain-text prompt. */
    public static String registeredNick(String nick) {
        return "Nickname is registered to an account; log in (SASL, or /login " + nick
                + " PASSWORD) or choose another";
    }
}
