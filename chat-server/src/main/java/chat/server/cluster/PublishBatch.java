package chat.server.cluster;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.Pipeline;

/**
 * The publishes of one publisher round, sent to Redis as one step of its order: each channel
 * gets one PUBLISH whose payload is its messages of the round, in queue order, joined by
 * {@link #SEPARATOR}, all in one script call ({@link Scripts#PUBLISH_BATCH}). Every node still
 * sees the messages in one global order (script after script, and within one the order of the
 * queue), and a message still crosses Redis once per node that has receivers; a batch saves the
 * script call, the PUBLISH and the subscriber's read per message (docs/SCALING.md).
 *
 * <p>The payloads are joined here rather than in Lua: Lua tables cost Redis 1.5 us more a message
 * (docs/SCALING.md, "Where the time goes"). Lines kept in history go in the same call
 * ({@link Scripts#PUBLISH_AND_KEEP}): their stream entries after the publishes, in queue order, so
 * a stream's order is the order of delivery and a round that keeps lines is still one call.
 */
final class PublishBatch {
    /** Between two events in one payload: no field can hold a CR (they come from IRC lines and checked names). */
    static final byte SEPARATOR = '\r';

    private final Map<String, ByteArrayOutputStream> payloads = new LinkedHashMap<>();
    /** The history streams the round writes to, each with its place among them (from 1). */
    private final Map<String, Integer> streams = new LinkedHashMap<>();
    /** Five arguments per kept line: its stream's place, entry ID, q, t, l. */
    private final List<byte[]> kept = new ArrayList<>();
    private byte[] cap;
    private byte[] life;

    /** Adds one message (a payload without CR) for {@code channels}. */
    void add(List<String> channels, byte[] bytes) {
        for (String channel : channels) {
            ByteArrayOutputStream joined = payloads.get(channel);
            if (joined == null) {
                joined = new ByteArrayOutputStream(Math.max(256, bytes.length * 4));
                payloads.put(channel, joined);
            } else {
                joined.write(SEPARATOR);
            }
            joined.write(bytes, 0, bytes.length);
        }
    }

    /** Keeps one line in {@code streamKeys}; {@code entry} is {@link HistoryStreams#entry} (cap, life, ID, q, t, l). */
    void keep(List<String> streamKeys, List<String> entry) {
        cap = utf8(entry.get(0));
        life = utf8(entry.get(1));
        for (String key : streamKeys) {
            int place = streams.computeIfAbsent(key, k -> streams.size() + 1);
            kept.add(utf8(Integer.toString(place)));
            for (int i = 2; i < 6; i++) {
                kept.add(utf8(entry.get(i)));
            }
        }
    }

    boolean isEmpty() {
        return payloads.isEmpty() && kept.isEmpty();
    }

    /**
     * Queues the batch on {@code pipeline} (for one channel and nothing kept a plain PUBLISH) and
     * empties it.
     */
    void queue(Pipeline pipeline, byte[] batchSha, byte[] keepSha) {
        if (isEmpty()) {
            return;
        }
        try {
            List<byte[]> keys = new ArrayList<>(payloads.size() + streams.size());
            List<byte[]> args = new ArrayList<>(3 + payloads.size() + kept.size());
            if (!kept.isEmpty()) {
                args.add(utf8(Integer.toString(payloads.size())));
                args.add(cap);
                args.add(life);
            }
            for (Map.Entry<String, ByteArrayOutputStream> entry : payloads.entrySet()) {
                keys.add(utf8(entry.getKey()));
                args.add(entry.getValue().toByteArray());
            }
            if (!kept.isEmpty()) {
                streams.keySet().forEach(stream -> keys.add(utf8(stream)));
                args.addAll(kept);
                pipeline.evalsha(keepSha, keys, args);
            } else if (keys.size() == 1) {
                pipeline.publish(keys.get(0), args.get(0));
            } else {
                pipeline.evalsha(batchSha, keys, args);
            }
        } finally {
            clear();
        }
    }

    void clear() {
        payloads.clear();
        streams.clear();
        kept.clear();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** What each channel would be sent now (for tests). */
    Map<String, byte[]> payloads() {
        Map<String, byte[]> copy = new LinkedHashMap<>();
        payloads.forEach((channel, joined) -> copy.put(channel, joined.toByteArray()));
        return copy;
    }

    /** The stream keys the round writes to, in their places' order (for tests). */
    List<String> streams() {
        return List.copyOf(streams.keySet());
    }

    /** The kept lines' arguments as text, five a line (for tests). */
    List<String> kept() {
        List<String> text = new ArrayList<>(kept.size());
        kept.forEach(bytes -> text.add(new String(bytes, StandardCharsets.UTF_8)));
        return text;
    }
}
