package chat.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** How many messages a client writes in one batch: window, message count, buffer, schedule. */
class TrafficSenderTest {
    private static final int LINE_BYTES = 100;
    private static final long PERIOD_NANOS = 1_000_000_000L / 100;

    private static BenchOptions options(long messages, double rate, int window) {
        return new BenchOptions("127.0.0.1", 6667, 1, 2, messages, rate, window, 64, 0, 0, 1, 1, 1, "b", "#r", 0);
    }

    private static TrafficSender sender(BenchOptions o, int bufferBytes) {
        return new TrafficSender(o, new Deliveries(false), 0, ByteBuffer.allocate(bufferBytes));
    }

    private static SimClient joined(BenchOptions o) {
        SimClient client = new SimClient(o, 0);
        client.state = SimClient.State.JOINED;
        return client;
    }

    @Test
    void withoutARateTheWindowLimitsTheBatch() {
        BenchOptions o = options(100, 0, 16);
        assertEquals(16, sender(o, 64 * 1024).dueCount(joined(o), 5, LINE_BYTES));
    }

    @Test
    void theBatchStopsAtTheClientsMessageCount() {
        BenchOptions o = options(100, 0, 16);
        SimClient client = joined(o);
        client.sent = 95;
        assertEquals(5, sender(o, 64 * 1024).dueCount(client, 5, LINE_BYTES));
        client.sent = 100;
        assertEquals(0, sender(o, 64 * 1024).dueCount(client, 5, LINE_BYTES));
    }

    @Test
    void theBatchFitsTheWriteBuffer() {
        BenchOptions o = options(0, 0, 64);
        assertEquals(10, sender(o, 10 * LINE_BYTES + 99).dueCount(joined(o), 5, LINE_BYTES));
    }

    @Test
    void anOpenWindowSendsOnlyWhatItHasRoomFor() {
        BenchOptions o = options(0, 0, 4);
        SimClient client = joined(o);
        client.window.open(1);
        client.window.open(1);
        assertEquals(2, sender(o, 64 * 1024).dueCount(client, 5, LINE_BYTES));
    }

    @Test
    void aClientThatIsNotJoinedSendsNothing() {
        BenchOptions o = options(100, 0, 16);
        SimClient client = joined(o);
        client.state = SimClient.State.QUITTING;
        assertEquals(0, sender(o, 64 * 1024).dueCount(client, 5, LINE_BYTES));
    }

    @Test
    void withARateOnlyTheScheduledTimesUpToNowAreDue() {
        BenchOptions o = options(0, 100, 16);
        TrafficSender sender = sender(o, 64 * 1024);
        SimClient client = joined(o);
        client.nextDueNanos = 1_000;
        assertEquals(0, sender.dueCount(client, 999, LINE_BYTES), "not yet due");
        assertEquals(1, sender.dueCount(client, 1_000, LINE_BYTES), "due exactly now");
        assertEquals(3, sender.dueCount(client, 1_000 + 2 * PERIOD_NANOS + 5, LINE_BYTES), "two periods late");
        assertEquals(16, sender.dueCount(client, 1_000 + 100 * PERIOD_NANOS, LINE_BYTES), "late, but the window caps it");
    }

    @Test
    void nothingScheduledAtOrAfterTheEndOfSendingIsDue() {
        BenchOptions o = options(0, 100, 16);
        TrafficSender sender = sender(o, 64 * 1024);
        SimClient client = joined(o);
        sender.start(new SimClient[0], 0, 1_000 + 2 * PERIOD_NANOS);
        client.nextDueNanos = 1_000;
        assertEquals(2, sender.dueCount(client, 1_000 + 5 * PERIOD_NANOS, LINE_BYTES),
                "the times 1000 and 1000+period; 1000+2 periods is the end");
        BenchOptions unrated = options(0, 0, 16);
        TrafficSender timed = sender(unrated, 64 * 1024);
        timed.start(new SimClient[0], 0, 1_000);
        assertEquals(16, timed.dueCount(joined(unrated), 999, LINE_BYTES));
        assertEquals(0, timed.dueCount(joined(unrated), 1_000, LINE_BYTES));
    }
}
