package chat.server.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.server.harness.ChatHarness;
import chat.server.harness.ChatHarness.Peer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** End of input means "no more input": every line that came before it is still handled. */
@Timeout(10)
class HalfCloseTest {
    private static byte[] lines(int count, String last) {
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < count; i++) {
            all.append("PRIVMSG #room :line ").append(i).append("\r\n");
        }
        return all.append(last).toString().getBytes(StandardCharsets.UTF_8);
    }

    private static Peer inRoom(Peer peer) {
        peer.send("JOIN #room");
        peer.lines();
        return peer;
    }

    @Test
    void everyLineBeforeTheEndOfInputIsRelayedAndTheQuitKeepsItsReason() {
        ChatHarness chat = new ChatHarness(ChatHarness.testConfig().build());
        Peer alice = inRoom(chat.irc("alice"));
        Peer bob = inRoom(chat.irc("bob"));
        bob.lines();
        alice.transport.feed(lines(100, "QUIT :goodbye\r\n"));
        alice.hangUp();
        List<String> seen = bob.lines();
        assertEquals(101, seen.size(), () -> "bob saw " + seen.size() + " lines: " + seen);
        for (int i = 0; i < 100; i++) {
            assertEquals(":alice!alice@127.0.0.1 PRIVMSG #room :line " + i, seen.get(i));
        }
        assertEquals(":alice!alice@127.0.0.1 QUIT :Quit: goodbye", seen.get(100));
        assertTrue(alice.isClosed());
    }

    @Test
    void floodDelayedLinesAreStillHandledAtTheRateAfterTheEndOfInput() {
        ChatHarness chat = new ChatHarness(ChatHarness.testConfig().floodLinesPerSecond(10).floodBurstLines(5).build());
        Peer alice = inRoom(chat.irc("alice"));
        Peer bob = inRoom(chat.irc("bob"));
        chat.advance(1_000);
        bob.lines();
        alice.transport.feed(lines(20, "QUIT :goodbye\r\n"));
        alice.hangUp();
        assertEquals(5, bob.lines().size(), "the burst at once");
        assertFalse(alice.isClosed(), "still handling what it sent");
        for (int step = 0; step < 10; step++) {
            chat.advance(100);
        }
        assertEquals(10, bob.lines().size(), "then ten a second");
        for (int step = 0; step < 10; step++) {
            chat.advance(100);
        }
        List<String> rest = bob.lines();
        assertEquals(":alice!alice@127.0.0.1 PRIVMSG #room :line 19", rest.get(rest.size() - 2));
        assertEquals(":alice!alice@127.0.0.1 QUIT :Quit: goodbye", rest.get(rest.size() - 1));
        assertTrue(alice.isClosed());
    }

    @Test
    void aPeerWithNothingWaitingClosesAtOnceAndOneThatNeverDrainsAtTheDeadline() {
        ChatHarness chat = new ChatHarness(ChatHarness.testConfig().floodLinesPerSecond(1).floodBurstLines(1)
                .floodMaxDelayedLines(500).build());
        Peer quiet = chat.irc("quiet");
        Peer slow = inRoom(chat.irc("slow"));
        Peer bob = inRoom(chat.irc("bob"));
        chat.advance(10_000); // registration and joins, at one line a second
        quiet.hangUp();
        assertTrue(quiet.isClosed());
        bob.lines();
        slow.transport.feed(lines(200, ""));
        slow.hangUp();
        for (long waited = 0; waited < InputStage.EOF_DRAIN_MILLIS - 1_000; waited += 1_000) {
            chat.advance(1_000); // one line a second is handled meanwhile
        }
        assertFalse(slow.isClosed());
        chat.advance(1_000);
        assertTrue(slow.isClosed());
        List<String> seen = bob.lines();
        assertEquals(":slow!slow@127.0.0.1 QUIT :Connection closed", seen.get(seen.size() - 1));
        assertTrue(seen.size() > 50 && seen.size() < 200, () -> seen.size() + " lines");
    }
}
