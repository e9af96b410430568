package chat.server.cluster;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One thing a node tells the others: its type, the node it comes from, and text fields whose
 * meaning the type gives (see {@link Events}). On the wire the fields are joined by newlines:
 * everything in them comes from IRC lines, which can hold no CR, LF or NUL; a missing value
 * is written as a single NUL. One payload may carry several events, separated by
 * {@link PublishBatch#SEPARATOR}.
 */
record Event(String type, String node, List<String> fields) {
    private static final char SEPARATOR = '\n';
    private static final String NULL = "\0";

    String field(int i) {
        return i < fields.size() ? fields.get(i) : null;
    }

    /** The payload published to Redis. */
    String encode() {
        StringBuilder out = new StringBuilder(64 + fields.size() * 16);
        out.append(type).append(SEPARATOR).append(node);
        for (String field : fields) {
            out.append(SEPARATOR).append(field == null ? NULL : field);
        }
        return out.toString();
    }

    /**
     * A payload as Redis delivers it (one or more events) back into events, in order, skipping
     * any that is not one of ours. One pass over the bytes, one string per field: this runs for
     * every message a node receives.
     */
    static List<Event> decodeAll(byte[] payload) {
        List<Event> events = new ArrayList<>(4);
        List<String> parts = new ArrayList<>(12);
        int start = 0;
        for (int i = 0; i <= payload.length; i++) {
            byte b = i == payload.length ? PublishBatch.SEPARATOR : payload[i];
            if (b != SEPARATOR && b != PublishBatch.SEPARATOR) {
                continue;
            }
            parts.add(i - start == 1 && payload[start] == 0 ? null
                    : new String(payload, start, i - start, StandardCharsets.UTF_8));
            start = i + 1;
            if (b == PublishBatch.SEPARATOR) {
                if (parts.size() >= 2 && parts.get(0) != null && parts.get(1) != null) {
                    events.add(new Event(parts.get(0), parts.get(1), parts.subList(2, parts.size())));
                }
                parts = new ArrayList<>(12);
            }
        }
        return events;
    }
}
