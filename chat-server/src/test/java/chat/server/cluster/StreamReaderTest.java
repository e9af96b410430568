package chat.server.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import chat.server.history.HistoryQuery;
import chat.server.history.HistoryQuery.Kind;
import chat.server.history.Sequences;
import chat.server.history.StoredLine;
import chat.server.history.TargetActivity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.resps.StreamEntry;

/**
 * The cluster's CHATHISTORY queries over history streams, without Redis: an in-memory stream with
 * XRANGE/XREVRANGE's bounds ("-", "+", "(" exclusive) and the keep script's IDs (the sequence's,
 * or just after the last when a line comes late).
 */
class StreamReaderTest {
    private static final long NOW = 1_800_000_000_000L;
    private static final long DAY = 86_400_000L;

    /** Streams as Redis keeps them, for the reader. */
    static final class MemoryStreams implements StreamReader.Streams {
        final Map<String, TreeMap<StreamEntryID, Map<String, String>>> streams = new HashMap<>();

        /** What PUBLISH_AND_KEEP does with one line. */
        void keep(String target, long sequence, String line) {
            TreeMap<StreamEntryID, Map<String, String>> stream = streams.computeIfAbsent(HistoryStreams.key(target),
                    k -> new TreeMap<>());
            StreamEntryID id = HistoryStreams.id(sequence);
            if (!stream.isEmpty() && stream.lastKey().compareTo(id) >= 0) {
                StreamEntryID last = stream.lastKey();
                id = new StreamEntryID(last.getTime(), last.getSequence() + 1);
            }
            stream.put(id, Map.of("q", Long.toString(sequence), "t", "0", "l", line));
        }

        private NavigableMap<StreamEntryID, Map<String, String>> between(String key, String start, String end) {
            TreeMap<StreamEntryID, Map<String, String>> stream = streams.getOrDefault(key, new TreeMap<>());
            if (stream.isEmpty()) {
                return stream;
            }
            StreamEntryID low = start.equals("-") ? new StreamEntryID(0, 0) : new StreamEntryID(start.replace("(", ""));
            StreamEntryID high = end.equals("+") ? new StreamEntryID(Long.MAX_VALUE, Long.MAX_VALUE)
                    : new StreamEntryID(end.replace("(", ""));
            if (low.compareTo(high) > 0) {
                return new TreeMap<>();
            }
            return stream.subMap(low, !start.startsWith("("), high, !end.startsWith("("));
        }

        @Override
        public List<StreamEntry> range(String key, String start, String end, int count) {
            List<StreamEntry> out = new ArrayList<>();
            between(key, start, end).forEach((id, fields) -> {
                if (out.size() < count) {
                    out.add(new StreamEntry(id, fields));
                }
            });
            return out;
        }

        @Override
        public List<StreamEntry> reverseRange(String key, String end, String start, int count) {
            List<StreamEntry> out = new ArrayList<>();
            between(key, start, end).descendingMap().forEach((id, fields) -> {
                if (out.size() < count) {
                    out.add(new StreamEntry(id, fields));
                }
            });
            return out;
        }

        @Override
        public List<String> keys(String pattern) {
            String regex = pattern.replace("*", ".*");
            return streams.keySet().stream().filter(key -> key.matches(regex)).toList();
        }
    }

    private final MemoryStreams streams = new MemoryStreams();
    private final StreamReader reader = new StreamReader(streams, 30 * DAY);

    private static long at(long millis, int count) {
        return Sequences.first(millis) + count;
    }

    private List<String> texts(Kind kind, long from, long to, int limit, boolean events) {
        return reader.run(new HistoryQuery(kind, "#r", from, to, limit, events, Long.MIN_VALUE), NOW).stream()
                .map(line -> line.line().substring(line.line().lastIndexOf(' ') + 1).replace(":", "")).toList();
    }

    /** m1..m6 one millisecond apart, a JOIN between m3 and m4. */
    private long[] sixMessages() {
        long[] ids = new long[7];
        for (int i = 1; i <= 6; i++) {
            ids[i] = at(NOW - 1_000 + i * 10, 0);
            streams.keep("#r", ids[i], ":a!a@h PRIVMSG #r :m" + i);
            if (i == 3) {
                streams.keep("#r", at(NOW - 1_000 + i * 10 + 1, 0), ":b!b@h JOIN #r");
            }
        }
        return ids;
    }

