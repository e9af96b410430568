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
 * (docs/SCALING.md, "Where the time goes"). A message kept in history is not batched: it goes
 * with its stream entries in a script call of its own (Bus#publishAndKeep), and the batch before
 * it is queued first, so the order holds.
 */
final class PublishBatch {
    /** Between two events in one payload: no field can hold a CR (they come from IRC lines and checked names). */
    static final byte SEPARATOR = '\r';

    private final Map<String, ByteArrayOutputStream> payloads = new LinkedHashMap<>();

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

    boolean isEmpty() {
        return payloads.isEmpty();
    }

    /** Queues the batch on {@code pipeline} (for one channel a plain PUBLISH) and empties it. */
    void queue(Pipeline pipeline, byte[] scriptSha) {
        if (isEmpty()) {
            return;
        }
        try {
            List<byte[]> keys = new ArrayList<>(payloads.size());
            List<byte[]> args = new ArrayList<>(payloads.size());
            for (Map.Entry<String, ByteArrayOutputStream> entry : payloads.entrySet()) {
                keys.add(entry.getKey().getBytes(StandardCharsets.UTF_8));
                args.add(entry.getValue().toByteArray());
            }
            if (keys.size() == 1) {
                pipeline.publish(keys.get(0), args.get(0));
            } else {
                pipeline.evalsha(scriptSha, keys, args);
            }
        } finally {
            clear();
        }
    }

    void clear() {
        payloads.clear();
    }

    /** What each channel would be sent now (for tests). */
    Map<String, byte[]> payloads() {
        Map<String, byte[]> copy = new LinkedHashMap<>();
        payloads.forEach((channel, joined) -> copy.put(channel, joined.toByteArray()));
        return copy;
    }
}
