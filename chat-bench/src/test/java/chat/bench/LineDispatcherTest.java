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

    @Test
    void countsTheRoomMembersShownByNamesThenByOthersJoining() {
        java.util.Set<String> seen = new java.util.HashSet<>();
        LineDispatcher dispatcher = new LineDispatcher(new LineDispatcher.Events() {
            public void registered(SimClient client) { }
            public void joined(SimClient client) { }
            public void membersSeen(SimClient client, String... nicks) { seen.addAll(java.util.List.of(nicks)); }
            public void delivered(SimClient receiver, Payload.Fields payload) { }
            public void pinged(SimClient client, String token) { }
            public void refused(SimClient client, String line) { }
        });
        BenchOptions options = new BenchOptions("127.0.0.1", 6667, 1, 6, 1, 0, 1, 0, 0, 0, 1, 1, 1, "b", "#r", 0, "",
                java.util.List.of(6667, 6668));
        SimClient client = new SimClient(options, 0);
        for (String line : new String[] {":b0!u@h JOIN #r0", ":s 353 b0 = #r0 :@b0 b1", ":s 353 b0 = #r0 :+b2",
                ":s 353 b0 = #other :x y", ":s 366 b0 #r0 :End of /NAMES list.", ":b3!u@h JOIN #r0",
                ":b4!u@h JOIN :#R0", ":b9!u@h JOIN #other"}) {
            byte[] bytes = (line + "\r").getBytes(StandardCharsets.US_ASCII);
            dispatcher.dispatch(client, bytes, 0, bytes.length);
        }
        assertEquals(java.util.Set.of("b0", "b1", "b2", "b3", "b4"), seen);
    }
}
