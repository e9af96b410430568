package chat.client.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import chat.protocol.IrcParser;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The time shown on a line: the server's stamp when there is one, in the local zone. */
class ServerTimeTest {
    /** The local clock reads 09:00 in Shanghai (UTC+8), far from any stamp below. */
    private final Clock clock = Clock.fixed(Instant.parse("2026-12-05T01:00:00Z"), ZoneId.of("Asia/Shanghai"));

    @Test
    void theTimeTagIsShownInTheLocalZone() throws Exception {
        LocalTime at = ServerTime.of(IrcParser.parse(
                "@time=2026-12-05T17:22:21.123Z;msgid=abc :bob!b@h PRIVMSG #lobby :hi"), clock);
        assertEquals(LocalTime.of(1, 22, 21, 123_000_000), at);
    }

    @Test
    void withoutATimeTagTheLocalClockIsUsed() throws Exception {
        assertEquals(LocalTime.of(9, 0), ServerTime.of(IrcParser.parse(":bob!b@h PRIVMSG #lobby :hi"), clock));
    }

    @Test
    void anUnreadableStampFallsBackToTheLocalClock() throws Exception {
        assertEquals(LocalTime.of(9, 0), ServerTime.of(IrcParser.parse("@time=yesterday :bob!b@h PRIVMSG #lobby :hi"), clock));
    }
}
