package chat.server.cluster;

import chat.server.history.HistoryQuery;
import chat.server.history.Sequences;
import chat.server.history.StoredLine;
import chat.server.history.TargetActivity;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.resps.StreamEntry;

/**
 * CHATHISTORY's queries over the history streams ({@link HistoryStreams}), with the answers the
 * local history gives: the same kinds, exclusive bounds, limits, messages-only unless events are
 * asked for, nothing older than the age limit. Every node asks the same streams, so every node
 * answers alike. Runs on the history reader's thread; {@link Streams} is its Redis connection.
 */
final class StreamReader {
    /** What the reader asks Redis (XRANGE, XREVRANGE, SCAN): an interface so tests need no Redis. */
    interface Streams {
        /** XRANGE key start end COUNT count: oldest first. */
        List<StreamEntry> range(String key, String start, String end, int count);

        /** XREVRANGE key end start COUNT count: newest first. */
        List<StreamEntry> reverseRange(String key, String end, String start, int count);

        /** The keys matching a SCAN MATCH pattern. */
        List<String> keys(String pattern);
    }

    /** Entries read at a time when lines are filtered out (events without event-playback). */
    private static final int PAGE = 32;
    /** How far past a msgid's own position its entry is looked for (it moved if it came late to Redis). */
    private static final int RESOLVE_SCAN = 16;

    private final Streams streams;
    private final long maxAgeMillis;

    StreamReader(Streams streams, long maxAgeMillis) {
        this.streams = streams;
        this.maxAgeMillis = maxAgeMillis;
    }

    List<StoredLine> run(HistoryQuery q, long nowMillis) {
        String key = HistoryStreams.key(q.target());
        // Nothing at or below this (exclusive lower end): the asker's window and the age limit.
        StreamEntryID floor = HistoryStreams.id(Math.max(q.notBefore(), Sequences.first(nowMillis - maxAgeMillis) - 1));
        return switch (q.kind()) {
            case LATEST -> backwards(q, key, "+", later(position(key, q.from()), floor), q.limit());
            case BEFORE -> backwards(q, key, below(position(key, q.from())), floor, q.limit());
            case AFTER -> forwards(q, key, later(position(key, q.from()), floor), "+", q.limit());
            case AROUND -> {
                StreamEntryID middle = position(key, q.from());
                List<StoredLine> lines = middle == null ? new ArrayList<>()
                        : backwards(q, key, middle.toString(), floor, (q.limit() + 1) / 2);
                lines.addAll(forwards(q, key, later(middle, floor), "+", q.limit() - lines.size()));
                yield lines;
            }
            case BETWEEN -> q.from() <= q.to()
                    ? forwards(q, key, later(position(key, q.from()), floor), below(position(key, q.to())), q.limit())
                    : backwards(q, key, below(position(key, q.from())), later(position(key, q.to()), floor), q.limit());
        };
    }

    /**
     * CHATHISTORY TARGETS: each room (folded name) and each conversation whose key matches a
     * pattern, with its latest line between the bounds; by that line, oldest first.
     */
    List<TargetActivity> targets(List<String> rooms, List<String> conversationPatterns, long low, long high, int limit) {
        List<String> keys = new ArrayList<>();
        rooms.forEach(room -> keys.add(HistoryStreams.key(room)));
        for (String pattern : conversationPatterns) {
            keys.addAll(streams.keys(HistoryStreams.key(pattern)));
        }
        StreamEntryID top = high <= 0 ? null : HistoryStreams.id(high);
        if (top == null) {
            return List.of();
        }
        List<TargetActivity> found = new ArrayList<>();
        for (String key : keys.stream().distinct().toList()) {
            List<StreamEntry> latest = streams.reverseRange(key, "(" + top, low <= 0 ? "-" : "(" + HistoryStreams.id(low), 1);
            StoredLine line = latest.isEmpty() ? null : HistoryStreams.line(latest.get(0));
            if (line != null) {
                found.add(new TargetActivity(key.substring(HistoryStreams.PREFIX.length()), line.sequence()));
            }
        }
        found.sort(Comparator.comparingLong(TargetActivity::latestSequence));
        return found.size() > limit ? found.subList(0, limit) : found;
    }

    /**
     * Where a message reference is in the stream: the entry that carries that msgid when it is
     * found at or just after its own position, else the position the sequence stands for; null
     * for "before everything" (no reference, or a time before 1970).
     */
    private StreamEntryID position(String key, long sequence) {
        if (sequence <= 0) {
            return null;
        }
        StreamEntryID own = HistoryStreams.id(sequence);
        for (StreamEntry entry : streams.range(key, own.toString(), "+", RESOLVE_SCAN)) {
            StoredLine line = HistoryStreams.line(entry);
            if (line != null && line.sequence() == sequence) {
                return entry.getID();
            }
        }
        return own;
    }

    /** The later of two exclusive lower ends (null: none). */
    private static StreamEntryID later(StreamEntryID a, StreamEntryID b) {
        if (a == null) {
            return b;
        }
        return b == null || a.compareTo(b) >= 0 ? a : b;
    }

    /** An exclusive upper end; null (before everything) stays null: nothing is below it. */
    private static String below(StreamEntryID id) {
        return id == null ? null : "(" + id;
    }

    /** The {@code limit} wanted lines nearest below {@code end} and above {@code low}, oldest first. */
    private List<StoredLine> backwards(HistoryQuery q, String key, String end, StreamEntryID low, int limit) {
        List<StoredLine> found = new ArrayList<>();
        String start = low == null ? "-" : "(" + low;
        String cursor = end;
        while (cursor != null && found.size() < limit) {
            int count = Math.max(limit - found.size(), PAGE);
            List<StreamEntry> batch = streams.reverseRange(key, cursor, start, count);
            for (StreamEntry entry : batch) {
                take(q, entry, found, limit);
            }
            cursor = batch.size() < count ? null : "(" + batch.get(batch.size() - 1).getID();
        }
        Collections.reverse(found);
        return found;
    }

    /** The {@code limit} wanted lines nearest above {@code low} and below {@code end}, oldest first. */
    private List<StoredLine> forwards(HistoryQuery q, String key, StreamEntryID low, String end, int limit) {
        List<StoredLine> found = new ArrayList<>();
        String cursor = low == null ? "-" : "(" + low;
        while (end != null && cursor != null && found.size() < limit) {
            int count = Math.max(limit - found.size(), PAGE);
            List<StreamEntry> batch = streams.range(key, cursor, end, count);
            for (StreamEntry entry : batch) {
                take(q, entry, found, limit);
            }
            cursor = batch.size() < count ? null : "(" + batch.get(batch.size() - 1).getID();
        }
        return found;
    }

    private static void take(HistoryQuery q, StreamEntry entry, List<StoredLine> found, int limit) {
        StoredLine line = HistoryStreams.line(entry);
        if (line != null && found.size() < limit && q.wants(line.command())) {
            found.add(line);
        }
    }
}
