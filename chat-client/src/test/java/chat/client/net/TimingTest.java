package chat.client.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The pacing and backoff arithmetic, on a clock the test controls. */
public class TimingTest {
    private static final long MS = 1_000_000;

    @Test
    void pacerLetsABurstThroughThenOnePerInterval() {
        SendPacer pacer = new SendPacer(3, 100 * MS);
        for (int i = 0; i < 3; i++) {
            assertEquals(0, pacer.waitNanos(0));
            pacer.take(0);
        }
        assertEquals(100 * MS, pacer.waitNanos(0));
        assertEquals(0, pacer.waitNanos(100 * MS));
        pacer.take(100 * MS);
        assertEquals(100 * MS, pacer.waitNanos(100 * MS));
        assertEquals(0, pacer.waitNanos(10_000 * MS), "an idle pause refills the burst");
    }

    @Test
    void backoffDoublesUpToTheCapWithJitterInTheUpperHalf() {
        ReconnectBackoff maxJitter = new ReconnectBackoff(1000, 8000, 60_000, bound -> bound);
        assertEquals(1000, maxJitter.nextDelayMillis(0));
        assertEquals(2000, maxJitter.nextDelayMillis(0));
        assertEquals(4000, maxJitter.nextDelayMillis(0));
        assertEquals(8000, maxJitter.nextDelayMillis(0));
        assertEquals(8000, maxJitter.nextDelayMillis(0));
        ReconnectBackoff noJitter = new ReconnectBackoff(1000, 8000, 60_000, bound -> 0);
        assertEquals(500, noJitter.nextDelayMillis(0));
        assertEquals(1000, noJitter.nextDelayMillis(0));
    }

    @Test
    void backoffStartsAgainAfterAConnectionThatStayedUp() {
        ReconnectBackoff backoff = new ReconnectBackoff(1000, 60_000, 30_000, bound -> bound);
        backoff.nextDelayMillis(0);
        backoff.nextDelayMillis(0);
        backoff.connected(1_000);
        assertEquals(4000, backoff.nextDelayMillis(5_000), "a short-lived connection keeps growing the delay");
        backoff.connected(10_000);
        assertEquals(1000, backoff.nextDelayMillis(50_000), "a stable connection resets the delay");
        assertTrue(backoff.nextDelayMillis(50_000) > 1000);
    }

    @Test
    void keepalivePingsAfterSilenceThenGivesUp() {
        Keepalive keepalive = new Keepalive(90 * MS, 60 * MS);
        keepalive.heard(0);
        assertEquals(Keepalive.Due.NOTHING, keepalive.due(89 * MS));
        assertEquals(90 * MS, keepalive.nextCheckNanos());
        assertEquals(Keepalive.Due.PING, keepalive.due(90 * MS));
        assertEquals(Keepalive.Due.NOTHING, keepalive.due(100 * MS), "one PING per quiet spell");
        assertEquals(150 * MS, keepalive.nextCheckNanos());
        assertEquals(Keepalive.Due.GIVE_UP, keepalive.due(150 * MS));
        keepalive.heard(160 * MS);
        assertEquals(Keepalive.Due.NOTHING, keepalive.due(200 * MS), "an answer resets the watch");
    }

    @Test
    void userLinesWaitForRegistrationAndStopAfterTheQuit() {
        OutgoingLines lines = new OutgoingLines(new SendPacer(10, MS));
        java.util.ArrayDeque<java.nio.ByteBuffer> writing = new java.util.ArrayDeque<>();
        java.util.List<String> sent = new java.util.ArrayList<>();
        lines.addPaced(new byte[] {'a'}, false, () -> sent.add("a"));
        lines.addUrgent(new byte[] {'n'});
        lines.moveReady(writing, 0);
        assertEquals(1, writing.size(), "only protocol lines before registration");
        lines.addPaced(new byte[] {'q'}, true, () -> sent.add("q"));
        lines.addPaced(new byte[] {'z'}, false, () -> sent.add("z"));
        lines.openGate();
        lines.moveReady(writing, 0);
        assertEquals(3, writing.size(), "the user's line and the QUIT, nothing after it");
        assertTrue(lines.lastMoved());
        assertEquals(java.util.List.of("a", "q"), sent, "each line reports when it goes out");
        lines.disconnected();
        lines.addUrgent(new byte[] {'p'});
        lines.disconnected();
        writing.clear();
        lines.moveReady(writing, 0);
        assertEquals(0, writing.size(), "a lost connection voids protocol lines and closes the gate");
    }
}
