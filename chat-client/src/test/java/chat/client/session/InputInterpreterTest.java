package chat.client.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.client.session.ClientAction.Inform;
import chat.client.session.ClientAction.Leave;
import chat.client.session.ClientAction.Send;
import chat.client.session.ClientAction.SwitchTarget;
import chat.protocol.IrcEncoder;
import chat.protocol.IrcMessage;
import chat.protocol.ProtocolLimits;
import java.util.List;
import org.junit.jupiter.api.Test;

public class InputInterpreterTest {
    private final ClientState inLobby = ClientState.initial("alice", "#lobby").withRoomJoined("#lobby");

    private List<ClientAction> interpret(String line) {
        return InputInterpreter.interpret(line, inLobby);
    }

    private static Send send(String command, String... params) {
        return new Send(IrcMessage.of(command, params));
    }

    @Test
    void plainTextGoesToTheCurrentTarget() {
        assertEquals(List.of(send("PRIVMSG", "#lobby", "hello there")), interpret("hello there"));
        assertEquals(List.of(send("PRIVMSG", "bob", "hi")),
                InputInterpreter.interpret("hi", inLobby.withTarget("bob")));
    }

    @Test
    void historyAsksForFiftyEarlierLinesOrAsManyAsGiven() {
        assertEquals(List.of(new ClientAction.FetchOlder(50)), interpret("/history"));
        assertEquals(List.of(new ClientAction.FetchOlder(200)), interpret("/history 200"));
        assertInstanceOf(Inform.class, interpret("/history lots").get(0));
        assertInstanceOf(Inform.class, interpret("/history 0").get(0));
    }

    @Test
    void eightyEightAloneLeavesWithAReasonThatReadsWell() {
        assertEquals(List.of(send("QUIT", "leaving"), new Leave()), interpret("88"));
        assertEquals(List.of(send("QUIT", "leaving"), new Leave()), interpret("  88 "));
        assertEquals(List.of(send("PRIVMSG", "#lobby", "88 is my number")), interpret("88 is my number"));
    }

    @Test
    void windowCommands() {
        assertEquals(List.of(new ClientAction.ShowWindow(3)), interpret("/win 3"));
        assertEquals(List.of(new ClientAction.ShowWindow(2)), interpret("/go 2"));
        assertEquals(List.of(new ClientAction.CloseWindow()), interpret("/close"));
        assertEquals(List.of(new ClientAction.ClearWindow()), interpret("/clear"));
        assertInstanceOf(Inform.class, interpret("/win two").get(0));
        assertInstanceOf(Inform.class, interpret("/go #notin").get(0), "not a room I am in: no dead window");
        assertEquals(List.of(new SwitchTarget("#lobby")), interpret("/join #lobby"), "joined already: just shown");
    }

    @Test
    void noticeQuoteAndIgnore() {
        assertEquals(List.of(send("NOTICE", "bob", "the build is green")), interpret("/notice bob the build is green"));
        assertEquals(List.of(send("MODE", "alice", "+i")), interpret("/quote MODE alice +i"));
        assertEquals(List.of(send("PRIVMSG", "#x", "a b")), interpret("/quote PRIVMSG #x :a b"));
        assertEquals(List.of(new ClientAction.Ignore("bob", true)), interpret("/ignore bob"));
        assertEquals(List.of(new ClientAction.Ignore(null, true)), interpret("/ignore"));
        assertEquals(List.of(new ClientAction.Ignore("bob", false)), interpret("/unignore bob"));
        assertInstanceOf(Inform.class, interpret("/ignore two words").get(0));
        assertInstanceOf(Inform.class, interpret("/quote").get(0));
    }

    @Test
    void commandsBecomeProtocolMessages() {
        assertEquals(List.of(send("JOIN", "#rust")), interpret("/join #rust"), "the window follows the server's JOIN");
        assertEquals(List.of(send("JOIN", "#rust")), interpret("/join rust"));
        assertEquals(List.of(send("PART", "#lobby")), interpret("/part"));
        assertEquals(List.of(send("PART", "#x", "bye all")), interpret("/part #x bye all"));
        assertEquals(List.of(send("PRIVMSG", "bob", "are you there?")), interpret("/msg bob are you there?"));
        assertEquals(List.of(new SwitchTarget("bob")), interpret("/query bob"));
        assertEquals(List.of(new SwitchTarget("bob"), send("PRIVMSG", "bob", "hi")), interpret("/query bob hi"));
        assertEquals(List.of(new SwitchTarget("#ops")),
                InputInterpreter.interpret("/go #ops", inLobby.withRoomJoined("#ops")));
        assertEquals(List.of(send("PRIVMSG", "#lobby", "\u0001ACTION waves\u0001")), interpret("/me waves"));
        assertEquals(List.of(send("NICK", "alice2")), interpret("/nick alice2"));
        assertEquals(List.of(send("WHO", "#lobby")), interpret("/who"));
        assertEquals(List.of(send("WHO", "#x")), interpret("/who #x"));
        assertEquals(List.of(send("LIST")), interpret("/list"));
        assertEquals(List.of(send("TOPIC", "#lobby")), interpret("/topic"));
        assertEquals(List.of(send("TOPIC", "#lobby", "new topic")), interpret("/topic new topic"));
        assertEquals(List.of(send("AWAY", "lunch")), interpret("/away lunch"));
        assertEquals(List.of(send("AWAY")), interpret("/away"));
        assertEquals(List.of(send("QUIT", "gone fishing"), new Leave()), interpret("/quit gone fishing"));
        assertEquals(List.of(send("QUIT", "leaving"), new Leave()), interpret("/QUIT"));
    }

