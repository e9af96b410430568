package chat.server.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.server.harness.ChatHarness;
import chat.server.harness.ChatHarness.Peer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Flood control on a fake clock: burst, then the rate; costly commands pay more; a hard cap drops. */
@Timeout(10)
class FloodControlTest {
    /** 10 lines/s after a burst of 5; dropped past 30 waiting. */
    private final ChatHarness chat = new ChatHarness(ChatHarness.testConfig()
            .floodLinesPerSecond(10).floodBurstLines(5).floodMaxDelayedLines(30).build());

    private static byte[] lines(String format, int count) {
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < count; i++) {
            all.append(String.format(format, i)).append("\r\n");
        }
        return all.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static Peer inRoom(Peer peer) {
        peer.send("JOIN #room");
        peer.lines();
        return peer;
    }

    @Test
    void lineBeyondTheBurstWaitsForItsTokenAndIsNeverDropped() {
        Peer alice = inRoom(chat.irc("alice"));
        Peer bob = inRoom(chat.irc("bob"));
        chat.advance(1_000); // tokens back to the full burst after registering and joining
        bob.lines();
        alice.sendRaw(lines("PRIVMSG #room :%d", 8));
        assertEquals(5, bob.lines().size(), "the burst goes at once");
        chat.advance(100);
        assertEquals(List.of(":alice!alice@127.0.0.1 PRIVMSG #room 5"), bob.lines());
        chat.advance(200);
        assertEquals(List.of(":alice!alice@127.0.0.1 PRIVMSG #room 6", ":alice!alice@127.0.0.1 PRIVMSG #room 7"),
                bob.lines());
    }

    @Test
    void listCostsTenLinesSoTheNextLineWaitsLonger() {
        Peer alice = inRoom(chat.irc("alice"));
        Peer bob = inRoom(chat.irc("bob"));
        chat.advance(1_000);
        bob.lines();
        alice.lines();
        alice.send("LIST", "PRIVMSG #room :after the list");
        assertTrue(alice.lines().get(0).contains(" 321 "));
        assertEquals(List.of(), bob.lines(), "LIST took the burst and more");
        chat.advance(500);
        assertEquals(List.of(), bob.lines(), "still in debt after half a second");
        chat.advance(600);
        assertEquals(List.of(":alice!alice@127.0.0.1 PRIVMSG #room :after the list"), bob.lines());
    }

    @Test
    void tooManyWaitingLinesDisconnectWithExcessFlood() {
        Peer alice = inRoom(chat.irc("alice"));
        Peer bob = inRoom(chat.irc("bob"));
        bob.lines();
        alice.sendRaw(lines("PRIVMSG #room :too much %d", 100));
        List<String> last = alice.lines();
        assertEquals("ERROR :Excess Flood", last.get(last.size() - 1));
        assertTrue(alice.isClosed());
        List<String> seen = bob.lines();
        assertEquals(":alice!alice@127.0.0.1 QUIT :Excess Flood", seen.get(seen.size() - 1));
    }
}
