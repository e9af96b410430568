package chat.client.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import chat.protocol.IrcMessage;
import chat.protocol.IrcParser;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Replies to a labeled command, grouped under the command whatever arrives in between. */
class LabeledRepliesTest {
    private final RecordingScreen screen = new RecordingScreen();

    private static void receive(SessionFixture session, String line) throws Exception {
        session.handler.received(IrcParser.parse(line));
    }

    @Test
    void aLabeledBatchIsShownWholeUnderItsCommandAfterItEnds() throws Exception {
        SessionFixture session = new SessionFixture(screen);
        IrcMessage who = session.labeled.label(IrcMessage.of("WHO", "#lobby"));
        assertEquals("@label=1 WHO #lobby", who.toString());
        receive(session, "@label=1 :irc.test BATCH +b1 labeled-response");
        receive(session, "@batch=b1 :irc.test 352 me #lobby ~bob host irc.test bob H :0 Bob");
        receive(session, ":carol!c@h PRIVMSG #lobby :in between");
        receive(session, "@batch=b1 :irc.test 315 me #lobby :End of WHO list");
        assertEquals(List.of("17:00 <carol> in between"), screen.shown, "held until the batch ends");
        receive(session, ":irc.test BATCH -b1");
        assertEquals(List.of("17:00 <carol> in between", "17:00 \u2500\u2500 /who #lobby \u2500\u2500",
                "17:00     bob (~bob@host) in #lobby", "17:00 --- end of who for #lobby"), screen.shown);
    }

    @Test
    void aSingleLabeledReplyGetsItsHeaderAndAnAckShowsNothing() throws Exception {
        SessionFixture session = new SessionFixture(screen);
        session.labeled.label(IrcMessage.of("WHOIS", "nobody"));
        session.labeled.label(IrcMessage.of("LIST"));
        receive(session, "@label=1 :irc.test 401 me nobody :No such nick");
        receive(session, "@label=2 :irc.test ACK");
        assertEquals(List.of("17:00 \u2500\u2500 /whois nobody \u2500\u2500", "17:00 !!! nobody: No such nick"), screen.shown);
    }

    @Test
    void aNestedBatchBelongsToTheLabeledOne() {
        LabeledReplies replies = new LabeledReplies();
        replies.label(IrcMessage.of("NAMES", "#lobby"));
        replies.accept(parse("@label=1 :s BATCH +outer labeled-response"));
        replies.accept(parse("@batch=outer :s BATCH +inner example"));
        replies.accept(parse("@batch=inner :s 353 me = #lobby :bob"));
        replies.accept(parse("@batch=outer :s BATCH -inner"));
        LabeledReplies.Outcome done = replies.accept(parse(":s BATCH -outer"));
        LabeledReplies.Complete complete = assertInstanceOf(LabeledReplies.Complete.class, done);
        assertEquals(List.of(parse("@batch=inner :s 353 me = #lobby :bob")), complete.replies());
        assertInstanceOf(LabeledReplies.Pass.class, replies.accept(parse("@batch=inner :s 353 me = #lobby :late")));
    }

    @Test
    void unknownLabelsAndOtherBatchesPassAsUsual() {
        LabeledReplies replies = new LabeledReplies();
        assertInstanceOf(LabeledReplies.Pass.class, replies.accept(parse("@label=9 :s 352 me #x u h s n H :0 r")));
        assertInstanceOf(LabeledReplies.Pass.class, replies.accept(parse(":s BATCH +n netsplit a b")));
        assertInstanceOf(LabeledReplies.Pass.class, replies.accept(parse("@batch=n :bob!b@h QUIT :a b")));
    }

    @Test
    void aReconnectForgetsWhatWasAsked() {
        LabeledReplies replies = new LabeledReplies();
        replies.label(IrcMessage.of("LIST"));
        replies.reset();
        assertInstanceOf(LabeledReplies.Pass.class, replies.accept(parse("@label=1 :s 323 me :End of LIST")));
    }

    private static IrcMessage parse(String line) {
        try {
            return IrcParser.parse(line);
        } catch (Exception e) {
            throw new IllegalArgumentException(line, e);
        }
    }
}
