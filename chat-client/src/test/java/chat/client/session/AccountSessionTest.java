package chat.client.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.client.auth.SaslLogin;
import chat.client.ui.MessageRenderer;
import chat.client.ui.Styles;
import chat.protocol.IrcMessage;
import chat.protocol.IrcParser;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Logging in while registering, as the server's lines arrive, without a socket: CAP negotiation
 * and the account session wired as the handler wires them, the connection faked.
 */
class AccountSessionTest {
    private final RecordingScreen screen = new RecordingScreen();
    private final StateCell state = new StateCell(ClientState.initial("alice", "#lobby"));
    private final Accounts accounts = new Accounts();
    private final Capabilities capabilities = new Capabilities();
    private final MessageRenderer renderer = new MessageRenderer(new Styles(false), accounts);
    private final FakeClock clock = new FakeClock(Instant.parse("2026-12-05T17:00:00Z"));
    private final List<String> sent = new ArrayList<>();
    private boolean tls;
    private boolean waiting;
    private boolean gaveUp;
    private AccountSession session;
    private CapNegotiation caps;

    private void connect(SaslLogin.Credentials login, boolean interactive) {
        session = new AccountSession(accounts, capabilities, login, interactive, state, renderer, screen, clock);
        caps = new CapNegotiation(capabilities, session);
        session.attach(new AccountSession.Connection() {
            @Override
            public void send(IrcMessage message) {
                sent.add(message.toString());
            }

            @Override
            public boolean tls() {
                return tls;
            }

            @Override
            public void waitForUser() {
                waiting = true;
            }

            @Override
            public void giveUp() {
                gaveUp = true;
            }

            @Override
            public void loginOver() {
                answer(caps.resume());
            }
        });
        reconnect();
    }

    private void reconnect() {
        session.connectionStarted();
        sent.add(caps.start().toString());
    }

    private void answer(List<IrcMessage> lines) {
        lines.forEach(line -> sent.add(line.toString()));
        if (!caps.negotiating()) {
            session.negotiationOver();
        }
    }

    /** One line from the server, through the same steps as ServerMessageHandler.handle. */
    private void server(String text) throws Exception {
        IrcMessage message = IrcParser.parse(text);
        if (message.command().equals("CAP")) {
            answer(caps.onCap(message));
            return;
        }
        if (session.received(message)) {
            return;
        }
        if (caps.negotiating()) {
            answer(caps.onOther(message).send());
        }
        if (message.command().equals("433") && message.lastParam().contains("registered")) {
            session.registeredNick(message.param(1), caps.negotiating());
        }
    }

    private String lastSentPayload() {
        String last = sent.get(sent.size() - 1);
        return new String(Base64.getDecoder().decode(last.substring("AUTHENTICATE ".length())), StandardCharsets.UTF_8);
    }

    @Test
    void aLoginOverTlsHoldsCapEndAndGetsBackTheNickTheServerRefusedBeforeIt() throws Exception {
        tls = true;
        connect(new SaslLogin.Credentials("alice", "s3cret", false), true);
        server(":irc.test CAP * LS :sasl=PLAIN server-time");
        server(":irc.test 433 * alice :Nickname is registered to an account; log in (SASL or /login) or choose another");
        server(":irc.test CAP * ACK :server-time sasl");
        assertEquals(List.of("CAP LS 302", "CAP REQ :server-time sasl", "AUTHENTICATE PLAIN"), sent);
        server("AUTHENTICATE +");
        assertEquals("alice\0alice\0s3cret", lastSentPayload());
        server(":irc.test 900 * *!alice@127.0.0.1 alice :You are now logged in as alice");
        server(":irc.test 903 * :SASL authentication successful");
        assertEquals(List.of("NICK alice", "CAP END"), sent.subList(sent.size() - 2, sent.size()),
                "the nick again, now that it is ours, then CAP END");
        assertEquals(List.of("--- logged in as alice (PLAIN)"), shown());
        assertEquals("alice", accounts.of("alice"));
        assertFalse(waiting);
    }

    @Test
    void aWrongPasswordSaysSoGoesOnAsAGuestAndExplainsTheNickOnce() throws Exception {
        tls = true;
        connect(new SaslLogin.Credentials("alice", "wrong", false), true);
        server(":irc.test CAP * LS :sasl=PLAIN");
        server(":irc.test 433 * alice :Nickname is registered to an account; log in (SASL or /login) or choose another");
        server(":irc.test CAP * ACK :sasl");
        server("AUTHENTICATE +");
        server(":irc.test 904 * :SASL authentication failed (try again in 2 s)");
        assertEquals("CAP END", sent.get(sent.size() - 1));
        assertEquals(List.of("!!! login as alice failed: SASL authentication failed (try again in 2 s); continuing as a guest",
                "!!! alice is a registered nick; start with --account alice or pick another with /nick"), shown());
        assertTrue(waiting, "registration waits for /nick instead of trying alice_");
    }

