package chat.server.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

class ServerTimeTest {
    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    @Test
    void matchesTheIsoFormatAcrossSecondsAndBeforeTheEpoch() {
        ServerTime time = new ServerTime();
        long start = Instant.parse("2026-12-31T23:59:58.990Z").toEpochMilli();
        for (long millis = start; millis < start + 2_500; millis += 7) {
            assertEquals(ISO_MILLIS.format(Instant.ofEpochMilli(millis)), time.format(millis));
        }
        assertEquals("1969-12-31T23:59:59.999Z", time.format(-1));
        assertEquals("1970-01-01T00:00:00.000Z", time.format(0));
        assertEquals("2026-12-31T23:59:59.005Z", time.format(start + 15), "back to an earlier second");
    }
}
