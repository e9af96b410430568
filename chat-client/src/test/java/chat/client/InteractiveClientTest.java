package chat.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Whole clients (console thread, network thread, JLine dumb terminal) against the fake IRC server. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
public class InteractiveClientTest {
    @TempDir
    Path home;

    private FakeIrcServer server;

    @BeforeEach
    void startServer() throws Exception {
        server = FakeIrcServer.start();
    }

    @AfterEach
    void stopServer() throws Exception {
        server.close();
    }

    private TerminalSession client(String nick) throws Exception {
        TerminalSession session = new TerminalSession(TerminalSession.config(server.port(), nick, "#lobby", home));
        server.await(nick + ": JOIN #lobby");
        session.awaitScreen("in #lobby:");
        return session;
    }

    @Test
    void twoClientsTalkInARoomAndOneToOne() throws Exception {
        try (TerminalSession alice = client("alice"); TerminalSession bob = client("bob")) {
            alice.awaitScreen("bob (bob@127.0.0.1) joined #lobby");
            alice.type("hello everyone\n");
            server.await("alice: PRIVMSG #lobby :hello everyone");
            bob.awaitScreen("<alice> hello everyone");
            alice.awaitScreen("<alice> hello everyone"); // own line shown locally

            bob.type("/msg alice psst\n");
            server.await("bob: PRIVMSG alice psst");
            bob.awaitScreen("-> *alice* <bob> psst"); // in bob's #lobby window too: what he just typed
            bob.type("and to the lobby\n");
            alice.awaitScreen("<bob> and to the lobby"); // the private line came before it, unseen here
            assertFalse(alice.screen().contains("psst"), alice::screen);
            alice.type("/win 2\n"); // the private message opened window 2 without scrolling past #lobby
            alice.awaitScreen("*private* <bob> psst");
        }
    }

    @Test
    void eightyEightSendsQuitExitsZeroAndTheOthersSeeIt() throws Exception {
        try (TerminalSession alice = client("alice"); TerminalSession bob = client("bob")) {
            bob.type("88\n");
            server.await("bob: QUIT leaving");
            assertEquals(0, bob.exitCode());
            alice.awaitScreen("<-- bob quit (leaving)");
        }
    }

    @Test
    void halfTypedLineSurvivesAnIncomingMessageAndIsSentWhole() throws Exception {
        try (TerminalSession alice = client("alice"); TerminalSession bob = client("bob")) {
            alice.type("half typ");
            alice.awaitKeysRead();
            bob.type("interrupting\n");
            int shown = alice.awaitScreen("<bob> interrupting");
            // printAbove redraws the prompt and the half-typed text below the new message.
            alice.awaitScreen("#lobby> half typ", shown);
            alice.type("ed line\n");
            server.await("alice: PRIVMSG #lobby :half typed line");
        }
    }

    @Test
    void bangsAndBackslashesAreSentExactlyAsTyped() throws Exception {
        try (TerminalSession alice = client("alice")) {
            alice.type("hi!! \\o/ it's \"quoted\" !$ ^x\n");
            server.await("alice: PRIVMSG #lobby :hi!! \\o/ it's \"quoted\" !$ ^x");
        }
    }

    @Test
    void ctrlDLeavesCleanly() throws Exception {
        try (TerminalSession alice = client("alice")) {
            alice.endInput();
            server.await(line -> line.startsWith("alice: QUIT"), Duration.ofSeconds(10));
            assertEquals(0, alice.exitCode());
        }
    }

    @Test
    void takenNickFallsBackToUnderscores() throws Exception {
        server.takeNicks("carol");
        try (TerminalSession carol = new TerminalSession(TerminalSession.config(server.port(), "carol", "#lobby", home))) {
            server.await("*: NICK carol_");
            carol.awaitScreen("the nickname carol is taken; trying carol_");
            server.await("carol_: JOIN #lobby");
            carol.type("here\n");
            server.await("carol_: PRIVMSG #lobby here");
        }
    }

