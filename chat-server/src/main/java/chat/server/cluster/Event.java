package chat.server.cluster;

import java.util.ArrayList;
import java.util.List;

/**
 * One thing a node tells the others: its type, the node it comes from, and text fields whose
 * meaning the type gives (see {@link Events}). On the wire the fields are joined by newlines:
 * everything in them comes from IRC lines, which can hold no CR, LF or NUL; a missing value
 * is written as a single NUL.
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

    /** A payload back into an event; null when it is not one of ours (too few fields). */
    static Event decode(String payload) {
        List<String> parts = new ArrayList<>(12);
        int start = 0;
        for (int i = 0; i <= payload.length(); i++) {
            if (i == payload.length() || payload.charAt(i) == SEPARATOR) {
                String part = payload.substring(start, i);
                parts.add(part.equals(NULL) ? null : part);
                start = i + 1;
            }
        }
        if (parts.size() < 2 || parts.get(0) == null || parts.get(1) == null) {
            return null;
        }
        return new Event(parts.get(0), parts.get(1), parts.subList(2, parts.size()));
    }
}
