package chat.server.net;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

/**
 * What to do when accept() fails, typically because the process is out of file descriptors
 * (EMFILE). The listener stays ready while connections wait, so without care the loop would spin
 * on it; and the waiting clients would hang with no answer. So: a spare descriptor (a pipe) is
 * held from the start; on failure it is given up for one accept, that client gets
 * {@code ERROR :Server full} and is closed, and accepting pauses briefly before the next try.
 * The same trick as libuv's and nginx's reserve descriptor.
 */
final class AcceptGuard {
    private static final System.Logger LOG = System.getLogger(AcceptGuard.class.getName());
    static final long PAUSE_MILLIS = 100;

    private final SelectionKey listenerKey;
    private final byte[] refusal;
    private Pipe spare;
    private long pausedUntilMillis = Long.MAX_VALUE;
    private long failures;

    AcceptGuard(SelectionKey listenerKey, byte[] refusal) {
        this.listenerKey = listenerKey;
        this.refusal = refusal;
        this.spare = openSpare();
    }

    /** accept() threw: refuse one waiting client with the spare descriptor, then stop accepting for a moment. */
    void acceptFailed(IOException cause, long nowMillis) {
        if (failures++ % 1000 == 0) {
            LOG.log(Level.WARNING, "accept failed (" + failures + " times so far): " + cause.getMessage());
        }
        refuseOneWithSpare();
        if (listenerKey.isValid()) {
            listenerKey.interestOps(0);
        }
        pausedUntilMillis = nowMillis + PAUSE_MILLIS;
    }

    /** Accepting again once the pause is over (and the spare descriptor back if it can be had). */
    void resumeIfDue(long nowMillis) {
        if (nowMillis < pausedUntilMillis) {
            return;
        }
        pausedUntilMillis = Long.MAX_VALUE;
        if (spare == null) {
            spare = openSpare();
        }
        if (listenerKey.isValid()) {
            listenerKey.interestOps(SelectionKey.OP_ACCEPT);
        }
    }

    long nextDeadline() {
        return pausedUntilMillis;
    }

    private void refuseOneWithSpare() {
        if (spare == null) {
            return;
        }
        close(spare);
        spare = null;
        try {
            SocketChannel refused = ((ServerSocketChannel) listenerKey.channel()).accept();
            if (refused != null) {
                refused.configureBlocking(false);
                refused.write(ByteBuffer.wrap(refusal)); // best effort; the socket buffer is empty
                refused.close();
            }
        } catch (IOException stillFailing) {
            // Nothing more to do; the pause below keeps the loop from spinning.
        }
        spare = openSpare();
    }

    private static Pipe openSpare() {
        try {
            return Pipe.open();
        } catch (IOException e) {
            return null; // out of descriptors already; try again after the next pause
        }
    }

    private static void close(Pipe pipe) {
        try {
            pipe.source().close();
            pipe.sink().close();
        } catch (IOException ignored) {
            // Giving the descriptors back is all that matters.
        }
    }

    void close() {
        if (spare != null) {
            close(spare);
            spare = null;
        }
    }
}
