package chat.server.command;

import chat.protocol.Command;
import chat.protocol.IrcMessage;
import chat.protocol.Numeric;
import chat.server.account.Account;
import chat.server.account.SaslChunks;
import chat.server.account.ScramExchange;
import chat.server.model.Capability;
import chat.server.model.ServerState;
import chat.server.model.User;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * AUTHENTICATE (IRCv3 sasl 3.1/3.2: PLAIN, SCRAM-SHA-256, EXTERNAL) and REGISTER (IRCv3
 * draft/account-registration). A login may come before registration completes (holding it until
 * the answer) or after it (sasl 3.2). Every failure keeps the connection.
 */
final class AccountCommands {
    static final String MECHANISMS = "PLAIN,SCRAM-SHA-256,EXTERNAL";
    private static final String FAILED = "SASL authentication failed";

    private final ServerState state;
    private final Logins logins;
    private final RegistrationCommands registration;

    AccountCommands(ServerState state, RegistrationCommands registration) {
        this.state = state;
        this.logins = new Logins(state);
        this.registration = registration;
    }

    /** The value CAP LS 302 shows for a capability of ours, or null. */
    static String capValue(Capability cap) {
        return switch (cap) {
            case SASL -> MECHANISMS;
            // No e-mail step; the account name need not be the current nick.
            case ACCOUNT_REGISTRATION -> "before-connect,custom-account-name";
            default -> null;
        };
    }

    /** What one connection's SASL exchange has got to. */
    static final class Exchange {
        private String mechanism;
        private SaslChunks chunks;
        private ScramExchange scram;
        private Account proven;

        boolean active() {
            return mechanism != null;
        }

        void reset() {
            mechanism = null;
            chunks = null;
            scram = null;
            proven = null;
        }
    }

    // AUTHENTICATE <mechanism> | <base64 chunk> | + | *
    void authenticate(User user, IrcMessage message, Replies replies) {
        ClientSession session = replies.session();
        Exchange exchange = session.sasl();
        String argument = message.param(0);
        if (session.isLoginPending()) {
            replies.numeric(Numeric.ERR_SASLFAIL, FAILED + ": a login is being checked already");
            return;
        }
        if (argument.equals("*")) {
            exchange.reset();
            replies.numeric(Numeric.ERR_SASLABORTED, "SASL authentication aborted");
            return;
        }
        if (user.account() != null) {
            exchange.reset();
            replies.numeric(Numeric.ERR_SASLALREADY, "You have already authenticated using SASL");
            return;
        }
        if (!exchange.active()) {
            start(exchange, argument.toUpperCase(Locale.ROOT), replies);
            return;
        }
        switch (exchange.chunks.add(argument)) {
            case MORE -> { }
            case TOO_LONG -> {
                exchange.reset();
                replies.numeric(Numeric.ERR_SASLTOOLONG, "SASL message too long");
            }
            case MALFORMED -> fail(exchange, replies, FAILED + ": the message is not base64");
            case COMPLETE -> step(session, exchange, exchange.chunks.message(), replies);
        }
    }

    private void start(Exchange exchange, String mechanism, Replies replies) {
        switch (mechanism) {
            case "PLAIN", "SCRAM-SHA-256", "EXTERNAL" -> {
                exchange.mechanism = mechanism;
                exchange.chunks = new SaslChunks();
                replies.send(state.fromServer(Command.AUTHENTICATE, "+"));
            }
            default -> {
                replies.numeric(Numeric.RPL_SASLMECHS, MECHANISMS, "are available SASL mechanisms");
                replies.numeric(Numeric.ERR_SASLFAIL, FAILED);
            }
        }
    }

    private void step(ClientSession session, Exchange exchange, byte[] data, Replies replies) {
        switch (exchange.mechanism) {
            case "PLAIN" -> plain(session, exchange, data, replies);
            case "SCRAM-SHA-256" -> scram(session, exchange, data, replies);
            default -> external(session, exchange, data, replies);
        }
    }

    // PLAIN (RFC 4616): authzid NUL authcid NUL password; authzid empty or the same account.
    private void plain(ClientSession session, Exchange exchange, byte[] data, Replies replies) {
        String[] parts = new String(data, StandardCharsets.UTF_8).split("\0", -1);
        if (parts.length != 3 || parts[1].isEmpty() || (!parts[0].isEmpty() && !parts[0].equals(parts[1]))) {
            fail(exchange, replies, FAILED + ": PLAIN needs authzid NUL account NUL password");
            return;
        }
        exchange.reset();
        replies.keepOpen();
        logins.checkPassword(session, parts[1], parts[2], account -> {
            succeed(session, account, replies);
            replies.close();
        }, why -> {
            replies.numeric(Numeric.ERR_SASLFAIL, FAILED + ": " + why);
            replies.close();
            registration.completeIfReady(session.user(), replies);
        });
    }

