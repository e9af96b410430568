package chat.client.session;

import chat.client.auth.SaslLogin;
import chat.client.net.NetworkLoop;
import chat.client.ui.MessageRenderer;
import chat.client.ui.Screen;
import chat.client.ui.VisibleText;
import chat.protocol.IrcEncoder;
import chat.protocol.IrcMessage;
import chat.protocol.IrcNames;
import java.time.Clock;
import java.time.LocalTime;

/**
 * /register and /login, on the console thread: asks for the password without echoing it (twice
 * for a new account), then hands the work to the network thread. The password never appears on
 * the screen, in the input history or in a log.
 */
final class AccountCommands {
    private final StateCell state;
    private final NetworkLoop network;
    private final AccountParts accounts;
    private final MessageRenderer renderer;
    private final Screen screen;
    private final Clock clock;

    AccountCommands(StateCell state, NetworkLoop network, AccountParts accounts, MessageRenderer renderer, Screen screen,
            Clock clock) {
        this.state = state;
        this.network = network;
        this.accounts = accounts;
        this.renderer = renderer;
        this.screen = screen;
        this.clock = clock;
    }

    /** {@code REGISTER <account> * <password>}: the e-mail field "*" means none. */
    void register(String account, Capabilities capabilities) {
        String name = account == null ? state.get().nick() : account;
        if (!capabilities.has(Capabilities.ACCOUNT_REGISTRATION)) {
            tell(renderer.problem("this server does not create accounts from the client (no draft/account-registration)", now()));
            return;
        }
        if (!IrcNames.isValidNick(name)) {
            tell(renderer.problem("usage: /register [account] (an account name looks like a nick)", now()));
            return;
        }
        String password = accounts.secrets().ask("new password for " + name + ": ");
        if (password == null || password.isEmpty()) {
            tell(renderer.note(password == null ? "no password asked (no terminal), no account created; nothing was sent"
                    : "no password, no account; nothing was sent", now()));
            return;
        }
        String again = accounts.secrets().ask("the same password again: ");
        if (!password.equals(again)) {
            tell(renderer.problem("the two passwords differ; nothing was sent", now()));
            return;
        }
        SaslLogin.Credentials who = new SaslLogin.Credentials(name, password, false);
        send(IrcMessage.of(RegisterReplies.REGISTER, name, "*", password), () -> accounts.session().registering(who));
        tell(renderer.note("asking the server to create the account " + VisibleText.of(name) + " ...", now()));
    }

    /** Logs in on this connection (SASL again, as sasl 3.2 allows), asking for the password. */
    void login(String account) {
        String password = accounts.secrets().ask("password for " + account + ": ");
        if (password == null || password.isEmpty()) {
            tell(renderer.note("no password, no login", now()));
            return;
        }
        SaslLogin.Credentials who = new SaslLogin.Credentials(account, password, accounts.clientCertificate());
        network.execute(() -> accounts.session().login(who));
    }

    /** In order with the user's other lines; first is run on the network thread just before it goes. */
    private void send(IrcMessage message, Runnable first) {
        try {
            network.sendPaced(IrcEncoder.encode(message), first);
        } catch (IllegalArgumentException unencodable) {
            tell(renderer.problem("cannot send that: the password holds a character IRC cannot carry", now()));
        }
    }

    private void tell(MessageRenderer.Rendered line) {
        screen.show(line, state.get());
    }

    private LocalTime now() {
        return LocalTime.now(clock);
    }
}
