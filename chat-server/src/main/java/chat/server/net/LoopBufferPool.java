package chat.server.net;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import tlschannel.BufferAllocator;

/**
 * The TLS buffers of every link, lent out for the length of one read or write and given back
 * (tls-channel's "release buffers" mode): an idle TLS link holds none, and a busy loop does not
 * allocate a fresh 4-17 KiB array per read. Only the loop thread uses it, so it takes no lock.
 * tls-channel asks for a few sizes only (4 KiB doubling up to 17 KiB); each keeps a bounded stack.
 */
final class LoopBufferPool implements BufferAllocator {
    /** Per size: enough for a burst of busy links; past it, returned buffers are left to the collector. */
    static final int KEPT_PER_SIZE = 64;
    private static final int SIZES = 8;

    /** tls-channel's first request for a buffer of any kind (TlsChannelImpl.buffersInitialSize). */
    static final int FIRST_REQUEST_BYTES = 4096;
    /**
     * What the decrypted-input buffer starts at instead. tls-channel decrypts into the caller's
     * read buffer, but during the handshake into a buffer of its own, which it then keeps for the
     * life of the connection (only a read that spills into it gives it back): 4 KiB per idle link.
     * The handshake puts no application bytes there (the JDK's engine checks room for them only
     * once negotiated), and if a later read does spill, tls-channel doubles it to the size needed.
     */
    static final int PLAIN_START_BYTES = 128;

    private final int[] sizes = new int[SIZES];
    /** Bytes lent out and not yet given back, over all connections: what busy (or stuck) links hold. */
    private long lentBytes;
    @SuppressWarnings("unchecked")
    private final ArrayDeque<ByteBuffer>[] free = new ArrayDeque[SIZES];
    @Override
    public ByteBuffer allocate(int size) {
        ArrayDeque<ByteBuffer> stack = stackFor(size);
        ByteBuffer buffer = stack == null ? null : stack.pollFirst();
        if (buffer == null) {
            buffer = ByteBuffer.allocate(size);
        }
        lentBytes += buffer.capacity();
        return buffer;
    }

    @Override
    public void free(ByteBuffer buffer) {
        lentBytes -= buffer.capacity();
        ArrayDeque<ByteBuffer> stack = stackFor(buffer.capacity());
        if (stack != null && stack.size() < KEPT_PER_SIZE) {
            buffer.clear();
            stack.addFirst(buffer);
        }
    }

    /**
     * The allocator for decrypted input: as this pool, except that the first buffer of a
     * connection is small (see {@link #PLAIN_START_BYTES}).
     */
    BufferAllocator plainInput() {
        return new BufferAllocator() {
            @Override
            public ByteBuffer allocate(int size) {
                if (size != FIRST_REQUEST_BYTES) {
                    return LoopBufferPool.this.allocate(size);
                }
                lentBytes += PLAIN_START_BYTES;
                return ByteBuffer.allocate(PLAIN_START_BYTES);
            }

            @Override
            public void free(ByteBuffer buffer) {
                if (buffer.capacity() >= FIRST_REQUEST_BYTES) {
                    LoopBufferPool.this.free(buffer);
                } else {
                    lentBytes -= buffer.capacity(); // the small ones are left to the collector
                }
            }
        };
    }

    long lentBytes() {
        return lentBytes;
    }

    /** Buffers waiting to be lent again (tests). */
    int kept() {
        int count = 0;
        for (ArrayDeque<ByteBuffer> stack : free) {
            count += stack == null ? 0 : stack.size();
        }
        return count;
    }

    private ArrayDeque<ByteBuffer> stackFor(int size) {
        for (int i = 0; i < SIZES; i++) {
            if (sizes[i] == size) {
                return free[i];
            }
            if (sizes[i] == 0) {
                sizes[i] = size;
                free[i] = new ArrayDeque<>();
                return free[i];
            }
        }
        return null; // an unexpected size: lent without keeping
    }
}
