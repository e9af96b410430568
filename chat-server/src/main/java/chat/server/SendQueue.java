package chat.server;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.GatheringByteChannel;
import java.util.ArrayDeque;

/**
 * Bytes waiting to go out on one connection. Each entry wraps an array that may be shared with
 * every other recipient of the same broadcast (wrapping copies nothing; only the position is ours).
 * Written with gathering writes, a bounded number of bytes per call so one fast reader cannot
 * keep the loop to itself.
 */
final class SendQueue {
    private static final int MAX_BUFFERS_PER_WRITE = 64;

    private final ArrayDeque<ByteBuffer> buffers = new ArrayDeque<>();
    private long queuedBytes;
    private ByteBuffer[] gather;

    long queuedBytes() {
        return queuedBytes;
    }

    boolean isEmpty() {
        return buffers.isEmpty();
    }

    void add(byte[] bytes) {
        buffers.addLast(ByteBuffer.wrap(bytes));
        queuedBytes += bytes.length;
    }

    /**
     * Drops everything not yet started, keeping a partly written line whole so the next line
     * (an ERROR) is not glued into the middle of it.
     */
    void dropUnstarted() {
        ByteBuffer head = buffers.peekFirst();
        boolean keepHead = head != null && head.position() > 0;
        buffers.clear();
        queuedBytes = 0;
        if (keepHead) {
            buffers.addLast(head);
            queuedBytes = head.remaining();
        }
    }

    /** Writes up to about {@code maxBytes}; returns the bytes written. Stops when the socket is full. */
    long writeTo(GatheringByteChannel channel, long maxBytes) throws IOException {
        long total = 0;
        while (!buffers.isEmpty() && total < maxBytes) {
            int count = Math.min(buffers.size(), MAX_BUFFERS_PER_WRITE);
            if (gather == null || gather.length < count) {
                gather = new ByteBuffer[MAX_BUFFERS_PER_WRITE];
            }
            int i = 0;
            for (ByteBuffer buffer : buffers) {
                if (i == count) {
                    break;
                }
                gather[i++] = buffer;
            }
            long written = channel.write(gather, 0, count);
            java.util.Arrays.fill(gather, 0, count, null);
            total += written;
            queuedBytes -= written;
            while (!buffers.isEmpty() && !buffers.peekFirst().hasRemaining()) {
                buffers.pollFirst();
            }
            if (written == 0) {
                break;
            }
        }
        if (buffers.isEmpty()) {
            gather = null; // idle connections keep no array
        }
        return total;
    }
}
