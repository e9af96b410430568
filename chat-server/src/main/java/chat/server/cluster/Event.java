package chat.server.cluster;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One thing a node tells the others: its type, the node it comes from, and fields whose meaning
 * the type gives (see {@link Events}). On the wire the parts are joined by newlines: everything
 * in them comes from IRC lines, which can hold no CR, LF or NUL; a missing value is written as a
 * single NUL. One payload may carry several events, separated by {@link PublishBatch#SEPARATOR}.
 *
 * <p>An event keeps the bytes it was written in, and a field becomes a string only when it is
 * asked for: every node reads every message, and most of a message (the line, the numbers) goes
 * on as bytes or numbers, so turning each field into a string cost the receiving threads more
 * than the rest of reading it (docs/SCALING.md).
 */
final class Event {
    private static final byte SEPARATOR = '\n';
    private static final byte NULL = 0;
    private static final byte[] MISSING = {NULL};

    private final byte[] data;
    /** Start and end in {@link #data} of each part: type, node, then the fields. */
    private final int[] bounds;
    private final String type;
    private final String node;

    private Event(byte[] data, int[] bounds) {
        this(data, bounds, null);
    }

    /** Reuses {@code previous}'s type and node strings when they are the same (a payload is mostly one node's messages). */
    private Event(byte[] data, int[] bounds, Event previous) {
        this.data = data;
        this.bounds = bounds;
        this.type = previous != null && sameAs(0, previous) ? previous.type : text(0);
        this.node = previous != null && sameAs(1, previous) ? previous.node : text(1);
    }

    private boolean sameAs(int part, Event other) {
        return Arrays.equals(data, bounds[2 * part], bounds[2 * part + 1],
                other.data, other.bounds[2 * part], other.bounds[2 * part + 1]);
    }

    /** An event made of strings (a missing field is null). */
    static Event of(String type, String node, List<String> fields) {
        Writer writer = new Writer(type, node);
        fields.forEach(writer::text);
        return writer.event();
    }

    String type() {
        return type;
    }

    String node() {
        return node;
    }

    /** How many fields follow type and node. */
    int size() {
        return bounds.length / 2 - 2;
    }

    /** Field {@code i} as text, or null when it is missing. */
    String field(int i) {
        return i < size() ? text(i + 2) : null;
    }

    /** Whether field {@code i} has a value (an empty one counts). */
    boolean has(int i) {
        return i < size() && !isNull(i + 2);
    }

    /**
     * Field {@code i} as the number {@link Writer#number} wrote, read from the bytes: no string on
     * the way, and a plain loop over the digits, which costs a fraction of {@link Long#parseLong}
     * under C1, the server's compiler.
     *
     * @throws NumberFormatException when the field is missing, empty, not digits or past {@link Long#MAX_VALUE}
     */
    long number(int i) {
        if (!has(i)) {
            throw new NumberFormatException("field " + i + " is missing");
        }
        int from = bounds[2 * (i + 2)];
        int to = bounds[2 * (i + 2) + 1];
        if (to == from || to - from > 19) {
            throw new NumberFormatException("not a number: " + field(i));
        }
        long value = 0;
        for (int k = from; k < to; k++) {
            int digit = data[k] - '0';
            // 18 digits always fit; only a 19th can pass Long.MAX_VALUE (a sequence has 19)
            if (digit < 0 || digit > 9 || (k - from == 18 && value > (Long.MAX_VALUE - digit) / 10)) {
                throw new NumberFormatException("not a number: " + field(i));
            }
            value = value * 10 + digit;
        }
        return value;
    }

    /** Field {@code i}'s bytes with CRLF after them: a line as it goes on the wire. */
    byte[] line(int i) {
        int from = i < size() ? bounds[2 * (i + 2)] : 0;
        int to = i < size() ? bounds[2 * (i + 2) + 1] : 0;
        byte[] line = new byte[to - from + 2];
        System.arraycopy(data, from, line, 0, to - from);
        line[line.length - 2] = '\r';
        line[line.length - 1] = '\n';
        return line;
    }

    /** All fields as text (for tests and logs; the relay path asks for single fields). */
    List<String> fields() {
        List<String> fields = new ArrayList<>(size());
        for (int i = 0; i < size(); i++) {
            fields.add(field(i));
        }
        return fields;
    }

    /** The payload published to Redis (read-only: it may be the event's own array). */
    byte[] encode() {
        int from = bounds[0];
        int to = bounds[bounds.length - 1];
        return from == 0 && to == data.length ? data : Arrays.copyOfRange(data, from, to);
    }

    private boolean isNull(int part) {
        return isNull(data, bounds, part);
    }

    private String text(int part) {
        if (isNull(part)) {
            return null;
        }
        int from = bounds[2 * part];
        return new String(data, from, bounds[2 * part + 1] - from, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Event event && Objects.equals(type, event.type) && Objects.equals(node, event.node)
                && fields().equals(event.fields());
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, node, fields());
    }

    @Override
    public String toString() {
        return "Event[" + type + " from " + node + " " + fields() + "]";
    }

    /**
     * A payload as Redis delivers it (one or more events) back into events, in order, skipping
     * any that is not one of ours. One pass over the bytes; the events share the payload's array.
     */
    static List<Event> decodeAll(byte[] payload) {
        List<Event> events = new ArrayList<>(4);
        int[] bounds = new int[32];
        int parts = 0;
        int start = 0;
        Event previous = null;
        int length = payload.length;
        for (int i = 0; i <= length; i++) {
            byte b;
            if (i < length) {
                b = payload[i];
                // Both separators are below 0x20: one test passes over nearly every byte.
                if ((b & 0xE0) != 0 || (b != SEPARATOR && b != PublishBatch.SEPARATOR)) {
                    continue;
                }
            } else {
                b = PublishBatch.SEPARATOR; // the end closes the last event
            }
            if (2 * parts + 2 > bounds.length) {
                bounds = Arrays.copyOf(bounds, bounds.length * 2);
            }
            bounds[2 * parts] = start;
            bounds[2 * parts + 1] = i;
            parts++;
            start = i + 1;
            if (b == PublishBatch.SEPARATOR) {
                if (parts >= 2 && !isNull(payload, bounds, 0) && !isNull(payload, bounds, 1)) {
                    previous = new Event(payload, Arrays.copyOf(bounds, 2 * parts), previous);
                    events.add(previous);
                }
                parts = 0;
            }
        }
        return events;
    }

    private static boolean isNull(byte[] data, int[] bounds, int part) {
        return bounds[2 * part + 1] - bounds[2 * part] == 1 && data[bounds[2 * part]] == NULL;
    }

    /** Writes an event's parts straight into bytes, the form it is published in. */
    static final class Writer {
        private byte[] bytes = new byte[160];
        private int length;
        private int[] bounds = new int[32];
        private int parts;

        Writer(String type, String node) {
            text(type);
            text(node);
        }

        /** A text field; null writes a missing one. */
        Writer text(String value) {
            if (value == null) {
                return raw(MISSING, 0, 1);
            }
            byte[] encoded = value.getBytes(StandardCharsets.UTF_8);
            return raw(encoded, 0, encoded.length);
        }

        /** A number that is not negative (a time, a sequence), its digits written straight in. */
        Writer number(long value) {
            if (value < 0) {
                return text(Long.toString(value));
            }
            int digits = 1;
            for (long rest = value / 10; rest > 0; rest /= 10) {
                digits++;
            }
            int start = begin(digits);
            long rest = value;
            for (int k = start + digits - 1; k >= start; k--) {
                bytes[k] = (byte) ('0' + rest % 10);
                rest /= 10;
            }
            return ended(start, start + digits);
        }

        /** A field that is already bytes: {@code from, to} of {@code source}. */
        Writer raw(byte[] source, int from, int to) {
            int start = begin(to - from);
            System.arraycopy(source, from, bytes, start, to - from);
            return ended(start, start + to - from);
        }

        /** The part just written runs from {@code start} to {@code end}. */
        private Writer ended(int start, int end) {
            length = end;
            if (2 * parts + 2 > bounds.length) {
                bounds = Arrays.copyOf(bounds, bounds.length * 2);
            }
            bounds[2 * parts] = start;
            bounds[2 * parts + 1] = end;
            parts++;
            return this;
        }

        /** Room for a part of {@code size} bytes after the separator; returns where the part starts. */
        private int begin(int size) {
            int start = parts == 0 ? 0 : length + 1;
            if (start + size > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(start + size, bytes.length * 2));
            }
            if (parts > 0) {
                bytes[length] = SEPARATOR;
            }
            return start;
        }

        Event event() {
            return new Event(Arrays.copyOf(bytes, length), Arrays.copyOf(bounds, 2 * parts));
        }
    }
}
