package chat.server;

import chat.protocol.DecodedLine;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Reading: bytes into lines, lines through flood control and fairness to the {@link LineRouter}.
 * A connection gets at most {@link #LINES_PER_TURN} lines handled per loop turn; the rest wait in
 * its backlog (in order), as do lines that exceed its flood budget. Too many lines waiting for
 * flood tokens disconnects the client; without flood control a long backlog pauses reading instead.
 */
final class LineIntake {
    private static final System.Logger LOG = System.getLogger(LineIntake.class.getName());
    static final int LINES_PER_TURN = 8;
    /** Without flood control, reading pauses while this many lines wait (back-pressure through TCP). */
    private static final int BACKLOG_PAUSE_LINES = 64;

    private final ChatState state;
    private final LineRouter router;
    private final Set<Connection> backlogged = new LinkedHashSet<>();

    LineIntake(ChatState state, LineRouter router) {
        this.state = state;
        this.router = router;
    }

    /** One read into the shared buffer, then as many lines as fairness and flood control allow. */
    void read(Connection connection, ByteBuffer buffer) {
        int count;
        try {
            count = connection.channel.read(buffer);
        } catch (IOException e) {
            connection.broken = true;
            connection.requestClose("Connection reset");
            return;
        }
        if (count < 0) {
            connection.requestClose("Connection closed");
            return;
        }
        buffer.flip();
        int handled = 0;
        DecodedLine line;
        while ((line = connection.decoder.next(buffer)) != null) {
            if (connection.isClosing()) {
                continue; // read away what is left; nothing more from this client counts
            }
            if (connection.backlogSize() == 0 && handled < LINES_PER_TURN && takeToken(connection)) {
                handle(connection, line);
                handled++;
            } else {
                if (connection.backlog == null) {
                    connection.backlog = new ArrayDeque<>();
                }
                connection.backlog.addLast(line);
            }
        }
        afterLines(connection);
    }

    /** Lets waiting lines through, a few per connection per turn. */
    void processBacklogs() {
        if (backlogged.isEmpty()) {
            return;
        }
        for (Connection connection : new ArrayList<>(backlogged)) {
            for (int handled = 0; handled < LINES_PER_TURN && connection.backlogSize() > 0
                    && !connection.isClosing() && takeToken(connection); handled++) {
                handle(connection, connection.backlog.pollFirst());
            }
            afterLines(connection);
            updateInterest(connection);
        }
    }

    private void afterLines(Connection connection) {
        int waiting = connection.backlogSize();
        if (waiting == 0 || connection.isClosing()) {
            connection.backlog = null;
            backlogged.remove(connection);
            return;
        }
        if (connection.flood != null && waiting > state.config.floodMaxDelayedLines()) {
            connection.backlog = null;
            backlogged.remove(connection);
            connection.requestClose("Excess Flood");
            return;
        }
        backlogged.add(connection);
    }

    private boolean takeToken(Connection connection) {
        return connection.flood == null || connection.flood.tryTake(state.nowMillis);
    }

    private void handle(Connection connection, DecodedLine line) {
        try {
            router.route(connection, line);
        } catch (RuntimeException unexpected) {
            LOG.log(Level.WARNING, "handling a line from " + connection + " failed; closing it", unexpected);
            connection.requestClose("Internal error");
        }
    }

    /** When the loop must look at the backlogs again: now, or when the first flood token arrives. */
    long nextDeadline() {
        long earliest = Long.MAX_VALUE;
        for (Connection connection : backlogged) {
            if (connection.flood == null) {
                return state.nowMillis;
            }
            earliest = Math.min(earliest, connection.flood.nextTokenAtMillis(state.nowMillis));
        }
        return earliest;
    }

    /**
     * Reads while the client's own output is under the soft limit (a client that does not read
     * our replies must not make us queue more of them) and its backlog allows; writes while
     * output is queued.
     */
    void updateInterest(Connection connection) {
        SelectionKey key = connection.key;
        if (connection.isClosed() || !key.isValid()) {
            return;
        }
        boolean readPaused = connection.isClosing()
                || connection.out.queuedBytes() > state.config.sendQueueSoftBytes()
                || (connection.flood == null && connection.backlogSize() >= BACKLOG_PAUSE_LINES);
        int ops = (readPaused ? 0 : SelectionKey.OP_READ) | (connection.out.isEmpty() ? 0 : SelectionKey.OP_WRITE);
        if (key.interestOps() != ops) {
            key.interestOps(ops);
        }
    }
}
