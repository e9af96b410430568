package chat.client.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import chat.protocol.IrcMessage;
import chat.protocol.IrcParser;
import java.util.List;
import org.junit.jupiter.api.Test;

/** My own lines: shown as sent without echo-message; pending, confirmed or not delivered with it. */
class OwnMessagesTest {
    private final RecordingScreen screen = new RecordingScreen();

    private static IrcMessage privmsg(String target, String text) {
        return IrcMessage.of("PRIVMSG", target, text);
    }

    private static IrcMessage line(String text) throws Exception {
        return IrcParser.parse(text);
    }

    @Test
    void withoutEchoMessageALineIsShownAsItIsWrittenAndNeverPending() throws Exception {
        SessionFixture session = new SessionFixture(screen);
        Runnable written = session.own.queued(privmsg("#lobby", "hello"));
        assertEquals(List.of(), screen.status);
        assertEquals(List.of(), screen.shown);
        written.run();
        assertEquals(List.of("17:00 <me> hello"), screen.shown);
        assertEquals(List.of(), session.delivery.waiting());
    }

    @Test
    void withoutEchoMessageALineToNoSuchNickIsMarkedFailedWhenThe401Comes() throws Exception {
        SessionFixture session = new SessionFixture(screen);
        session.own.queued(privmsg("nosuchnick", "hi")).run();
        session.own.queued(privmsg("#lobby", "fine")).run();
        session.handler.received(line(":server 401 me nosuchnick :No such nick/channel"));
        assertEquals(List.of("17:00 -> *nosuchnick* <me> hi", "17:00 <me> fine",
                "17:00 \u2717 not delivered (No such nick/channel): hi"), screen.shown);
        session.handler.received(line(":server 401 me nosuchnick :No such nick/channel"));
        assertEquals("17:00 !!! nosuchnick: No such nick/channel", screen.shown.get(3), "nothing left to mark: shown as is");
    }

    @Test
    void withEchoMessageALineIsPendingUntilTheEchoThenPrintedWithTheServerTime() throws Exception {
        SessionFixture session = new SessionFixture(screen).with(Capabilities.ECHO_MESSAGE);
        Runnable written = session.own.queued(privmsg("#lobby", "hello"));
        assertEquals(List.of("17:00 <me> hello …"), screen.status);
        written.run();
        assertEquals(List.of(), screen.shown, "nothing is printed for good before the echo");
        session.handler.received(line("@time=2026-12-05T17:01:02.000Z;msgid=m1 :me!me@h PRIVMSG #lobby :hello"));
        assertEquals(List.of(), screen.status);
        assertEquals(List.of("17:01 <me> hello"), screen.shown);
    }

    @Test
    void anEchoConfirmsTheFirstPendingLineWithTheSameTargetAndText() throws Exception {
        SessionFixture session = new SessionFixture(screen).with(Capabilities.ECHO_MESSAGE);
        session.own.queued(privmsg("bob", "hi")).run();
        session.own.queued(privmsg("#lobby", "hi")).run();
        session.own.queued(privmsg("#lobby", "hi")).run();
        session.handler.received(line(":me!me@h PRIVMSG #LOBBY :hi"));
        List<DeliveryTracker.Pending> left = session.delivery.waiting();
        assertEquals(List.of("bob", "#lobby"), left.stream().map(DeliveryTracker.Pending::target).toList());
        assertEquals(2, left.get(1).id(), "the first of the two #lobby lines was the one confirmed");
    }

    @Test
    void aRefusalNamingTheTargetMarksItsOldestSentLineNotDelivered() throws Exception {
        SessionFixture session = new SessionFixture(screen).with(Capabilities.ECHO_MESSAGE);
        session.own.queued(privmsg("#quiet", "first")).run();
        session.own.queued(privmsg("#quiet", "second")).run();
        session.handler.received(line(":irc.test 404 me #quiet :Cannot send to channel"));
        assertEquals(List.of("17:00 \u2717 not delivered (Cannot send to channel): first"), screen.shown);
        assertEquals(List.of("17:00 [#quiet] <me> second …"), screen.status);
    }

    @Test
    void aRefusalWithNoSentLineForItsTargetIsShownAsBefore() throws Exception {
        SessionFixture session = new SessionFixture(screen).with(Capabilities.ECHO_MESSAGE);
        session.own.queued(privmsg("#quiet", "not yet written"));
        session.own.queued(privmsg("#lobby", "written")).run();
        session.handler.received(line(":irc.test 404 me #quiet :Cannot send to channel"));
        assertEquals(List.of("17:00 !!! #quiet: Cannot send to channel"), screen.shown);
        assertEquals(2, session.delivery.waiting().size());
    }

    @Test
    void aFailNamingThePrivmsgTargetMarksItNotDelivered() throws Exception {
        SessionFixture session = new SessionFixture(screen).with(Capabilities.ECHO_MESSAGE);
        session.own.queued(privmsg("bob", "psst")).run();
        session.handler.received(line(":irc.test FAIL PRIVMSG BLOCKED bob :bob does not take private messages"));
        assertEquals(List.of("17:00 \u2717 not delivered (bob does not take private messages): psst"), screen.shown);
    }

    @Test
    void aDroppedConnectionFailsTheWrittenLinesAndKeepsTheUnwrittenForTheNextOne() throws Exception {
        SessionFixture session = new SessionFixture(screen).with(Capabilities.ECHO_MESSAGE);
        session.own.queued(privmsg("#lobby", "on the wire")).run();
        session.own.queued(privmsg("#lobby", "still queued"));
        session.handler.lost("reset by peer", true, 1000);
        assertEquals("17:00 \u2717 not delivered (connection lost): on the wire", screen.shown.get(1));
        assertEquals(List.of("17:00 <me> still queued …"), screen.status);
    }

    @Test
    void aLineWrittenOnAConnectionWithoutEchoIsShownAsSentAndStopsWaiting() throws Exception {
        SessionFixture session = new SessionFixture(screen).with(Capabilities.ECHO_MESSAGE);
        Runnable written = session.own.queued(privmsg("#lobby", "typed before a reconnect"));
        session.capabilities.set(java.util.Set.of()); // the new connection's server does not echo
        written.run();
        assertEquals(List.of("17:00 <me> typed before a reconnect"), screen.shown);
        assertEquals(List.of(), screen.status);
    }
}
