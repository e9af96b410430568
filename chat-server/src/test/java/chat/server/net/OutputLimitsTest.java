package chat.server.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.server.harness.ChatHarness;
import chat.server.harness.ChatHarness.Peer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Send-queue limits on the fake clock: the hard limit spares a reader that drains, the soft limit
 * drops after its time, and the server-wide budget drops the largest queues first.
 */
@Timeout(20)
class OutputLimitsTest {
    private static final int SOFT = 16 * 1024;
    private static final int HARD = 64 * 1024;
    private static final String PADDING = "p".repeat(400);

    private static ChatHarness chat(long softMillis, long totalBytes) {
        return new ChatHarness(ChatHarness.testConfig().sendQueueSoftBytes(SOFT).sendQueueHardBytes(HARD)
                .sendQueueSoftMillis(softMillis).sendQueueTotalBytes(totalBytes).build());
    }

    private static Peer inRoom(ChatHarness chat, String nick) {
        Peer peer = chat.irc(nick);
        peer.send("JOIN #r");
        chat.drainOutput();
        peer.lines();
        return peer;
    }

    @Test
    void aReaderThatDrainsIsNotDroppedForABurstFromAHundredClonesButAStalledOneIs() {
        ChatHarness chat = chat(30_000, 1L << 30);
        Peer reader = inRoom(chat, "reader");
        Peer stalled = inRoom(chat, "stalled");
        List<Peer> clones = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            clones.add(chat.irc("clone" + i));
        }
        reader.lines();
        stalled.transport.writeCapacity = 0;
        for (Peer clone : clones) { // each within the flood burst of 40 lines
            StringBuilder burst = new StringBuilder();
            for (int n = 0; n < 40; n++) {
                burst.append("PRIVMSG reader,stalled :").append(n).append(' ').append(PADDING).append("\r\n");
            }
            clone.transport.feed(burst.toString());
        }
        long readerPeak = 0;
        for (int turn = 0; turn < 2_000 && (reader.transport.writeInterest || anyInput(clones)); turn++) {
            chat.turn();
            readerPeak = Math.max(readerPeak, reader.link.queuedBytes());
        }
        assertTrue(readerPeak > 4 * HARD, "the burst went far past the hard limit: " + readerPeak);
        assertFalse(reader.link.isClosing(), "the reader drains and was not dropped");
        assertTrue(stalled.link.isClosing(), "the stalled reader was dropped");
        Map<String, Integer> next = new HashMap<>();
        int messages = 0;
        for (String line : reader.lines()) {
            if (line.contains(" PRIVMSG reader :")) {
                String from = line.substring(1, line.indexOf('!'));
                int number = Integer.parseInt(line.substring(line.indexOf(" :") + 2, line.indexOf(' ', line.indexOf(" :") + 2)));
                assertEquals(next.getOrDefault(from, 0), number, "in order from " + from);
                next.put(from, number + 1);
                messages++;
            } else {
                assertEquals(":stalled!stalled@127.0.0.1 QUIT :SendQ exceeded", line);
            }
        }
        assertEquals(100 * 40, messages, "the reader got every message");
    }

    private static boolean anyInput(List<Peer> peers) {
        return peers.stream().anyMatch(peer -> peer.transport.hasInput());
    }

    /** Sends {@code lines} private messages of about 450 bytes from {@code from} to {@code to}. */
    private static void fill(ChatHarness chat, Peer from, String to, int lines) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            text.append("PRIVMSG ").append(to).append(" :").append(i).append(' ').append(PADDING).append("\r\n");
        }
        from.transport.feed(text.toString());
        chat.settle();
        while (from.link.backlogSize() > 0) { // 8 lines a turn: the rest wait in the backlog
            chat.turn();
        }
    }

    @Test
    void aQueuePastTheSoftLimitIsDroppedAfterTheSoftTimeOnlyIfItNeverGotBelow() {
        ChatHarness chat = chat(10_000, 1L << 30);
        Peer talker = inRoom(chat, "talker");
        Peer slow = inRoom(chat, "slow");
        Peer watcher = inRoom(chat, "watcher");
        slow.transport.writeCapacity = 0;
        fill(chat, talker, "slow", 60); // ~27 KB: past the soft limit, under the hard one
        chat.advance(8_000);
        slow.transport.writeCapacity = Integer.MAX_VALUE; // it reads for a moment: the clock stops
        chat.drainOutput();
        slow.transport.writeCapacity = 0;
        fill(chat, talker, "slow", 60);
        chat.advance(8_000);
        assertFalse(slow.link.isClosing(), "16 s past the soft limit in all, but with a break");
        chat.advance(1_000);
        assertFalse(slow.link.isClosing(), "9 s since the break");
        chat.advance(2_000);
        assertTrue(slow.link.isClosing(), "past the soft limit without a break for the soft time (+ a sweep)");
        chat.drainOutput();
        assertTrue(watcher.lines().contains(":slow!slow@127.0.0.1 QUIT :SendQ exceeded"));
        assertFalse(talker.link.isClosing());
    }

    @Test
    void pastTheOutputBudgetTheLargestQueuesGoFirstAndASmallOneStays() {
        ChatHarness chat = chat(60_000, 100 * 1024);
        Peer talker = inRoom(chat, "talker");
        Peer watcher = inRoom(chat, "watcher");
        Peer big = inRoom(chat, "big");
        Peer middle = inRoom(chat, "middle");
        Peer small = inRoom(chat, "small");
        Peer other = inRoom(chat, "other");
        for (Peer stalled : List.of(big, middle, small, other)) {
            stalled.transport.writeCapacity = 0;
        }
        fill(chat, talker, "small", 4); // ~2 KB: a bystander that is a little behind
        fill(chat, talker, "big", 140); // ~62 KB, under the hard limit
        assertEquals(queued(big, middle, small, other), chat.state().links().queuedBytes(), "one total for all");
        fill(chat, talker, "middle", 90); // ~40 KB: the total passes 100 KiB
        assertTrue(big.link.isClosing(), "the largest queue went, not the one that crossed the line");
        assertFalse(middle.link.isClosing());
        assertFalse(small.link.isClosing());
        assertTrue(chat.state().links().queuedBytes() <= 100 * 1024, "back within the budget");
        fill(chat, talker, "other", 140); // ~62 KB: past the budget again, other is now the largest
        assertTrue(other.link.isClosing());
        assertFalse(middle.link.isClosing());
        assertFalse(small.link.isClosing(), "a small queue is never chosen while a larger one is left");
        chat.drainOutput();
        List<String> seen = watcher.lines();
        assertTrue(seen.contains(":big!big@127.0.0.1 QUIT :Server output budget exceeded"), seen.toString());
        assertTrue(seen.contains(":other!other@127.0.0.1 QUIT :Server output budget exceeded"));
        chat.advance(3_000); // past the drain time: the stalled links are closed, their bytes given back
        assertTrue(big.isClosed() && other.isClosed());
        assertEquals(queued(middle, small), chat.state().links().queuedBytes());
    }

    private static long queued(Peer... peers) {
        long sum = 0;
        for (Peer peer : peers) {
            sum += peer.link.queuedBytes();
        }
        return sum;
    }
}