    @Test
    void helpAndMistakesAnswerLocallyWithoutSending() {
        assertTrue(((Inform) interpret("/help").get(0)).text().contains("/query nick"));
        for (String wrong : new String[] {"/frobnicate", "/msg bob", "/join", "/nick 9bad", "/go", "/me", "/query"}) {
            List<ClientAction> actions = interpret(wrong);
            assertEquals(1, actions.size(), wrong);
            assertInstanceOf(Inform.class, actions.get(0), wrong);
        }
        assertTrue(((Inform) interpret("/frobnicate x").get(0)).text().contains("unknown command /frobnicate"));
    }

    @Test
    void doubleSlashSendsALiteralSlashLine() {
        assertEquals(List.of(send("PRIVMSG", "#lobby", "/join is how you join")), interpret("//join is how you join"));
    }

    @Test
    void textWithoutATargetGetsAHint() {
        ClientState nowhere = ClientState.initial("alice", null);
        assertInstanceOf(Inform.class, InputInterpreter.interpret("hello", nowhere).get(0));
    }

    @Test
    void blankLinesSendNothing() {
        assertEquals(List.of(), interpret("   "));
    }

    @Test
    void longInputIsSplitIntoMessagesThatFitEvenWhenRelayed() {
        String word = "wörd€ ";
        String text = word.repeat(300).strip();
        List<ClientAction> actions = interpret(text);
        assertTrue(actions.size() > 3, "expected several pieces, got " + actions.size());
        StringBuilder rejoined = new StringBuilder();
        String relayPrefix = ":alice!~alice@" + "h".repeat(63) + " ";
        for (ClientAction action : actions) {
            IrcMessage message = ((Send) action).message();
            byte[] relayed = (relayPrefix + IrcEncoder.format(message) + "\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(relayed.length <= ProtocolLimits.MAX_LINE_BYTES, "relayed line has " + relayed.length + " bytes");
            String piece = message.lastParam();
            assertTrue(piece.endsWith("€"), "a piece should end on a word boundary: ..." + piece.substring(piece.length() - 8));
            rejoined.append(rejoined.length() == 0 ? "" : " ").append(piece);
        }
        assertEquals(text, rejoined.toString());
    }

    @Test
    void longActionKeepsItsCtcpFramingInEveryPiece() {
        List<ClientAction> actions = interpret("/me " + "x".repeat(1200));
        assertTrue(actions.size() >= 3);
        for (ClientAction action : actions) {
            String text = ((Send) action).message().lastParam();
            assertTrue(text.startsWith("\u0001ACTION ") && text.endsWith("\u0001"), text);
        }
    }

    @Test
    void moderationCommandsWorkOnTheCurrentRoom() {
        assertEquals(List.of(send("MODE", "#lobby", "+m")), interpret("/mode +m"));
        assertEquals(List.of(send("MODE", "#lobby")), interpret("/mode"));
        assertEquals(List.of(send("MODE", "#other", "+i")), interpret("/mode #other +i"));
        assertEquals(List.of(send("MODE", "#lobby", "+o", "bob")), interpret("/op bob"));
        assertEquals(List.of(send("MODE", "#lobby", "-v", "bob")), interpret("/devoice bob"));
        assertEquals(List.of(send("MODE", "#lobby", "+b", "*!*@10.0.0.*")), interpret("/ban *!*@10.0.0.*"));
        assertEquals(List.of(send("MODE", "#lobby", "-b", "bob")), interpret("/unban bob"));
        assertEquals(List.of(send("MODE", "#lobby", "+k", "sesame")), interpret("/key sesame"));
        assertEquals(List.of(send("MODE", "#lobby", "-k", "*")), interpret("/key"));
        assertEquals(List.of(send("KICK", "#lobby", "bob", "too loud")), interpret("/kick bob too loud"));
        assertEquals(List.of(send("INVITE", "bob", "#lobby")), interpret("/invite bob"));
        assertEquals(List.of(send("INVITE", "bob", "#den")), interpret("/invite bob #den"));
        assertInstanceOf(Inform.class, InputInterpreter.interpret("/op bob", inLobby.withTarget("carol")).get(0),
                "in a private conversation there is no room to act on");
    }
}
