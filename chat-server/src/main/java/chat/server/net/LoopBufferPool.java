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

    private final int[] sizes = new int[SIZES];
    @SuppressWarnings("unchecked")
    private final ArrayDeque<ByteBuffer>[] free = new ArrayDeque[SIZES];
    @Override
    public ByteBuffer allocate(int size) {
        ArrayDeque<ByteBuffer> stack = stackFor(size);
        ByteBuffer buffer = stack == null ? null : stack.pollFirst();
        return buffer != null ? buffer : ByteBuffer.allocate(size);
    }

    @Override
    public void free(ByteBuffer buffer) {
        ArrayDeque<ByteBuffer> stack = stackFor(buffer.capacity());
        if (stack != null && stack.size() < KEPT_PER_SIZE) {
            buffer.clear();
            stack.addFirst(buffer);
        }
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
