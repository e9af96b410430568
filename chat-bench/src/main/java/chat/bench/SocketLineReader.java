package chat.bench;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Reads one client's socket into a buffer shared by all clients and hands every whole line to
 * the dispatcher; only a partial line at the end is kept, by the client. Counts reads and bytes
 * and stamps each read's time, the arrival time of every line in it.
 */
final class SocketLineReader {
    /** What one read found. */
    enum Outcome { READ, END_OF_STREAM, LINE_TOO_LONG }

    private static final int BUFFER_BYTES = 64 * 1024;
    /** A partial line longer than this is not IRC (RFC 1459 caps lines at 512 bytes). */
    static final int MAX_CARRY_BYTES = 16 * 1024;

    private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES);
    private final long origin;
    long reads;
    long bytesRead;
    /** Nanoseconds since the run's origin when the last read returned. */
    long arrivalNanos;

    SocketLineReader(long origin) {
        this.origin = origin;
    }

    Outcome read(SimClient client, LineDispatcher dispatcher) throws IOException {
        buffer.clear();
        client.restoreCarry(buffer);
        int n = client.io.read(buffer);
        if (n < 0) {
            return Outcome.END_OF_STREAM;
        }
        reads++;
        bytesRead += n;
        // Stamped after the read: every byte in it had arrived by now, so latency is never
        // under-stated; the bench's own delay in getting to this socket is charged, not hidden.
        arrivalNanos = System.nanoTime() - origin;
        byte[] bytes = buffer.array();
        int end = buffer.position();
        int lineStart = 0;
        for (int newline; (newline = ByteScan.indexOfNewline(bytes, lineStart, end)) >= 0; lineStart = newline + 1) {
            dispatcher.dispatch(client, bytes, lineStart, newline);
            if (client.state == SimClient.State.CLOSED) {
                return Outcome.READ;
            }
        }
        if (end - lineStart > MAX_CARRY_BYTES) {
            return Outcome.LINE_TOO_LONG;
        }
        client.saveCarry(bytes, lineStart, end);
        return Outcome.READ;
    }
}
