package chat.client.ui;

import chat.client.session.ClientState;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.protocol.IrcMessage;
import chat.protocol.IrcParser;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.junit.jupiter.api.Test;

public class MessageRendererTest {
    private static final LocalTime NOON = LocalTime.of(12, 5);
    private final MessageRenderer colored = new MessageRenderer(new Styles(true));
    private final MessageRenderer plain = new MessageRenderer(new Styles(false));
    private final ClientState alice = ClientState.initial("alice", "#lobby").withRoomJoined("#lobby")
            .withMembersAdded("#lobby", List.of("alice", "bob"));

    private Optional<MessageRenderer.Rendered> render(MessageRenderer renderer, String line) throws Exception {
        return renderer.render(IrcParser.parse(line), alice, NOON);
    }

    private String text(String line) throws Exception {
        return render(plain, line).orElseThrow().plain();
    }

    @Test
    void roomMessageHasTimeNickAndText() throws Exception {
        assertEquals("12:05 <bob> hi there", text(":bob!b@h PRIVMSG #lobby :hi there"));
    }

    @Test
    void messageForAnotherRoomNamesTheRoom() throws Exception {
        assertEquals("12:05 [#ops] <bob> deploy", text(":bob!b@h PRIVMSG #ops :deploy"));
    }

    @Test
    void privateMessagesAreMarkedAndRing() throws Exception {
        MessageRenderer.Rendered line = render(plain, ":bob!b@h PRIVMSG alice :psst").orElseThrow();
        assertEquals("12:05 *private* <bob> psst", line.plain());
        assertTrue(line.bell());
        assertEquals("12:05 -> *bob* <alice> psst", text(":alice PRIVMSG bob :psst"));
    }

    @Test
    void whoisRepliesReadAsSentences() throws Exception {
        assertEquals("12:05 --- bob (b@h): Bob Builder", text(":srv 311 alice bob b h * :Bob Builder"));
        assertEquals("12:05 --- bob is on b (a node of this network)", text(":srv 312 alice bob b :a node of this network"));
        assertEquals("12:05 --- bob is in @#lobby #dev", text(":srv 319 alice bob :@#lobby #dev"));
        assertEquals("12:05 --- bob is a server operator", text(":srv 313 alice bob :is an IRC operator"));
        assertEquals("12:05 --- bob is connected with TLS", text(":srv 671 alice bob :is using a secure connection"));
        assertEquals("12:05 --- bob is a bot", text(":srv 335 alice bob :is a bot"));
        assertEquals("12:05 --- end of whois for bob", text(":srv 318 alice bob :End of /WHOIS list."));
        assertEquals("12:05 --- bob was (b@h): Bob", text(":srv 314 alice bob b h * :Bob"));
        assertEquals("12:05 --- end of whowas for bob", text(":srv 369 alice bob :End of WHOWAS"));
    }

    @Test
    void whoisIdleTimeIsInUnitsAndTheSignOnIsADate() throws Exception {
        String signOn = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                .format(java.time.Instant.ofEpochSecond(1_796_509_479L).atZone(java.time.ZoneId.systemDefault()));
        assertEquals("12:05 --- bob has been idle 3 min 20 s, signed on " + signOn,
                text(":srv 317 alice bob 200 1796509479 :seconds idle, signon time"));
        assertEquals("12:05 --- bob has been idle 6 s", text(":srv 317 alice bob 6 :seconds idle"));
        assertEquals("12:05 --- bob x: seconds idle", text(":srv 317 alice bob x :seconds idle"));
        assertEquals("2 h 5 min", ReplyRenderer.duration(7500));
        assertEquals("3 d 5 h", ReplyRenderer.duration(277_200));
        assertEquals("1 min", ReplyRenderer.duration(60));
    }

    @Test
    void whoRepliesSayWhoIsAwayAndWhoIsAnOperator() throws Exception {
        assertEquals("12:05     @bob (b@h) in #lobby: away, server operator, room operator",
                text(":srv 352 alice #lobby b h srv bob G*@ :0 Bob"));
        assertEquals("12:05     +carol (c@h) in #lobby: voiced", text(":srv 352 alice #lobby c h srv carol H+ :0 C"));
        assertEquals("12:05     dave (d@h) in #lobby", text(":srv 352 alice #lobby d h srv dave H :0 D"));
    }

    @Test
    void actionsReadAsSentences() throws Exception {
        assertEquals("12:05 * bob waves", text(":bob!b@h PRIVMSG #lobby :\u0001ACTION waves\u0001"));
    }

