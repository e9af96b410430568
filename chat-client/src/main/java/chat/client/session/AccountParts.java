package chat.client.session;

import chat.client.auth.SaslLogin;
import chat.client.ui.MessageRenderer;
import chat.client.ui.Screen;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The parts of one session that deal with who the user is: the account map, the login and
 * registration on the network side, the question about an unknown certificate, and how secrets
 * are asked for. Shared by {@link ServerMessageHandler} and {@link TypedLineHandler}.
 */
public record AccountParts(Accounts accounts, AccountSession session, TrustQuestion trust, SecretPrompt secrets,
        boolean clientCertificate) {

    /**
     * @param login who logs in on connecting (--account), or null
     * @param interactive whether a person can be asked (for a nick, a password)
     * @param knownServers where accepted certificates are kept (for the question's words)
     */
    public static AccountParts create(Accounts accounts, Capabilities capabilities, SaslLogin.Credentials login,
            boolean interactive, SecretPrompt secrets, Path knownServers, StateCell state, MessageRenderer renderer,
            Screen screen, Clock clock) {
        AccountSession session = new AccountSession(accounts, capabilities, login, interactive, state, renderer, screen, clock);
        return new AccountParts(accounts, session, new TrustQuestion(knownServers, state, renderer, screen, clock), secrets,
                login != null && login.clientCertificate());
    }
}