    @Test
    void plainIsNotSentOverPlainTcp() throws Exception {
        connect(new SaslLogin.Credentials("alice", "s3cret", false), true);
        server(":irc.test CAP * LS :sasl=PLAIN");
        server(":irc.test CAP * ACK :sasl");
        assertEquals(List.of("CAP LS 302", "CAP REQ sasl", "CAP END"), sent);
        assertTrue(shown().get(0).contains("connect with --tls to log in"), shown().toString());
    }

    @Test
    void aServerWithoutAccountsIsToldOnceAcrossReconnects() throws Exception {
        connect(new SaslLogin.Credentials("alice", "s3cret", false), true);
        server(":irc.test CAP * LS :multi-prefix");
        server(":irc.test 001 alice :Welcome");
        reconnect();
        server(":irc.test 421 * CAP :Unknown command"); // a server without CAP at all
        assertEquals(List.of("--- this server has no accounts; continuing as a guest"), shown());
    }

    @Test
    void aRegisteredNickWithoutAnAccountIsExplainedAndWithoutATerminalTheClientLeaves() throws Exception {
        connect(null, false);
        server(":irc.test CAP * LS :sasl=SCRAM-SHA-256");
        server(":irc.test 433 * alice :Nickname is registered to an account; log in (SASL or /login) or choose another");
        assertEquals(List.of("!!! alice is a registered nick; start with --account alice or pick another with /nick"), shown());
        assertTrue(gaveUp);
    }

    @Test
    void registerAnswersAreShownInWordsAndASuccessLogsInOnTheNextConnection() throws Exception {
        connect(null, true);
        server(":irc.test CAP * LS :sasl=SCRAM-SHA-256 draft/account-registration");
        server(":irc.test CAP * ACK :sasl draft/account-registration");
        session.registering(new SaslLogin.Credentials("alice", "s3cret", false));
        server(":irc.test FAIL REGISTER WEAK_PASSWORD alice :Password too short");
        server(":irc.test REGISTER SUCCESS alice :Account created");
        assertEquals(List.of("!!! the server does not accept that password (too weak); choose a longer one "
                + "(the server says: Password too short)",
                "--- the account alice is created (the server says: Account created); next time start with --account alice"),
                shown());
        sent.clear();
        reconnect();
        server(":irc.test CAP * LS :sasl=SCRAM-SHA-256");
        server(":irc.test CAP * ACK :sasl");
        assertEquals("AUTHENTICATE SCRAM-SHA-256", sent.get(sent.size() - 1));
    }

    @Test
    void loginAfterConnectingUsesSaslAgainAndAFailureIsShown() throws Exception {
        connect(null, true);
        server(":irc.test CAP * LS :sasl=SCRAM-SHA-256");
        server(":irc.test CAP * ACK :sasl");
        sent.clear();
        session.login(new SaslLogin.Credentials("alice", "s3cret", false));
        assertEquals(List.of("AUTHENTICATE SCRAM-SHA-256"), sent);
        server(":irc.test 907 alice :You have already authenticated");
        assertEquals(List.of("!!! login as alice failed: you are already logged in"), shown());
    }

    @Test
    void loggedInNicksCarryAMarkFromTagsJoinsAccountLinesAndWhois() throws Exception {
        connect(null, true);
        ClientState now = state.update(s -> s.withRegistered(true).withRoomJoined("#lobby"));
        server("@account=bob :bob!b@h PRIVMSG #lobby :hi");
        assertEquals("17:00 <bob\u2713> again", render(":bob!b@h PRIVMSG #lobby :again", now));
        server(":carol!c@h JOIN #lobby * :Carol");
        assertEquals("17:00 <carol> hi", render(":carol!c@h PRIVMSG #lobby :hi", now));
        server(":carol!c@h ACCOUNT carol");
        assertEquals("17:00 <carol\u2713> hi", render(":carol!c@h PRIVMSG #lobby :hi", now));
        server(":carol!c@h NICK caz");
        assertEquals("carol", accounts.of("caz"));
        server(":bob!b@h ACCOUNT *");
        assertEquals(null, accounts.of("bob"));
        server(":irc.test 330 alice dave dave :is logged in as");
        assertEquals("dave", accounts.of("dave"));
        assertEquals("17:00 --- dave is logged in as dave",
                render(":irc.test 330 alice dave dave :is logged in as", now));
        assertEquals("17:00 <eve\u2713> tagged", render("@account=eve :eve!e@h PRIVMSG #lobby :tagged", now));
        assertEquals("17:00 --- caz logged out", render(":caz!c@h ACCOUNT *", now));
    }

    private String render(String line, ClientState now) throws Exception {
        return renderer.render(IrcParser.parse(line), now, LocalTime.of(17, 0)).orElseThrow().text().toString();
    }

    private List<String> shown() {
        return screen.shown.stream().map(line -> line.substring(6)).toList(); // without "17:00 "
    }
}
