package chat.server.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** One address's share of the log: a burst, then one line a second, with a count of the rest. */
class LogThrottleTest {
    @Test
    void anAddressGetsABurstThenOneLineASecondAndTheCountOfWhatWasLeftOut() {
        LogThrottle throttle = new LogThrottle();
        for (int i = 0; i < LogThrottle.BURST; i++) {
            assertEquals("", throttle.admit("192.0.2.1", 0));
        }
        for (int i = 0; i < 1_000; i++) {
            assertNull(throttle.admit("192.0.2.1", 10));
        }
        assertEquals("", throttle.admit("192.0.2.2", 10), "another address has its own share");
        assertEquals(" (and 1000 more from 192.0.2.1 not logged)", throttle.admit("192.0.2.1", 1_010));
        throttle.admit("192.0.2.3", 100_000); // a minute later both are back at a full burst: forgotten
        assertEquals(1, throttle.trackedAddresses());
    }

    @Test
    void aClientsOwnWordsAreCutShort() {
        assertEquals("x".repeat(100) + "...", LogThrottle.quote("x".repeat(5_000)));
        assertEquals("short", LogThrottle.quote("short"));
    }
}
