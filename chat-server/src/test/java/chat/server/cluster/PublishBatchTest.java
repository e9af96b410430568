package chat.server.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A round's publishes joined per channel in queue order, and a joined payload read back event by event. */
class PublishBatchTest {
    private static String payload(Event event) {
        return event.encode();
    }

    @Test
    void eachChannelGetsItsMessagesInQueueOrder() {
        PublishBatch batch = new PublishBatch();
        Event first = Events.of(Events.MESSAGE, "a", "u1", "one");
        Event second = Events.of(Events.MESSAGE, "a", "u2", "two");
        Event third = Events.of(Events.JOIN, "a", "u3", "#room");
        batch.add(List.of("chat:node:a", "chat:node:b"), payload(first));
        batch.add(List.of("chat:node:b", "chat:node:c"), payload(second));
        batch.add(List.of("chat:all"), payload(third));

        Map<String, byte[]> payloads = batch.payloads();
        assertEquals(List.of("chat:node:a", "chat:node:b", "chat:node:c", "chat:all"), List.copyOf(payloads.keySet()));
        assertEquals(List.of(first), Event.decodeAll(payloads.get("chat:node:a")));
        assertEquals(List.of(first, second), Event.decodeAll(payloads.get("chat:node:b")));
        assertEquals(List.of(second), Event.decodeAll(payloads.get("chat:node:c")));
        assertEquals(List.of(third), Event.decodeAll(payloads.get("chat:all")));
    }

    @Test
    void aLoneMessageIsItsOwnPayload() {
        PublishBatch batch = new PublishBatch();
        String text = payload(Events.of(Events.HEARTBEAT, "b"));
        batch.add(List.of("chat:all"), text);
        assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), batch.payloads().get("chat:all"));
        batch.clear();
        assertTrue(batch.isEmpty());
    }

    @Test
    void missingFieldsAndNonAsciiTextSurviveTheRoundTrip() {
        Event event = new Event(Events.MESSAGE, "node-1", Arrays.asList("u7", null, "", "héllo ✓ 😀", null));
        Event other = Events.of(Events.AWAY, "node-1", "u8", "back");
        byte[] joined = (payload(event) + "\r" + payload(other)).getBytes(StandardCharsets.UTF_8);

        List<Event> decoded = Event.decodeAll(joined);

        assertEquals(List.of(event, other), decoded);
        assertNull(decoded.get(0).field(1));
        assertEquals("", decoded.get(0).field(2));
        assertNull(decoded.get(0).field(4));
    }

    @Test
    void somethingThatIsNoEventIsSkippedAndTheRestKept() {
        Event good = Events.of(Events.HEARTBEAT, "c");
        byte[] joined = ("garbage\r" + payload(good) + "\r\r").getBytes(StandardCharsets.UTF_8);
        assertEquals(List.of(good), Event.decodeAll(joined));
    }

    @Test
    void numberFieldsReadAsLongParseLongReadsThem() {
        for (String digits : List.of("0", "7", "1733430000000", "1817173065384271872", String.valueOf(Long.MAX_VALUE))) {
            assertEquals(Long.parseLong(digits), Events.number(digits), digits);
        }
        assertThrows(NumberFormatException.class, () -> Events.number("9223372036854775808"));
        assertThrows(NumberFormatException.class, () -> Events.number("12a"));
        assertThrows(NumberFormatException.class, () -> Events.number(""));
    }
}
