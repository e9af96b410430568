package chat.server.net;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * The loop's one staging area for socket writes (not one per connection): queued lines are gathered
 * into a heap array with {@code System.arraycopy}, then copied into native memory once per write.
 *
 * <p>Why two steps: putting each queued line into a direct buffer costs a native call per line
 * ({@code ByteBuffer.put(byte[])} ends in {@code Unsafe.copyMemory}, which the C1 compiler the
 * launcher uses does not inline, plus a {@code Class.isArray} JNI check); in the fan-out profile that
 * per-line copy was a fifth of the event loop's time. {@code System.arraycopy} is an intrinsic in
 * both compilers, so the per-line cost is now a plain memory copy and the native call happens once
 * per write.
 *
 * <p>A TLS transport gets the heap array itself: its engine reads the plaintext once to encrypt it
 * into a buffer of its own, so a copy into native memory first would be a copy for nothing (and
 * AES-GCM works on heap arrays directly, where a native source costs it another copy).
 */
final class WriteStage {
    final byte[] bytes;
    private final ByteBuffer direct;
    private final ByteBuffer heap;

    WriteStage(int capacityBytes) {
        this.bytes = new byte[capacityBytes];
        this.direct = ByteBuffer.allocateDirect(capacityBytes);
        this.heap = ByteBuffer.wrap(bytes);
    }

    int capacity() {
        return bytes.length;
    }

    /** Writes {@code bytes[0, length)} with one write; returns how many bytes the socket took. */
    int write(Transport channel, int length) throws IOException {
        if (channel.secure()) {
            heap.clear().limit(length);
            return channel.write(heap);
        }
        direct.clear();
        direct.put(bytes, 0, length);
        direct.flip();
        return channel.write(direct);
    }
}
