package chat.client.net;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The lines waiting to be written, in two lanes. Protocol traffic (registration, PONG) goes at
 * once. The user's lines wait until registration is done (the gate), then go in order at the
 * {@link SendPacer}'s pace; they survive a reconnect, so what was typed while the connection was
 * down is delivered after it comes back. The last line (the QUIT) closes the lane behind it.
 * Other threads add; only the network thread moves lines out.
 */
public final class OutgoingLines {
    /** One queued line; the last one ends the session once written; onSent runs when it goes out. */
    private record Line(byte[] bytes, boolean last, Runnable onSent) {
    }

    private final ConcurrentLinkedQueue<byte[]> urgent = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Line> paced = new ConcurrentLinkedQueue<>();
    private final SendPacer pacer;
    private boolean gateOpen;
    private boolean lastMoved;

    OutgoingLines(SendPacer pacer) {
        this.pacer = pacer;
    }

    void addUrgent(byte[] line) {
        urgent.add(line);
    }

    void addPaced(byte[] line, boolean last, Runnable onSent) {
        paced.add(new Line(line, last, onSent));
    }

    /** Registration is done: the user's lines may flow (network thread). */
    void openGate() {
        gateOpen = true;
    }

    /** The connection is gone: protocol lines for it are void, the user's lines wait for the next one. */
    void disconnected() {
        urgent.clear();
        gateOpen = false;
        lastMoved = false;
    }

    /** Moves every line that may go now onto the write queue. */
    void moveReady(ArrayDeque<ByteBuffer> writing, long nowNanos) {
        byte[] next;
        while ((next = urgent.poll()) != null) {
            writing.add(ByteBuffer.wrap(next));
        }
        while (gateOpen && !lastMoved && !paced.isEmpty() && pacer.waitNanos(nowNanos) == 0) {
            Line line = paced.poll();
            pacer.take(nowNanos);
            writing.add(ByteBuffer.wrap(line.bytes()));
            lastMoved = line.last();
            line.onSent().run();
        }
    }

    /** How many of the user's lines wait (any thread; the queue counts them as it walks it). */
    int waiting() {
        return paced.size();
    }

    /** True once the last line has been handed to the write queue. */
    boolean lastMoved() {
        return lastMoved;
    }

    /** When the next paced line may go, or Long.MAX_VALUE when none is waiting to. */
    long nextPacedNanos(long nowNanos) {
        return gateOpen && !lastMoved && !paced.isEmpty() ? nowNanos + pacer.waitNanos(nowNanos) : Long.MAX_VALUE;
    }
}
