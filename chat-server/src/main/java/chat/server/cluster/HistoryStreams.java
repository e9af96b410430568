package chat.server.cluster;

import chat.protocol.IrcEncoder;
import chat.server.history.HistoryConfig;
import chat.server.history.Sequences;
import chat.server.history.StoredLine;
import chat.server.model.StampFields;
import chat.server.net.Outbound;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.resps.StreamEntry;

/**
 * History in Redis: one stream per room or private conversation, {@code chat:history:<target>}
 * (the folded room name, or the conversation key {@code @a b}). An entry's ID is its msgid's
 * sequence split in two (milliseconds, counter), so a msgid or a timestamp is a position in the
 * stream; a line that reaches Redis after one with a higher sequence (another node's clock, a
 * race) gets the next ID after it instead, so the stream's order is the order Redis took the
 * lines in: the delivery order. An entry holds what a replay needs and no more: {@code q} the
 * sequence (the msgid), {@code t} the time minus the sequence's millisecond (0 but for a borrowed
 * millisecond), {@code l} the line as relayed, without tags.
 */
final class HistoryStreams {
    static final String PREFIX = "chat:history:";

    private HistoryStreams() {
    }

    static String key(String target) {
        return PREFIX + target;
    }

    /** The stream ID a sequence stands for. */
    static StreamEntryID id(long sequence) {
        return new StreamEntryID(Sequences.millis(sequence), sequence & ((1L << Sequences.COUNTER_BITS) - 1));
    }

    /** The script's arguments after the payload and the channel count: cap, life, ID, then the entry. */
    static List<String> entry(HistoryConfig config, StampFields stamp, Outbound line) {
        return List.of(Integer.toString(config.maxPerTarget()), Long.toString(config.maxAgeMillis()),
                id(stamp.sequence()).toString(), Long.toString(stamp.sequence()),
                Long.toString(stamp.epochMillis() - Sequences.millis(stamp.sequence())),
                IrcEncoder.format(line.bareMessage()));
    }

    /** An entry as the handlers know a line; null when it is not one of ours. */
    static StoredLine line(StreamEntry entry) {
        Map<String, String> fields = entry.getFields();
        String q = fields.get("q");
        String t = fields.get("t");
        String l = fields.get("l");
        if (q == null || t == null || l == null) {
            return null;
        }
        try {
            long sequence = Long.parseLong(q);
            return new StoredLine(sequence, Sequences.millis(sequence) + Long.parseLong(t), command(l), l);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The command of a bare line: the word after the source prefix. */
    static String command(String line) {
        int start = 0;
        if (line.startsWith(":")) {
            start = line.indexOf(' ') + 1;
        }
        int end = line.indexOf(' ', start);
        return end < 0 ? line.substring(start) : line.substring(start, end);
    }
}