    @Test
    void everyFallbackTakenExitsWithOne() throws Exception {
        server.takeNicks("dave", "dave_", "dave__");
        try (TerminalSession dave = new TerminalSession(TerminalSession.config(server.port(), "dave", "#lobby", home))) {
            assertEquals(1, dave.exitCode());
            assertTrue(dave.screen().contains("are all taken"), dave.screen());
        }
    }

    @Test
    void reconnectsAfterTheServerRestartsAndRejoinsItsRooms() throws Exception {
        int port = server.port();
        try (TerminalSession alice = client("alice")) {
            alice.type("/join #side\n");
            server.await("alice: JOIN #side");
            alice.awaitScreen("in #side:");
            alice.type("/nick alicia\n");
            alice.awaitScreen("you are now known as alicia");
            server.close();
            int lost = alice.awaitScreen("connection lost");
            server = FakeIrcServer.restartOn(port);
            server.await("*: NICK alicia");
            server.await("alicia: JOIN #lobby");
            server.await("alicia: JOIN #side");
            alice.awaitScreen("in #side:", lost);
            alice.type("back again\n");
            server.await("alicia: PRIVMSG #side :back again");
        }
    }

    @Test
    void eightyEightWhileWaitingToReconnectLeaves() throws Exception {
        TerminalSession alice = client("alice");
        server.close();
        alice.awaitScreen("connection lost");
        alice.type("88\n");
        assertEquals(0, alice.exitCode());
        alice.close();
    }

    @Test
    void serverPingIsAnsweredWithTheSameToken() throws Exception {
        try (TerminalSession alice = client("alice")) {
            server.sendToRoom("#lobby", ":fake.test PING :token-4711");
            server.await("alice: PONG token-4711");
        }
    }

    @Test
    void hostileTextCannotReachTheTerminal() throws Exception {
        try (TerminalSession alice = client("alice")) {
            server.sendToRoom("#lobby", ":evil!e@h PRIVMSG #lobby :\u001b]0;owned\u0007\u001b[2J\u202Eabc\u009b31m");
            alice.awaitScreen("<evil>");
            alice.awaitScreen("abc");
            String screen = alice.screen();
            assertFalse(screen.contains("\u001b]0;owned"), "an OSC title sequence reached the terminal");
            assertFalse(screen.contains("\u001b[2J"), "a clear-screen sequence reached the terminal");
            assertFalse(screen.contains("\u202E"), "a bidi override reached the terminal");
            assertFalse(screen.contains("\u009b"), "a C1 CSI reached the terminal");
            assertTrue(screen.contains("\u241b]0;owned\u2407\u241b[2J<U+202E>abc<U+009B>31m"), screen);
        }
    }

    @Test
    void unreadableLinesFromTheServerAreSkippedWithANote() throws Exception {
        try (TerminalSession alice = client("alice")) {
            byte[] latin1 = ":bob!b@h PRIVMSG #lobby :caf\u00e9\r\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            server.sendBytesToRoom("#lobby", latin1);
            alice.awaitScreen("skipped a line that is not valid UTF-8 from the server");
            server.sendToRoom("#lobby", ":bob!b@h PRIVMSG #lobby :still readable");
            alice.awaitScreen("<bob> still readable");
        }
    }

    @Test
    void privateMessagesWaitInTheirWindowUntilAltTwoShowsIt() throws Exception {
        try (TerminalSession alice = client("alice"); TerminalSession bob = client("bob")) {
            bob.type("/msg alice one\n");
            bob.type("/msg alice two\n");
            server.await("bob: PRIVMSG alice two");
            bob.type("/msg alice three\n");
            bob.type("in the lobby after three\n");
            alice.awaitScreen("<bob> in the lobby after three"); // so "three" reached alice before it
            alice.type("typed half");
            alice.type("\u001b2"); // Alt-2
            alice.awaitScreen("bob> typed half");
            String shown = alice.screen();
            int one = shown.lastIndexOf("*private* <bob> one");
            assertTrue(one >= 0 && one < shown.lastIndexOf("*private* <bob> three"), shown);
            alice.type(" goes to bob\n"); // the half-typed line survived the switch and goes where it is now
            server.await("alice: PRIVMSG bob :typed half goes to bob");
        }
    }
}
