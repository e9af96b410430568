package chat.client.session;

import chat.client.auth.SaslLogin;
import chat.client.ui.MessageRenderer;
import chat.client.ui.Screen;
import chat.client.ui.VisibleText;
import chat.protocol.Command;
import chat.protocol.IrcMessage;
import java.time.Clock;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The account side of a connection, on the network thread: logs in with SASL between the CAP ACK
 * and CAP END when --account was given (or later, on /login), tells the user how it went, keeps
 * {@link Accounts} up to date, answers REGISTER, and explains a nick refused because an account owns
 * it. A failed or impossible login is said once and the session goes on as a guest.
 *
 * <p>Nick protection and SASL race: NICK is sent before the login runs, so the server may refuse
 * our own account's nick before we are logged in. While a login is still to come on this
 * connection, that refusal is held, and NICK is sent again once logged in.
 */
public final class AccountSession implements CapNegotiation.BeforeEnd {
    /** What the session does for us on the connection. */
    public interface Connection {
        void send(IrcMessage message);

        boolean tls();

        /** Registration waits for the user to pick a nick. */
        void waitForUser();

        /** Nothing more can be done without a person (no terminal): leave. */
        void giveUp();

        /** The login that held CAP END is over. */
        void loginOver();
    }

    private final Accounts accounts;
    private final Capabilities capabilities;
    private final boolean interactive;
    private final StateCell state;
    private final MessageRenderer renderer;
    private final Screen screen;
    private final Clock clock;
    private final SaslLogin sasl;
    private Connection connection;
    /** Who logs in on each connection: --account, or the last /login or /register that worked. */
    private SaslLogin.Credentials credentials;
    private SaslLogin.Credentials attempt;
    private SaslLogin.Credentials registering;
    private List<String> mechanisms = List.of();
    private boolean saslOffered;
    /** On this connection: whether the login question is answered (logged in, failed, or impossible). */
    private boolean settled;
    private boolean duringRegistration;
    private boolean toldNoAccounts;
    private String heldNick;

    public AccountSession(Accounts accounts, Capabilities capabilities, SaslLogin.Credentials login, boolean interactive,
            StateCell state, MessageRenderer renderer, Screen screen, Clock clock) {
        this.accounts = accounts;
        this.capabilities = capabilities;
        this.credentials = login;
        this.interactive = interactive;
        this.state = state;
        this.renderer = renderer;
        this.screen = screen;
        this.clock = clock;
        this.sasl = new SaslLogin(message -> connection.send(message));
    }

    public void attach(Connection link) {
        this.connection = link;
    }

    public Accounts accounts() {
        return accounts;
    }

    void connectionStarted() {
        accounts.clear();
        mechanisms = List.of();
        saslOffered = false;
        settled = false;
        duringRegistration = false;
        heldNick = null;
    }

    /** The CAP ACK came: log in now if we have an account and the server takes SASL (true: CAP END waits). */
    @Override
    public boolean begin(Map<String, String> values, Set<String> enabled) {
        saslOffered = enabled.contains(Capabilities.SASL);
        String offer = values.get(Capabilities.SASL);
        mechanisms = offer == null || offer.isEmpty() ? List.of() : List.of(offer.split(","));
        if (credentials == null || !saslOffered) {
            return false; // negotiationOver() settles it
        }
        duringRegistration = true;
        attempt = credentials;
        if (sasl.start(credentials, mechanisms, connection.tls())) {
            return true;
        }
        loginFinished();
        return false;
    }

    /** CAP negotiation is over (or there was none): whatever login could happen has happened. */
    void negotiationOver() {
        if (settled) {
            return;
        }
        settled = true;
        if (credentials != null && !toldNoAccounts) {
            toldNoAccounts = true;
            show(renderer.note("this server has no accounts; continuing as a guest", now()));
        }
        explainHeldNick();
    }

