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
        assertEquals(List.of("[#lobby] <alice> hi [2Jthere", "[private to dave] <alice> psst", "[#lobby] * alice waves",
                "* alice is now known as alicia", "* alicia left #lobby (later)"), dave.lines());
    }

    @Test
    void colourAndFormattingCodesOfOthersAreTakenOutWithTheirDigits() {
        Peer dave = chat.plain("dave");
        Peer alice = chat.irc("alice");
        alice.send("JOIN #lobby");
        alice.lines();
        dave.lines();
        alice.send("PRIVMSG #lobby :\u000304red\u0003 \u00034,12on blue\u000f \u0002bold\u0002 \u001ditalic\u001d"
                + " \u000499AAff,000000hex\u0003 \u00035,x stays");
        assertEquals(List.of("[#lobby] <alice> red on blue bold italic hex ,x stays"), dave.lines());
    }

    @Test
    void myOwnLinesComeBackWithTheRoomTheyWentTo() {
        Peer dave = chat.plain("dave");
        dave.send("/join #dev");
        dave.lines();
        assertEquals(List.of("[#dev] <dave> hello dev"), dave.ask("hello dev"));
        assertEquals(List.of("[#dev] * dave waves"), dave.ask("/me waves"));
        assertEquals(List.of("[#lobby] <dave> to the lobby"), dave.ask("/msg #lobby to the lobby"));
        assertEquals(List.of("*** You are talking in #lobby now."), dave.ask("/go #lobby"));
        assertEquals(List.of("[#lobby] <dave> back here"), dave.ask("back here"));
        assertEquals(List.of("*** You are not in #nowhere; /join #nowhere first."), dave.ask("/go #nowhere"));
    }

    @Test
    void partingTheCurrentRoomSaysWhichRoomIsCurrentNow() {
        Peer dave = chat.plain("dave");
        dave.send("/join #dev");
        dave.lines();
        assertEquals(List.of("* dave left #dev", "*** You are talking in #lobby now."), dave.ask("/part"));
        assertEquals(List.of("* dave left #lobby", "*** You are not in a room now; /join #room to talk."),
                dave.ask("/part #lobby"));
    }

    @Test
    void namesOfAnotherRoomAndAShortHelp() {
        Peer dave = chat.plain("dave");
        Peer alice = chat.irc("alice");
        alice.send("JOIN #dev");
        alice.lines();
        assertEquals(List.of("*** Users in #dev: @alice"), dave.ask("/names #dev"));
        List<String> help = String.join("\n", dave.ask("/help")).lines().toList();
        assertTrue(help.size() <= 10, help::toString);
        assertTrue(String.join("\n", help).contains("/me"), help::toString);
        assertTrue(String.join("\n", dave.ask("/help all")).contains("/topic"));
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
