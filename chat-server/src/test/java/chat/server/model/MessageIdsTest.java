package chat.server.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MessageIdsTest {
    @Test
    void idsSortInTheOrderTheyWereMadeEvenWhenTheClockStepsBack() {
        MessageIds ids = new MessageIds();
        long now = 1_796_000_000_000L;
        String previous = ids.next(now);
        for (long t : new long[] {now, now, now + 1, now - 5_000, now + 1, now + 2}) {
            String id = ids.next(t);
            assertTrue(id.compareTo(previous) > 0, id + " after " + previous);
            assertEquals(14, id.length());
            previous = id;
        }
    }

    @Test
    void aRestartLaterInTimeContinuesTheOrder() {
        String before = new MessageIds().next(1_796_000_000_000L);
        String after = new MessageIds().next(1_796_000_000_001L);
        assertTrue(after.compareTo(before) > 0);
    }

    @Test
    void aMillionIdsInOneMillisecondStayUniqueAndOrdered() {
        MessageIds ids = new MessageIds();
        String previous = "";
        for (int i = 0; i < 1_100_000; i++) {
            String id = ids.next(5L);
            assertTrue(id.compareTo(previous) > 0);
            previous = id;
        }
    }
}