    /** /login (console thread handed it over): SASL again on the live connection (sasl 3.2 re-authentication). */
    public void login(SaslLogin.Credentials who) {
        if (sasl.running()) {
            show(renderer.problem("a login is already under way", now()));
        } else if (!capabilities.has(Capabilities.SASL)) {
            show(renderer.problem(saslOffered || !settled ? "not connected yet; try again in a moment"
                    : "this server takes no logins (it offers no SASL); you stay a guest", now()));
        } else {
            duringRegistration = false;
            attempt = who;
            if (!sasl.start(who, mechanisms, connection.tls())) {
                loginFinished();
            }
        }
    }

    /** /register was typed: if the account is created, it logs in on the next connections. */
    public void registering(SaslLogin.Credentials who) {
        registering = who;
    }

    /** Account lines; true when handled here and not to be shown by the caller. */
    boolean received(IrcMessage message) {
        if (!message.tags().containsKey("batch")) {
            accounts.observe(message); // not from history: a replayed line tells nothing about now
        }
        boolean running = sasl.running();
        if (sasl.received(message)) {
            if (running && !sasl.running()) {
                loginFinished();
            }
            return true;
        }
        switch (message.command()) {
            case SaslLogin.RPL_LOGGEDIN -> {
                accounts.set(state.get().nick(), message.param(2));
                if (!running) {
                    show(renderer.note("you are logged in as " + VisibleText.of(message.param(2)), now()));
                }
                return true;
            }
            case SaslLogin.RPL_LOGGEDOUT -> {
                accounts.set(state.get().nick(), null);
                show(renderer.note("you are logged out", now()));
                return true;
            }
            case RegisterReplies.REGISTER -> {
                if ("SUCCESS".equals(message.param(0)) && registering != null) {
                    credentials = registering; // reconnects log in to the new account
                }
                show(renderer.note(RegisterReplies.answer(message), now()));
                return true;
            }
            case Command.FAIL -> {
                if (RegisterReplies.REGISTER.equals(message.param(0))) {
                    show(renderer.problem(RegisterReplies.failure(message), now()));
                    return true;
                }
                return false;
            }
            default -> {
                return false;
            }
        }
    }

    /**
     * 433 for a nick an account owns ("registered" in its text), before we are registered. Held
     * while our own login may still make it ours; else explained, and the user picks another.
     */
    void registeredNick(String nick, boolean negotiating) {
        if (credentials != null && negotiating && !settled) {
            heldNick = nick;
            return;
        }
        heldNick = nick;
        explainHeldNick();
    }

    private void loginFinished() {
        SaslLogin.Credentials who = attempt;
        if (sasl.state() == SaslLogin.State.SUCCEEDED) {
            credentials = who;
            String account = accounts.of(state.get().nick());
            show(renderer.note("logged in as " + VisibleText.of(account != null ? account : who.account())
                    + " (" + sasl.mechanism() + ")", now()));
            if (duringRegistration && heldNick != null) {
                connection.send(IrcMessage.of(Command.NICK, heldNick)); // ours now
                heldNick = null;
            }
        } else {
            show(renderer.problem("login as " + VisibleText.of(who.account()) + " failed: " + VisibleText.of(sasl.outcome())
                    + (duringRegistration ? "; continuing as a guest" : ""), now()));
        }
        if (duringRegistration) {
            duringRegistration = false;
            settled = true;
            explainHeldNick();
            connection.loginOver();
        }
    }

    private void explainHeldNick() {
        String nick = heldNick;
        heldNick = null;
        if (nick == null) {
            return;
        }
        String shown = VisibleText.of(nick);
        String own = accounts.of(state.get().nick());
        show(renderer.problem(own != null ? shown + " is registered to another account; pick another with /nick"
                : shown + " is a registered nick; start with --account " + shown + " or pick another with /nick", now()));
        if (interactive) {
            connection.waitForUser();
        } else {
            connection.giveUp();
        }
    }

    private void show(MessageRenderer.Rendered line) {
        screen.show(line, state.get());
    }

    private LocalTime now() {
        return LocalTime.now(clock);
    }
}
