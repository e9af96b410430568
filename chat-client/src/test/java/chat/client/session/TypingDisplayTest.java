package chat.client.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import chat.protocol.IrcParser;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Others' typing, shown above the prompt for the current conversation only, until it ends or expires. */
class TypingDisplayTest {
    private final RecordingScreen screen = new RecordingScreen();

    private static void receive(SessionFixture session, String line) throws Exception {
        session.handler.received(IrcParser.parse(line));
    }

    @Test
    void typingInTheCurrentRoomIsShownAndNamesEveryone() throws Exception {
        SessionFixture session = new SessionFixture(screen).with(Capabilities.MESSAGE_TAGS);
        receive(session, "@+typing=active :bob!b@h TAGMSG #lobby");
        assertEquals(List.of("bob is typing…"), screen.status);
        receive(session, "@+typing=active :carol!c@h TAGMSG #lobby");
        assertEquals(List.of("bob and carol are typing…"), screen.status);
        assertEquals(List.of(), screen.shown, "a TAGMSG is never a line of its own");
    }

    @Test
    void typingElsewhereIsNotShown() throws Exception {
        SessionFixture session = new SessionFixture(screen).with(Capabilities.MESSAGE_TAGS);
        receive(session, "@+typing=active :bob!b@h TAGMSG #ops");
        receive(session, "@+typing=active :carol!c@h TAGMSG me");
        assertEquals(List.of(), screen.status);
        session.state.update(s -> s.withTarget("carol"));
        session.status.refresh(session.state.get());
        assertEquals(List.of("carol is typing…"), screen.status, "a private chat is under the other person's name");
    }

    @Test
    void doneOrAMessageFromThatPersonEndsIt() throws Exception {
        SessionFixture session = new SessionFixture(screen).with(Capabilities.MESSAGE_TAGS);
        receive(session, "@+typing=active :bob!b@h TAGMSG #lobby");
        receive(session, "@+typing=active :carol!c@h TAGMSG #lobby");
        receive(session, "@+typing=done :bob!b@h TAGMSG #lobby");
        assertEquals(List.of("carol is typing…"), screen.status);
        receive(session, ":carol!c@h PRIVMSG #lobby :there");
        assertEquals(List.of(), screen.status);
    }

    @Test
    void someoneWhoLeavesIsNoLongerTyping() throws Exception {
        SessionFixture session = new SessionFixture(screen).with(Capabilities.MESSAGE_TAGS);
        receive(session, "@+typing=active :bob!b@h TAGMSG #lobby");
        receive(session, "@+typing=active :carol!c@h TAGMSG #lobby");
        receive(session, ":bob!b@h QUIT :88");
        assertEquals(List.of("carol is typing…"), screen.status);
        receive(session, ":carol!c@h PART #lobby");
        assertEquals(List.of(), screen.status);
    }

    @Test
    void activeExpiresAfterSixSecondsWithoutNews() throws Exception {
        SessionFixture session = new SessionFixture(screen).with(Capabilities.MESSAGE_TAGS);
        receive(session, "@+typing=active :bob!b@h TAGMSG #lobby");
        session.clock.advance(Duration.ofMillis(5_999));
        session.status.refresh(session.state.get());
        assertEquals(List.of("bob is typing…"), screen.status);
        session.clock.advance(Duration.ofMillis(1));
        session.status.refresh(session.state.get());
        assertEquals(List.of(), screen.status);
    }

    @Test
    void aRenewedActiveStartsTheSixSecondsAgain() throws Exception {
        SessionFixture session = new SessionFixture(screen).with(Capabilities.MESSAGE_TAGS);
        receive(session, "@+typing=active :bob!b@h TAGMSG #lobby");
        session.clock.advance(Duration.ofSeconds(3));
        receive(session, "@+typing=active :bob!b@h TAGMSG #lobby");
        session.clock.advance(Duration.ofSeconds(5));
        session.status.refresh(session.state.get());
        assertEquals(List.of("bob is typing…"), screen.status);
    }

    @Test
    void myOwnEchoedTypingIsNotShown() throws Exception {
        SessionFixture session = new SessionFixture(screen).with(Capabilities.MESSAGE_TAGS, Capabilities.ECHO_MESSAGE);
        receive(session, "@+typing=active :me!me@h TAGMSG #lobby");
        assertEquals(List.of(), screen.status);
    }
}
