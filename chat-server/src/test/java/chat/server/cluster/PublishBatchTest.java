package chat.server.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
    private static byte[] payload(Event event) {
        return event.encode();
    }

    /** Payloads joined as a round joins them. */
    private static byte[] joined(byte[]... payloads) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] payload : payloads) {
            if (out.size() > 0) {
                out.write(PublishBatch.SEPARATOR);
            }
            out.writeBytes(payload);
        }
        return out.toByteArray();
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
        byte[] bytes = payload(Events.of(Events.HEARTBEAT, "b"));
        batch.add(List.of("chat:all"), bytes);
        assertArrayEquals(bytes, batch.payloads().get("chat:all"));
        batch.clear();
        assertTrue(batch.isEmpty());
    }

    @Test
    void missingFieldsAndNonAsciiTextSurviveTheRoundTrip() {
        Event event = Event.of(Events.MESSAGE, "node-1", Arrays.asList("u7", null, "", "héllo ✓ 😀", null));
        Event other = Events.of(Events.AWAY, "node-1", "u8", "back");

        List<Event> decoded = Event.decodeAll(joined(payload(event), payload(other)));

        assertEquals(List.of(event, other), decoded);
        assertNull(decoded.get(0).field(1));
        assertEquals("", decoded.get(0).field(2));
        assertNull(decoded.get(0).field(4));
        assertEquals("héllo ✓ 😀", decoded.get(0).field(3));
        assertTrue(decoded.get(0).has(2));
        assertFalse(decoded.get(0).has(1));
        assertFalse(decoded.get(0).has(5), "past the last field");
        assertArrayEquals("héllo ✓ 😀\r\n".getBytes(StandardCharsets.UTF_8), decoded.get(0).line(3));
    }

    @Test
    void somethingThatIsNoEventIsSkippedAndTheRestKept() {
        Event good = Events.of(Events.HEARTBEAT, "c");
        byte[] garbage = "garbage".getBytes(StandardCharsets.UTF_8);
        assertEquals(List.of(good), Event.decodeAll(joined(garbage, payload(good), new byte[0], new byte[0])));
    }

    @Test
    void numberFieldsReadAsLongParseLongReadsThem() {
        for (String digits : List.of("0", "7", "1733430000000", "1817173065384271872", String.valueOf(Long.MAX_VALUE))) {
            assertEquals(Long.parseLong(digits), number(digits), digits);
        }
        assertThrows(NumberFormatException.class, () -> number("9223372036854775808"));
        assertThrows(NumberFormatException.class, () -> number("12a"));
        assertThrows(NumberFormatException.class, () -> number(""));
        assertThrows(NumberFormatException.class, () -> number(null));
    }

    /** {@code digits} written as a field, sent and read back as a number. */
    private static long number(String digits) {
        Event sent = Event.of(Events.MESSAGE, "a", Arrays.asList(digits));
        return Event.decodeAll(sent.encode()).get(0).number(0);
    }

    @Test
    void numbersAndLinesAreWrittenAsTheyAreRead() {
        byte[] wire = ":a!b@c PRIVMSG #room :hi\r\n".getBytes(StandardCharsets.UTF_8);
        Event sent = new Event.Writer(Events.MESSAGE, "a").number(1733430000123L).text(null).raw(wire, 0, wire.length - 2)
                .event();
        Event read = Event.decodeAll(sent.encode()).get(0);
        assertEquals(1733430000123L, read.number(0));
        assertFalse(read.has(1));
        assertArrayEquals(wire, read.line(2));
        assertEquals(sent, read);
    }

    @Test
    void keptLinesGoWithTheRoundInQueueOrderEachStreamNumberedOnce() {
        PublishBatch batch = new PublishBatch();
        batch.add(List.of("chat:node:a", "chat:node:b"), payload(Events.of(Events.MESSAGE, "a", "u1", "one")));
        batch.keep(List.of("chat:history:#x"), List.of("100", "86400000", "1-1", "11", "0", ":a PRIVMSG #x :one"));
        batch.add(List.of(), new byte[0]); // a line said to this node's users only: kept, published nowhere
        batch.keep(List.of("chat:history:@a b"), List.of("100", "86400000", "1-2", "12", "0", ":a PRIVMSG b :two"));
        batch.keep(List.of("chat:history:#x"), List.of("100", "86400000", "1-3", "13", "1", ":a PRIVMSG #x :three"));

        assertEquals(List.of("chat:node:a", "chat:node:b"), List.copyOf(batch.payloads().keySet()));
        assertEquals(List.of("chat:history:#x", "chat:history:@a b"), batch.streams());
        assertEquals(List.of("1", "1-1", "11", "0", ":a PRIVMSG #x :one",
                "2", "1-2", "12", "0", ":a PRIVMSG b :two",
                "1", "1-3", "13", "1", ":a PRIVMSG #x :three"), batch.kept());
        batch.clear();
        assertTrue(batch.isEmpty());
        assertEquals(List.of(), batch.streams());
    }
}