    @Test
    void everyKindAnswersAsTheLocalHistory() {
        long[] m = sixMessages();
        assertEquals(List.of("m4", "m5", "m6"), texts(Kind.LATEST, Long.MIN_VALUE, 0, 3, false));
        assertEquals(List.of("m1", "m2"), texts(Kind.BEFORE, m[3], 0, 10, false));
        assertEquals(List.of("m4", "m5", "m6"), texts(Kind.AFTER, m[3], 0, 10, false));
        assertEquals(List.of("m2", "m3", "m4"), texts(Kind.AROUND, m[3], 0, 3, false));
        assertEquals(List.of("m4"), texts(Kind.BETWEEN, m[3], m[5], 10, false));
        assertEquals(List.of("m4"), texts(Kind.BETWEEN, m[5], m[3], 10, false));
        assertEquals(List.of("m6"), texts(Kind.LATEST, m[5], 0, 10, false));
        assertEquals(List.of("m3", "#r", "m4"), texts(Kind.AFTER, m[2], 0, 3, true), "events with event-playback");
        // A timestamp is a millisecond: AFTER it starts at the next one.
        long m2Millis = Sequences.millis(m[2]);
        assertEquals(List.of("m3", "m4"), texts(Kind.AFTER, Sequences.first(m2Millis) + (1L << Sequences.COUNTER_BITS) - 1, 0,
                2, false));
        assertEquals(List.of(), texts(Kind.BEFORE, -5, 0, 10, false), "before 1970: nothing");
    }

    @Test
    void manyFilteredEventsAreReadPastInPages() {
        for (int i = 0; i < 100; i++) {
            streams.keep("#r", at(NOW - 5_000 + i, 0), ":b!b@h JOIN #r");
        }
        streams.keep("#r", at(NOW - 10_000, 0), ":a!a@h PRIVMSG #r :old"); // late: after the joins
        streams.keep("#r", at(NOW - 100, 0), ":a!a@h PRIVMSG #r :new");
        assertEquals(List.of("old", "new"), texts(Kind.LATEST, Long.MIN_VALUE, 0, 10, false));
        assertEquals(List.of("old", "new"), texts(Kind.AFTER, at(NOW - 20_000, 0), 0, 10, false));
    }

    @Test
    void aLineThatCameLateIsFoundByItsMsgidWhereItWasDelivered() {
        long first = at(NOW - 100, 0);
        long late = at(NOW - 200, 5); // stamped earlier on another node, reached Redis after "first"
        long third = at(NOW - 50, 0);
        streams.keep("#r", first, ":a!a@h PRIVMSG #r :first");
        streams.keep("#r", late, ":c!c@h PRIVMSG #r :late");
        streams.keep("#r", third, ":a!a@h PRIVMSG #r :third");
        assertEquals(List.of("first", "late", "third"), texts(Kind.LATEST, Long.MIN_VALUE, 0, 10, false), "delivery order");
        assertEquals(List.of("first"), texts(Kind.BEFORE, late, 0, 10, false));
        assertEquals(List.of("third"), texts(Kind.AFTER, late, 0, 10, false));
        List<StoredLine> lines = reader.run(new HistoryQuery(Kind.LATEST, "#r", Long.MIN_VALUE, 0, 10, false, Long.MIN_VALUE), NOW);
        assertEquals(late, lines.get(1).sequence(), "the msgid stays the one it was said with");
        assertEquals(Sequences.millis(late), lines.get(1).epochMillis());
    }

    @Test
    void nothingOlderThanTheAgeLimitOrBeforeTheAskersWindow() {
        streams.keep("#r", at(NOW - 40 * DAY, 0), ":a!a@h PRIVMSG #r :ancient");
        streams.keep("#r", at(NOW - 2 * DAY, 0), ":a!a@h PRIVMSG #r :older");
        streams.keep("#r", at(NOW - 1_000, 0), ":a!a@h PRIVMSG #r :recent");
        assertEquals(List.of("older", "recent"), texts(Kind.LATEST, Long.MIN_VALUE, 0, 10, false));
        List<StoredLine> window = reader.run(new HistoryQuery(Kind.LATEST, "#r", Long.MIN_VALUE, 0, 10, false,
                Sequences.first(NOW - DAY)), NOW);
        assertEquals(1, window.size());
    }

    @Test
    void targetsListsRoomsAndTheAskersConversationsByTheirLatestLine() {
        streams.keep("#r", at(NOW - 300, 0), ":a!a@h PRIVMSG #r :x");
        streams.keep("@alice bob", at(NOW - 200, 0), ":bob!b@h PRIVMSG alice :y");
        streams.keep("@carol dave", at(NOW - 100, 0), ":carol!c@h PRIVMSG dave :z");
        streams.keep("#quiet", at(NOW - 10 * DAY, 0), ":a!a@h PRIVMSG #quiet :long ago");
        List<TargetActivity> found = reader.targets(List.of("#r", "#quiet"), List.of("@bob *", "@* bob"),
                at(NOW - DAY, 0), at(NOW, 0), 10);
        assertEquals(List.of(new TargetActivity("#r", at(NOW - 300, 0)), new TargetActivity("@alice bob", at(NOW - 200, 0))), found);
        assertEquals(1, reader.targets(List.of("#r"), List.of("@bob *", "@* bob"), at(NOW - DAY, 0), at(NOW, 0), 1).size());
    }
}
