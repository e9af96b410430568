package chat.server;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The end of connections: leaving the chat (others see the QUIT), a short time for the last output
 * to drain, then the socket closes. Also graceful shutdown, which is the same for everyone at once.
 */
final class Closer {
    private static final System.Logger LOG = System.getLogger(Closer.class.getName());
    /** Bytes written per connection per writable event or flush: fairness between fast readers. */
    static final long WRITE_BYTES_PER_TURN = 64 * 1024;
    /** How long a leaving client's last lines (ERROR, and at shutdown everything queued) may take. */
    static final long DRAIN_MILLIS = 2_000;
    private static final int DISCARD_READS = 4;

    private final ChatState state;
    private final Set<Connection> draining = new LinkedHashSet<>();
    /** The one staging area every write goes through, as large as a turn's write budget. */
    private final WriteStage stage = new WriteStage((int) WRITE_BYTES_PER_TURN);
    private boolean shuttingDown;
    private long shutdownDeadlineMillis;

    Closer(ChatState state) {
        this.state = state;
    }

    void writeSome(Connection connection) {
        if (connection.broken || connection.out.isEmpty()) {
            return;
        }
        try {
            connection.out.writeTo(connection.channel, WRITE_BYTES_PER_TURN, stage);
        } catch (IOException e) {
            connection.broken = true;
            connection.out.dropUnstarted();
            connection.requestClose("Connection reset");
        }
    }

    /** Takes a closing connection out of rooms and registries; its socket closes once drained. */
    void leaveChat(Connection connection) {
        if (!state.connections.remove(connection)) {
            return;
        }
        state.quit(connection, connection.closeReason(), !shuttingDown);
        LOG.log(Level.INFO, "closing " + connection + ": " + connection.closeReason());
        // Also after "SendQ exceeded": requestClose has already cut the queue down to the line in
        // flight plus the ERROR, so draining costs at most a line, and a reader that wakes up in
        // time gets a whole last line and the reason instead of half a line and a bare FIN.
        connection.drainUntilMillis = shuttingDown ? shutdownDeadlineMillis : state.nowMillis + DRAIN_MILLIS;
        draining.add(connection);
    }

    /** Closes the sockets whose output is gone or whose drain time is up. */
    void closeDrained() {
        if (draining.isEmpty()) {
            return;
        }
        for (Connection connection : new ArrayList<>(draining)) {
            if (connection.broken || connection.out.isEmpty() || state.nowMillis >= connection.drainUntilMillis) {
                draining.remove(connection);
                closeFinally(connection);
            }
        }
    }

    /**
     * Ends the stream gracefully: FIN after our last byte, and unread input is read away first so
     * the kernel does not answer it with a reset that could destroy our ERROR line in flight.
     */
    private void closeFinally(Connection connection) {
        if (!connection.broken) {
            try {
                connection.channel.shutdownOutput();
                ByteBuffer discard = ByteBuffer.allocate(4096);
                for (int i = 0; i < DISCARD_READS && connection.channel.read(discard) > 0; i++) {
                    discard.clear();
                }
            } catch (IOException ignored) {
                // The peer is gone already; closing is all that is left.
            }
        }
        connection.closeChannel();
    }

    void beginShutdown() {
        shuttingDown = true;
        shutdownDeadlineMillis = state.nowMillis + DRAIN_MILLIS;
        for (Connection connection : new ArrayList<>(state.connections)) {
            connection.requestClose("Server shutting down");
        }
    }

    boolean shuttingDown() {
        return shuttingDown;
    }

    boolean shutdownComplete() {
        return shuttingDown && ((state.connections.isEmpty() && draining.isEmpty())
                || state.nowMillis >= shutdownDeadlineMillis);
    }

    long nextDeadline() {
        return draining.isEmpty() ? Long.MAX_VALUE : state.nowMillis + 50;
    }

    void closeAll() {
        for (Connection connection : state.connections) {
            connection.closeChannel();
        }
        for (Connection connection : draining) {
            connection.closeChannel();
        }
        state.connections.clear();
        draining.clear();
    }

    void closeQuietly(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // Nothing was built on it yet.
        }
    }
}