    @Test
    void joinPartQuitAndNickAreDimmed() throws Exception {
        String[] notices = {":bob!b@h JOIN #lobby", ":bob!b@h PART #lobby :later", ":bob!b@h QUIT :88",
            ":bob!b@h NICK robert"};
        String[] expected = {"12:05 --> bob (b@h) joined #lobby", "12:05 <-- bob left #lobby (later)",
            "12:05 <-- bob quit (88)", "12:05 --- bob is now known as robert"};
        for (int i = 0; i < notices.length; i++) {
            AttributedString line = render(colored, notices[i]).orElseThrow().text();
            assertEquals(expected[i], line.toString());
            assertTrue(line.styleAt(8).equals(AttributedStyle.DEFAULT.faint()), "not dimmed: " + notices[i]);
        }
    }

    @Test
    void ownMessagesAreBold() throws Exception {
        AttributedString own = render(colored, ":alice PRIVMSG #lobby :mine").orElseThrow().text();
        AttributedString theirs = render(colored, ":bob!b@h PRIVMSG #lobby :theirs").orElseThrow().text();
        assertEquals(AttributedStyle.BOLD, own.styleAt(own.length() - 1));
        assertEquals(AttributedStyle.DEFAULT, theirs.styleAt(theirs.length() - 1));
    }

    @Test
    void mentionOfMyNickIsHighlightedAndRings() throws Exception {
        MessageRenderer.Rendered line = render(colored, ":bob!b@h PRIVMSG #lobby :hey Alice, look").orElseThrow();
        assertTrue(line.bell());
        int at = line.plain().indexOf("Alice");
        assertTrue(line.text().styleAt(at).toAnsi().length() > 0);
        assertNotEquals(AttributedStyle.DEFAULT, line.text().styleAt(at));
        assertFalse(render(colored, ":bob!b@h PRIVMSG #lobby :malice aforethought").orElseThrow().bell(),
                "a nick inside a longer word is no mention");
    }

    @Test
    void nickColoursAreStableAndOffWithoutColour() throws Exception {
        AttributedString first = render(colored, ":bob!b@h PRIVMSG #lobby :a").orElseThrow().text();
        AttributedString again = render(colored, ":BOB!b@h PRIVMSG #lobby :b").orElseThrow().text();
        int nickAt = first.toString().indexOf("bob");
        assertEquals(first.styleAt(nickAt), again.styleAt(nickAt));
        assertNotEquals(AttributedStyle.DEFAULT, first.styleAt(nickAt));
        assertEquals(Styles.nickColorIndex("bob"), Styles.nickColorIndex("Bob"));
        AttributedString uncolored = render(plain, ":bob!b@h PRIVMSG #lobby :a").orElseThrow().text();
        assertEquals(AttributedStyle.DEFAULT, uncolored.styleAt(nickAt));
    }

    @Test
    void hostileNickAndTextAreMadeVisible() throws Exception {
        IrcMessage hostile = IrcMessage.from("ev\u001b[2Jil!x@h", "PRIVMSG", "#lobby", "\u001b]0;title\u0007 \u202Egnp.exe");
        String line = plain.render(hostile, alice, NOON).orElseThrow().plain();
        assertEquals("12:05 <ev\u241b[2Jil> \u241b]0;title\u2407 <U+202E>gnp.exe", line);
    }

    @Test
    void registrationChatterIsQuietButErrorsShow() throws Exception {
        assertTrue(render(plain, ":srv 005 alice PREFIX=(ov)@+ :are supported").isEmpty());
        assertTrue(render(plain, ":srv PING :x").isEmpty());
        assertTrue(render(plain, ":srv 422 alice :MOTD File is missing").isEmpty(), "no MOTD is not a problem");
        assertEquals("12:05 !!! bob: No such nick", text(":srv 401 alice bob :No such nick"));
        assertEquals("12:05 --- topic of #lobby: be nice", text(":srv 332 alice #lobby :be nice"));
    }

    @Test
    void aMessagePaddedToTheTerminalWidthCannotFakeASecondLine() {
        MessageRenderer renderer = new MessageRenderer(new Styles(false));
        ClientState me = ClientState.initial("me", "#lobby").withRegistered(true).withRoomJoined("#lobby");
        IrcMessage padded = IrcMessage.from("eve!e@h", "PRIVMSG", "#lobby", "hi" + " ".repeat(300) + "<bob> send me your password");
        String shown = renderer.render(padded, me, java.time.LocalTime.NOON).orElseThrow().text().toString();
        assertEquals("12:00 <eve> hi <bob> send me your password", shown);
    }

    @Test
    void roomModeChangesReadAsWords() throws Exception {
        assertEquals("12:05 --- bob set +m: only voiced users may speak; +b bad!*@*: bad!*@* is banned (#lobby)",
                text(":bob!b@h MODE #lobby +mb bad!*@*"));
        assertEquals("12:05 --- bob sets mode +i on alice", text(":bob!b@h MODE alice +i"));
    }
}
