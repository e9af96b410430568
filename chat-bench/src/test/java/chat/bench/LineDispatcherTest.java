package chat.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LineDispatcherTest {

    private static int trailing(String line) {
        byte[] bytes = line.getBytes(StandardCharsets.US_ASCII);
        return LineDispatcher.privmsgTrailing(bytes, 0, bytes.length);
    }

    @Test
    void findsTheTextOfARelayedRoomMessage() {
        assertEquals(":a!u@h PRIVMSG #r :".length(), trailing(":a!u@h PRIVMSG #r :1.2.3.x"));
    }

    @Test
    void skipsTheTagsOfAServerThatSendsThem() {
        String tags = "@time=2026-12-05T17:00:00.000Z;msgid=0123456789abcd ";
        assertEquals((tags + ":a!u@h PRIVMSG #r :").length(), trailing(tags + ":a!u@h PRIVMSG #r :1.2.3.x"));
        assertEquals(-1, trailing("@time=x"));
        assertEquals(-1, trailing("@time=x "));
    }

    @Test
    void otherLinesAreLeftToTheParser() {
        assertEquals(-1, trailing(":server 001 bench0 :Welcome"));
        assertEquals(-1, trailing("PING :server"));
        assertEquals(-1, trailing(":a!u@h NOTICE #r :PRIVMSG #r :x"));
        assertEquals(-1, trailing(":a!u@h PRIVMSG #r"));
    }

    @Test
    void readsAOneWordTextWrittenWithoutItsColon() {
        assertEquals(":a!u@h PRIVMSG #r ".length(), trailing(":a!u@h PRIVMSG #r 1.2.3.x"));
    }
}
