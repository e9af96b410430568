package chat.server;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.util.Arrays;

/**
 * Bytes waiting to go out on one connection: a ring of arrays that may be shared with every other
 * recipient of the same broadcast (queued as is, never copied or wrapped per recipient), and how far
 * the oldest one is written.
 *
 * <p>Writing copies the head of the queue into the loop's one direct buffer and sends it with a
 * single write. The JDK would copy each heap buffer of a gathering write into a temporary direct
 * buffer anyway; doing it ourselves saves an object per queued line, the per-buffer bookkeeping
 * and the iovec set-up (the profile of the fan-out benchmark showed those on top).
 */
final class SendQueue {
    private static final int INITIAL_CAPACITY = 8;

    /** Allocated on first use and dropped when empty, so an idle connection holds no queue. */
    private byte[][] ring;
    private int head;
    private int count;
    /** Bytes of {@code ring[head]} already written. */
    private int headOffset;
    private long queuedBytes;

    long queuedBytes() {
        return queuedBytes;
    }

    boolean isEmpty() {
        return count == 0;
    }

    /** Queues {@code bytes}, which must not change afterwards (it may be queued for others too). */
    void add(byte[] bytes) {
        if (ring == null) {
            ring = new byte[INITIAL_CAPACITY][];
        } else if (count == ring.length) {
            grow();
        }
        ring[(head + count) & (ring.length - 1)] = bytes;
        count++;
        queuedBytes += bytes.length;
    }

    private void grow() {
        byte[][] larger = new byte[ring.length * 2][];
        for (int i = 0; i < count; i++) {
            larger[i] = ring[(head + i) & (ring.length - 1)];
        }
        ring = larger;
        head = 0;
    }

    /**
     * Drops everything not yet started, keeping a partly written line whole so the next line
     * (an ERROR) is not glued into the middle of it.
     */
    void dropUnstarted() {
        if (count == 0) {
            return;
        }
        byte[] started = headOffset > 0 ? ring[head] : null;
        int startedOffset = headOffset;
        Arrays.fill(ring, null);
        head = 0;
        count = 0;
        headOffset = 0;
        queuedBytes = 0;
        if (started != null) {
            ring[0] = started;
            count = 1;
            headOffset = startedOffset;
            queuedBytes = started.length - startedOffset;
        }
    }

    /**
     * Writes up to about {@code maxBytes}; returns the bytes written. Stops when the socket is full.
     * {@code direct} is the loop's staging buffer (one per loop, not one per connection); its
     * contents do not survive the call.
     */
    long writeTo(WritableByteChannel channel, long maxBytes, ByteBuffer direct) throws IOException {
        long total = 0;
        while (count > 0 && total < maxBytes) {
            direct.clear();
            if (direct.remaining() > maxBytes - total) {
                direct.limit((int) (maxBytes - total));
            }
            fill(direct);
            direct.flip();
            int staged = direct.remaining();
            int written = channel.write(direct);
            total += written;
            consume(written);
            if (written < staged) {
                break; // the socket is full; the writable event brings us back
            }
        }
        if (count == 0) {
            ring = null; // idle connections keep no queue
            head = 0;
            headOffset = 0;
        }
        return total;
    }

    /** Copies queued bytes, oldest first, into {@code direct} until it is full or the queue is exhausted. */
    private void fill(ByteBuffer direct) {
        int offset = headOffset;
        for (int i = 0; i < count && direct.hasRemaining(); i++) {
            byte[] bytes = ring[(head + i) & (ring.length - 1)];
            int length = Math.min(bytes.length - offset, direct.remaining());
            direct.put(bytes, offset, length);
            offset = 0;
        }
    }

    /** Forgets {@code written} bytes from the front of the queue. */
    private void consume(int written) {
        queuedBytes -= written;
        int left = written;
        while (left > 0) {
            byte[] bytes = ring[head];
            int rest = bytes.length - headOffset;
            if (left < rest) {
                headOffset += left;
                return;
            }
            left -= rest;
            ring[head] = null;
            head = (head + 1) & (ring.length - 1);
            count--;
            headOffset = 0;
        }
    }
}
