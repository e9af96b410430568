package chat.server.net;

import java.io.IOException;
import java.util.Arrays;

/**
 * Bytes waiting to go out on one connection: arrays (one alone, or a ring of them) that may be
 * shared with every other recipient of the same broadcast (queued as is, never copied or wrapped per
 * recipient), and how far the oldest one is written.
 *
 * <p>Writing gathers the head of the queue into the loop's {@link WriteStage} and sends it with a
 * single write. The JDK would copy each heap buffer of a gathering write into a temporary direct
 * buffer anyway; doing it ourselves saves an object per queued line, the per-buffer bookkeeping
 * and the iovec set-up (the profile of the fan-out benchmark showed those on top).
 */
final class SendQueue {
    private static final int INITIAL_CAPACITY = 8;
    private static final int KEPT_CAPACITY = 32;

    /**
     * Allocated when a second array is queued behind the first (see {@link #single}). A small ring
     * is dropped as soon as it empties, so an idle connection holds no queue, and a short-lived
     * array dies young. A ring that had to grow past {@link #KEPT_CAPACITY} belongs to a busy
     * connection and is kept (a fan-out burst would otherwise grow it from 8 entries again and
     * again, which showed in the profile) until the loop's once-a-second sweep finds it empty. Keeping every ring until the sweep was tried: rings
     * that live a second outlive young collections and die in the old generation, which cost about
     * 250 bytes of RSS per idle connection with 10,000 connected.
     */
    private byte[][] ring;
    /**
     * The one queued array while no ring exists. In a chat most recipients get one line per loop
     * turn and the turn's end writes it, so the queue rarely holds two: with this field that case
     * allocates nothing (a ring per delivery was the largest allocation site in workload 3 of
     * docs/BENCHMARKS.md). A second line moves it into a new ring.
     */
    private byte[] single;
    private int head;
    private int count;
    /** Bytes of the oldest queued array ({@code single} or {@code ring[head]}) already written. */
    private int headOffset;
    private long queuedBytes;
    /** Every link's queued bytes together; this queue adds and takes away its own. */
    private final QueueTotal total;
    /** The last write did not take everything offered: the peer's socket buffers are full. */
    private boolean socketFull;

    SendQueue(QueueTotal total) {
        this.total = total;
    }

    /** A queue counted on its own (tests). */
    SendQueue() {
        this(new QueueTotal());
    }

    /**
     * True when the most recent write found the socket full (it took less than was offered) and
     * nothing since has been taken whole: the peer is not reading as fast as we write. False
     * while every write is taken whole, however much is queued: then only the per-turn write
     * budget holds the queue back, and the peer is draining.
     */
    boolean socketFull() {
        return socketFull;
    }

    long queuedBytes() {
        return queuedBytes;
    }

    boolean isEmpty() {
        return count == 0;
    }

    /** Queues {@code bytes}, which must not change afterwards (it may be queued for others too). */
    void add(byte[] bytes) {
        if (ring == null && count == 0) {
            single = bytes;
        } else {
            if (ring == null) {
                ring = new byte[INITIAL_CAPACITY][];
                ring[0] = single;
                single = null;
                head = 0;
            } else if (count == ring.length) {
                grow();
            }
            ring[(head + count) & (ring.length - 1)] = bytes;
        }
        count++;
        queuedBytes += bytes.length;
        total.add(bytes.length);
    }

    private void grow() {
        byte[][] larger = new byte[ring.length * 2][];
        for (int i = 0; i < count; i++) {
            larger[i] = ring[(head + i) & (ring.length - 1)];
        }
        ring = larger;
        head = 0;
    }

    /** The {@code i}-th queued array, oldest first. */
    private byte[] at(int i) {
        return ring == null ? single : ring[(head + i) & (ring.length - 1)];
    }

    /** Gives the ring back when nothing is queued; the sweep calls it for connections gone quiet. */
    void releaseIfEmpty() {
        if (count == 0) {
            ring = null;
        }
    }

    /**
     * Drops everything not yet started, keeping a partly written line whole so the next line
     * (an ERROR) is not glued into the middle of it.
     */
    void dropUnstarted() {
        if (count == 0) {
            return;
        }
        byte[] started = headOffset > 0 ? at(0) : null;
        int startedOffset = headOffset;
        total.add(-queuedBytes);
        if (ring != null) {
            Arrays.fill(ring, null);
        }
        single = null;
        head = 0;
        count = 0;
        headOffset = 0;
        queuedBytes = 0;
        if (started != null) {
            add(started);
            headOffset = startedOffset;
            queuedBytes = started.length - startedOffset;
            total.add(-startedOffset);
        }
    }

    /** Forgets everything, the line in flight too: the link is closed and nothing more will be written. */
    void clear() {
        dropUnstarted();
        total.add(-queuedBytes);
        queuedBytes = 0;
        single = null;
        ring = null;
        count = 0;
        head = 0;
        headOffset = 0;
    }

    /**
     * Writes up to about {@code maxBytes}; returns the bytes written. Stops when the socket is full.
     * {@code stage} is the loop's staging area (one per loop, not one per connection); its contents
     * do not survive the call.
     */
    long writeTo(Transport channel, long maxBytes, WriteStage stage) throws IOException {
        long sent = 0;
        while (count > 0 && sent < maxBytes) {
            int staged = fill(stage.bytes, (int) Math.min(stage.capacity(), maxBytes - sent));
            int written = stage.write(channel, staged);
            sent += written;
            consume(written);
            socketFull = written < staged;
            if (socketFull) {
                break; // the socket is full; the writable event brings us back
            }
        }
        if (count == 0) {
            head = 0;
            headOffset = 0;
            if (ring != null && ring.length <= KEPT_CAPACITY) {
                ring = null;
            }
        }
        return sent;
    }

    /** Copies queued bytes, oldest first, into {@code target} until {@code limit} bytes or the queue's end; returns the count. */
    private int fill(byte[] target, int limit) {
        int filled = 0;
        int offset = headOffset;
        for (int i = 0; i < count && filled < limit; i++) {
            byte[] bytes = at(i);
            int length = Math.min(bytes.length - offset, limit - filled);
            System.arraycopy(bytes, offset, target, filled, length);
            filled += length;
            offset = 0;
        }
        return filled;
    }

    /** Forgets {@code written} bytes from the front of the queue. */
    private void consume(int written) {
        queuedBytes -= written;
        total.add(-written);
        int left = written;
        while (left > 0) {
            int rest = at(0).length - headOffset;
            if (left < rest) {
                headOffset += left;
                return;
            }
            left -= rest;
            if (ring == null) {
                single = null;
            } else {
                ring[head] = null;
                head = (head + 1) & (ring.length - 1);
            }
            count--;
            headOffset = 0;
        }
    }
}
