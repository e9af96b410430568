package chat.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The pacing and backoff arithmetic, on a clock the test controls. */
class TimingTest {
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
}
