package chat.server.plain;

import chat.server.account.Account;
import chat.server.account.ServerBan;
import chat.server.command.Admission;
import chat.server.command.ClientSession;
import chat.server.command.Logins;
import chat.server.command.NickRules;
import chat.server.model.ServerState;
import chat.server.model.User;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.function.Consumer;

/**
 * The way in for someone at nc, before they chat: the server password when there is one, a
 * nickname, and that nickname's account password when an account owns it. Then /register and
 * /login while chatting. Passwords are checked off the loop like everyone's; lines typed while one
 * is being checked are answered with a "moment" and not taken.
 */
final class PlainTextLogin {
    private enum Step { NICK, SERVER_PASSWORD, ACCOUNT_PASSWORD, CHECKING, CLAIMING }

    private final ServerState state;
    private final ClientSession session;
    private final User user;
    private final Logins logins;
    private final Consumer<String> tell;
    private final Consumer<String> enter;
    private Step step;
    private boolean serverPasswordGiven;
    private String wantedNick;

    /** {@code tell} writes a line to the user; {@code enter} completes registration with a nick. */
    PlainTextLogin(ServerState state, ClientSession session, Consumer<String> tell, Consumer<String> enter) {
        this.state = state;
        this.session = session;
        this.user = session.user();
        this.logins = new Logins(state);
        this.tell = tell;
        this.enter = enter;
        this.step = Step.NICK;
        this.serverPasswordGiven = state.config().password() == null;
    }

    /** A line typed before registration. */
    void onLine(String line) {
        switch (step) {
            case CHECKING -> tell.accept("One moment: checking the password.");
            case CLAIMING -> tell.accept("One moment: checking the nickname.");
            case SERVER_PASSWORD -> serverPassword(line);
            case ACCOUNT_PASSWORD -> accountPassword(line);
            default -> nick(line);
        }
    }

    private void nick(String nick) {
        String problem = NickRules.problem(state, nick);
        if (problem != null) {
            tell.accept("Sorry, " + problem + ". Type another nickname:");
            return;
        }
        if (state.nicks().isTakenByOther(nick, user)) {
            tell.accept("Sorry, the nickname " + nick + " is taken. Type another nickname:");
            return;
        }
        wantedNick = nick;
        if (!serverPasswordGiven) {
            step = Step.SERVER_PASSWORD;
            tell.accept("This server needs a password. Type it:");
            return;
        }
        if (!logins.mayHold(user, nick)) {
            step = Step.ACCOUNT_PASSWORD;
            tell.accept("The nickname " + nick + " is registered. Type its password (or just Enter to pick another nickname):");
            return;
        }
        admit();
    }

    private void serverPassword(String given) {
        byte[] expected = state.config().password().getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.UTF_8))) {
            // As for IRC clients (464, then closed): guessing costs a connection per try.
            user.disconnect("Bad password", "Wrong server password; goodbye.");
            return;
        }
        serverPasswordGiven = true;
        step = Step.NICK;
        nick(wantedNick);
    }

    private void accountPassword(String password) {
        if (password.isEmpty()) {
            step = Step.NICK;
            tell.accept("Type another nickname:");
            return;
        }
        String nick = wantedNick;
        step = Step.CHECKING;
        logins.checkPassword(session, nick, password, account -> {
            logins.logIn(session, account);
            tell.accept("Logged in as " + account.name() + ".");
            step = Step.NICK;
            if (state.nicks().isTakenByOther(nick, user)) {
                tell.accept("Someone took " + nick + " meanwhile. Type another nickname:");
            } else {
                admit();
            }
        }, why -> {
            step = Step.NICK;
            tell.accept(why + ". Type another nickname (or " + nick + " to try again):");
        });
    }

    /** The last checks before chatting: the nick claimed network-wide (a cluster), the operator's bans. */
    private void admit() {
        String nick = wantedNick;
        step = Step.CLAIMING;
        state.network().claimNick(user, nick, held -> {
            step = Step.NICK;
            if (session.link().isClosing()) {
                return;
            }
            if (!held || state.nicks().isTakenByOther(nick, user)) {
                tell.accept("Sorry, the nickname " + nick + " is taken. Type another nickname:");
                return;
            }
            enterAs(nick);
        });
    }

    private void enterAs(String nick) {
        state.nicks().rename(user, nick); // the prefix the bans are matched against
        ServerBan ban = new Admission(state).banOf(user);
        if (ban != null) {
            String text = Admission.bannedText(ban);
            user.disconnect("Banned", text);
            return;
        }
        enter.accept(nick);
    }

    /** /register PASSWORD: an account named after the current nick. */
    void register(String password) {
        if (password.isEmpty() || password.contains(" ")) {
            tell.accept("Usage: /register PASSWORD (at least " + Logins.MIN_PASSWORD_CHARS
                    + " characters, no spaces); your account is named " + user.nick() + ".");
            return;
        }
        if (session.isLoginPending()) {
            tell.accept("One moment: a password is being checked.");
            return;
        }
        String[] problem = logins.registrationProblem(user, user.nick());
        String weak = Logins.passwordProblem(password);
        if (problem != null || weak != null) {
            tell.accept("Cannot register: " + (problem != null ? problem[1] : weak) + ".");
            return;
        }
        tell.accept("Registering " + user.nick() + "...");
        logins.register(session, user.nick(), password, account -> {
            logins.logIn(session, account);
            tell.accept("Account " + account.name() + " created; you are logged in. Nobody else may use the nickname "
                    + account.name() + " now. Next time, type your password when asked for it.");
        }, refused -> tell.accept("Cannot register: " + refused[1] + "."));
    }

    /** /login [ACCOUNT] PASSWORD: the account defaults to the current nick. */
    void login(String rest) {
        String[] words = rest.isEmpty() ? new String[0] : rest.split(" +");
        if (words.length == 0 || words.length > 2) {
            tell.accept("Usage: /login [account] PASSWORD");
            return;
        }
        if (user.account() != null) {
            tell.accept("You are already logged in as " + user.account() + ".");
            return;
        }
        if (session.isLoginPending()) {
            tell.accept("One moment: a password is being checked.");
            return;
        }
        String account = words.length == 2 ? words[0] : user.nick();
        logins.checkPassword(session, account, words[words.length - 1], (Account found) -> {
            logins.logIn(session, found);
            tell.accept("Logged in as " + found.name() + ".");
        }, why -> tell.accept("Login failed: " + why + "."));
    }
}
