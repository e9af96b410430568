package chat.client.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.protocol.IrcEncoder;
import chat.protocol.IrcMessage;
import chat.protocol.IrcParser;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CtcpAnswersTest {
    private final ZonedDateTime noon = ZonedDateTime.parse("2026-12-05T12:00:00Z");

    private static IrcMessage line(String text) throws Exception {
        return IrcParser.parse(text);
    }

    private static String wire(Optional<IrcMessage> m) {
        return m.map(IrcEncoder::format).orElse("none");
    }

    @Test
    void versionPingAndTimeAreAnsweredByNotice() throws Exception {
        CtcpAnswers answers = new CtcpAnswers("chat client test");
        assertEquals("NOTICE bob :\u0001VERSION chat client test\u0001",
                wire(answers.answer(line(":bob!b@h PRIVMSG me :\u0001VERSION\u0001"), noon)));
        assertEquals("NOTICE bob :\u0001PING 12345\u0001",
                wire(answers.answer(line(":bob!b@h PRIVMSG me :\u0001PING 12345\u0001"), noon)));
        assertEquals("NOTICE bob :\u0001TIME Sat, 5 Dec 2026 12:00:00 GMT\u0001",
                wire(answers.answer(line(":bob!b@h PRIVMSG me :\u0001TIME\u0001"), noon)));
    }

    @Test
    void actionsUnknownRequestsAndNoticesGetNoAnswer() throws Exception {
        CtcpAnswers answers = new CtcpAnswers("v");
        assertEquals("none", wire(answers.answer(line(":bob!b@h PRIVMSG me :\u0001ACTION waves\u0001"), noon)));
        assertEquals("none", wire(answers.answer(line(":bob!b@h PRIVMSG me :\u0001DCC SEND x\u0001"), noon)));
        assertEquals("none", wire(answers.answer(line(":bob!b@h NOTICE me :\u0001VERSION v\u0001"), noon)));
    }

    @Test
    void aFloodOfRequestsGetsABurstOfAnswersThenOneEveryTwoSeconds() throws Exception {
        CtcpAnswers answers = new CtcpAnswers("v");
        IrcMessage ping = line(":bob!b@h PRIVMSG me :\u0001PING 1\u0001");
        for (int i = 0; i < CtcpAnswers.BURST; i++) {
            assertTrue(answers.answer(ping, noon).isPresent(), "answer " + i);
        }
        assertEquals("none", wire(answers.answer(ping, noon)));
        assertTrue(answers.answer(ping, noon.plusSeconds(2)).isPresent());
    }
}
