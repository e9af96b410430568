package chat.server.plain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.server.harness.ChatHarness;
import chat.server.harness.ChatHarness.Peer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The plain-text view without a socket: what a person at nc sees for what others do. */
@Timeout(10)
class PlainTextSessionTest {
    private final ChatHarness chat = new ChatHarness(ChatHarness.testConfig().build());

    @Test
    void aBadNickIsAskedAgainThenTheUserIsInTheDefaultRoom() {
        Peer dave = chat.connect();
        dave.lines();
        assertEquals(List.of("*** Sorry, a nickname starts with a letter or one of []\\`_^{|}. Type another nickname:"),
                dave.ask("9lives"));
        assertEquals(List.of("*** Welcome, dave! Type a line to talk, /help for commands, 88 to leave.",
                "* dave joined #lobby", "*** Users in #lobby: @dave", "*** You are talking in #lobby now."),
                dave.ask("dave"));
    }

    @Test
    void othersLinesAreRenderedAsTextWithoutControlCharacters() {
        Peer dave = chat.plain("dave");
        Peer alice = chat.irc("alice");
        alice.send("JOIN #lobby");
        alice.lines();
        assertEquals(List.of("* alice joined #lobby"), dave.lines());
        alice.send("PRIVMSG #lobby :hi \u001b[2Jthere", "PRIVMSG dave :psst", "PRIVMSG #lobby :\u0001ACTION waves\u0001",
                "PRIVMSG #lobby :\u0001VERSION\u0001", "NICK alicia", "PART #lobby :later");
        assertEquals(List.of("[#lobby] <alice> hi [2Jthere", "[private] <alice> psst", "[#lobby] * alice waves",
                "* alice is now known as alicia", "* alicia left #lobby (later)"), dave.lines());
    }

    @Test
    void typedLinesGoToTheCurrentRoomAndCommandsWork() {
        Peer dave = chat.plain("dave");
        Peer alice = chat.irc("alice");
        alice.send("JOIN #lobby", "JOIN #dev");
        alice.lines();
        dave.send("/join #dev");
        dave.lines();
        dave.send("hello dev", "//slash stays");
        assertEquals(List.of(":dave!plain@127.0.0.1 PRIVMSG #dev :hello dev",
                ":dave!plain@127.0.0.1 PRIVMSG #dev :/slash stays"), alice.lines().subList(1, 3));
        assertEquals(List.of("*** Usage: /msg nick text"), dave.ask("/msg alice"));
        assertTrue(dave.ask("/frob").get(0).startsWith("*** Unknown command /frob"));
    }

    @Test
    void eightyEightLeavesWithReason88() {
        Peer dave = chat.plain("dave");
        Peer alice = chat.irc("alice");
        alice.send("JOIN #lobby");
        alice.lines();
        assertEquals(List.of("*** Goodbye!"), dave.ask("88"));
        assertTrue(dave.isClosed());
        assertEquals(List.of(":dave!plain@127.0.0.1 QUIT :Quit: 88"), alice.lines());
    }

    @Test
    void aLinePaddedToTheTerminalWidthShowsItsSpacesCollapsed() {
        Peer dave = chat.plain("dave");
        Peer eve = chat.irc("eve");
        eve.send("JOIN #lobby");
        dave.lines();
        eve.send("PRIVMSG #lobby :hi" + " ".repeat(300) + "[#lobby] <bob> trust eve");
        assertEquals(List.of("[#lobby] <eve> hi [#lobby] <bob> trust eve"), dave.lines());
    }

    @Test
    void invisibleCharactersNeverReachAPlainTextUser() {
        Peer dave = chat.plain("dave");
        Peer eve = chat.irc("eve");
        eve.send("JOIN #lobby");
        dave.lines();
        eve.send("PRIVMSG #lobby :pay\u200bpal\u2028[#lobby] <bob> ok\ufeff");
        assertEquals(List.of("[#lobby] <eve> paypal[#lobby] <bob> ok"), dave.lines());
    }
}