    private void scram(ClientSession session, Exchange exchange, byte[] data, Replies replies) {
        if (exchange.proven != null) { // the client's empty answer to the server's signature
            Account account = exchange.proven;
            exchange.reset();
            if (state.identity().accounts().find(account.name()) == null) {
                replies.numeric(Numeric.ERR_SASLFAIL, FAILED);
                return;
            }
            logins.succeeded(session.user(), account.name());
            succeed(session, account, replies);
            return;
        }
        if (exchange.scram == null) {
            String wait = logins.throttled(session.user(), scramUser(data));
            if (wait != null) {
                fail(exchange, replies, FAILED + ": " + wait);
                return;
            }
            exchange.scram = new ScramExchange(state.identity().accounts()::find, state.identity().accounts().secret());
        }
        ScramExchange.Step next = exchange.scram.next(data);
        if (next instanceof ScramExchange.Challenge challenge) {
            sendChallenge(challenge.data(), replies);
        } else if (next instanceof ScramExchange.Proven proven) {
            exchange.proven = proven.account();
            sendChallenge(proven.serverFinal(), replies);
        } else {
            logins.failed(session.user(), scramUser(data));
            fail(exchange, replies, FAILED + ": " + Logins.WRONG);
        }
    }

    /** The account a SCRAM client-first message names (for the throttle), or "" if none. */
    private static String scramUser(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        int at = text.indexOf(",n=");
        if (at < 0) {
            return "";
        }
        int end = text.indexOf(',', at + 3);
        return text.substring(at + 3, end < 0 ? text.length() : end);
    }

    // EXTERNAL (RFC 4422 appendix A): the TLS client certificate a user added to their account.
    private void external(ClientSession session, Exchange exchange, byte[] data, Replies replies) {
        String fingerprint = session.link().peerCertificateFingerprint().orElse(null);
        Account account = state.identity().accounts().byFingerprint(fingerprint);
        String asked = new String(data, StandardCharsets.UTF_8);
        if (fingerprint == null) {
            fail(exchange, replies, FAILED + ": no TLS client certificate");
        } else if (account == null || (!asked.isEmpty() && !asked.equalsIgnoreCase(account.name()))) {
            fail(exchange, replies, FAILED + ": this certificate is not registered to an account");
        } else {
            exchange.reset();
            succeed(session, account, replies);
        }
    }

    private void succeed(ClientSession session, Account account, Replies replies) {
        logins.logIn(session, account);
        replies.numeric(Numeric.RPL_SASLSUCCESS, "SASL authentication successful");
        registration.completeIfReady(session.user(), replies);
    }

    private void fail(Exchange exchange, Replies replies, String text) {
        exchange.reset();
        replies.numeric(Numeric.ERR_SASLFAIL, text);
    }

    /** A server message in base64 chunks of 400 ("+" after a full last chunk, or for nothing). */
    private void sendChallenge(byte[] data, Replies replies) {
        String encoded = Base64.getEncoder().encodeToString(data);
        for (int at = 0; at < encoded.length(); at += SaslChunks.CHUNK) {
            replies.send(state.fromServer(Command.AUTHENTICATE,
                    encoded.substring(at, Math.min(encoded.length(), at + SaslChunks.CHUNK))));
        }
        if (encoded.length() % SaslChunks.CHUNK == 0) {
            replies.send(state.fromServer(Command.AUTHENTICATE, "+"));
        }
    }

    // REGISTER <account> <email> <password> (draft/account-registration; "*" as account: the nick).
    void register(User user, IrcMessage message, Replies replies) {
        ClientSession session = replies.session();
        String name = message.param(0).equals("*") ? user.nick() : message.param(0);
        String password = message.param(2);
        if (name == null) {
            replies.fail(Command.REGISTER, "NEED_NICK", "*", "Choose a nick first, or name the account");
            return;
        }
        if (session.isLoginPending()) {
            replies.fail(Command.REGISTER, "TEMPORARILY_UNAVAILABLE", name, "A login is being checked already");
            return;
        }
        String[] problem = logins.registrationProblem(user, name);
        String serverPassword = state.config().password();
        if (problem == null && !user.isRegistered() && serverPassword != null
                && !serverPassword.equals(session.passwordGiven())) {
            // Early registration must not be a way around the server password.
            problem = new String[] {"TEMPORARILY_UNAVAILABLE", "Send the server password (PASS) first"};
        }
        if (problem == null) {
            String weak = Logins.passwordProblem(password);
            problem = weak == null ? null : new String[] {password.length() < Logins.MIN_PASSWORD_CHARS
                    ? "WEAK_PASSWORD" : "UNACCEPTABLE_PASSWORD", weak};
        }
        if (problem != null) {
            replies.fail(Command.REGISTER, problem[0], Replies.asWord(name), problem[1]);
            return;
        }
        replies.keepOpen();
        logins.register(session, name, password, account -> {
            replies.send(state.fromServer(Command.REGISTER, "SUCCESS", account.name(),
                    "Account created; you are logged in"));
            logins.logIn(session, account);
            replies.close();
            registration.completeIfReady(user, replies);
        }, refused -> {
            replies.fail(Command.REGISTER, refused[0], Replies.asWord(name), refused[1]);
            replies.close();
            registration.completeIfReady(user, replies);
        });
    }
}
