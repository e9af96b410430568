package chat.server.net;

import chat.protocol.DecodedLine;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.function.BooleanSupplier;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reading: bytes into lines, lines through flood control and fairness to the link's session. A
 * link gets at most {@link #LINES_PER_TURN} lines handled per loop turn; the rest wait in its
 * backlog (in order), as do lines that exceed its flood budget. Too many lines waiting for flood
 * tokens drops the link; without flood control a long backlog pauses reading instead.
 */
final class InputStage {
    private static final System.Logger LOG = System.getLogger(InputStage.class.getName());
    static final int LINES_PER_TURN = 8;
    /** Without flood control, reading pauses while this many lines wait (back-pressure through TCP). */
    private static final int BACKLOG_PAUSE_LINES = 64;
    /**
     * After the peer's end of input, how long its waiting lines may take to be handled. Long enough
     * for a full flood backlog at the default rate (500 lines at 10/s); what is left then is dropped
     * and logged, so a peer that half-closes while never reading cannot hold its link forever.
     */
    static final long EOF_DRAIN_MILLIS = 60_000;

    private final LinkPolicy policy;
    private final LoopClock clock;
    private final Set<Link> backlogged = new LinkedHashSet<>();
    /** Links whose transport holds input the selector cannot report (TLS records already read off the socket). */
    private final Set<Link> rereads = new LinkedHashSet<>();

    private BooleanSupplier held = () -> false;

    void holdWhile(BooleanSupplier hold) {
        held = hold;
    }

    InputStage(LinkPolicy policy, LoopClock clock) {
        this.policy = policy;
        this.clock = clock;
    }

    /** One read into the shared buffer, then as many lines as fairness and flood control allow. */
    void read(Link link, ByteBuffer buffer) {
        int count;
        try {
            count = link.transport.read(buffer);
        } catch (IOException e) {
            link.broken = true;
            link.requestClose(TransportFailure.reason(e));
            return;
        }
        if (count < 0) {
            // End of input means "no more input", not "forget what came": lines that arrived before
            // it and still wait (flood control, fairness) are handled first, then the link closes.
            link.inputEnded = true;
            link.inputEndedAtMillis = clock.now();
            afterLines(link);
            return;
        }
        link.lastReadAtMillis = clock.now();
        buffer.flip();
        int handled = 0;
        DecodedLine line;
        while ((line = link.decoder.next(buffer)) != null) {
            if (link.isClosing()) {
                continue; // read away what is left; nothing more from this peer counts
            }
            if (link.backlogSize() == 0 && handled < LINES_PER_TURN && !link.overSoftLimit()
                    && !link.session().holdsInput() && takeToken(link)) {
                handle(link, line);
                handled++;
            } else {
                if (link.backlog == null) {
                    link.backlog = new ArrayDeque<>();
                }
                link.backlog.addLast(line);
            }
        }
        afterLines(link);
    }

    /** Lets waiting lines through, a few per link per turn. */
    void processBacklogs() {
        if (backlogged.isEmpty()) {
            return;
        }
        for (Link link : new ArrayList<>(backlogged)) {
            for (int handled = 0; handled < LINES_PER_TURN && link.backlogSize() > 0 && !link.isClosing()
                    && !link.overSoftLimit() && !link.session().holdsInput() && takeToken(link); handled++) {
                handle(link, link.backlog.pollFirst());
            }
            afterLines(link);
            updateInterest(link);
        }
    }

    private void afterLines(Link link) {
        int waiting = link.backlogSize();
        if (waiting == 0 || link.isClosing()) {
            link.backlog = null;
            backlogged.remove(link);
            if (link.inputEnded) {
                link.requestClose("Connection closed"); // everything it sent has been handled
            }
            return;
        }
        if (link.inputEnded && clock.now() - link.inputEndedAtMillis >= EOF_DRAIN_MILLIS) {
            LOG.log(Level.INFO, "closing " + link + ": " + waiting + " lines sent before its end of input were"
                    + " still waiting " + EOF_DRAIN_MILLIS / 1000 + " s later; dropped");
            link.backlog = null;
            backlogged.remove(link);
            link.requestClose("Connection closed");
            return;
        }
        if (link.flood != null && waiting > policy.floodMaxDelayedLines()) {
            link.backlog = null;
            backlogged.remove(link);
            link.requestClose("Excess Flood");
            return;
        }
        backlogged.add(link);
    }

    private boolean takeToken(Link link) {
        return link.flood == null || link.flood.tryTake(clock.now());
    }

    private void handle(Link link, DecodedLine line) {
        link.lineArrived(clock.now());
        try {
            link.session().onLine(line);
        } catch (RuntimeException unexpected) {
            LOG.log(Level.WARNING, "handling a line from " + link + " failed; closing it", unexpected);
            link.requestClose("Internal error");
        }
    }

    /** When the loop must look at the backlogs again: now, or when the first flood token arrives. */
    long nextDeadline() {
        if (!rereads.isEmpty()) {
            return clock.now();
        }
        long earliest = Long.MAX_VALUE;
        for (Link link : backlogged) {
            if (link.overSoftLimit()) {
                continue; // waits for its output to drain; the writable event wakes the loop
            }
            if (link.session().holdsInput()) {
                continue; // waits for an answer, which comes as a task and wakes the loop
            }
            if (link.flood == null) {
                return clock.now();
            }
            earliest = Math.min(earliest, link.flood.nextTokenAtMillis(clock.now()));
            if (link.inputEnded) {
                earliest = Math.min(earliest, link.inputEndedAtMillis + EOF_DRAIN_MILLIS);
            }
        }
        return earliest;
    }

    /**
     * Reads while the link's own output is under the soft limit (a peer that does not read our
     * replies must not make us queue more of them) and its backlog allows; writes while output is
     * queued.
     */
    void updateInterest(Link link) {
        if (link.isClosed()) {
            return;
        }
        boolean readPaused = link.isClosing() || link.inputEnded || link.overSoftLimit()
                || (link.flood == null && link.backlogSize() >= BACKLOG_PAUSE_LINES) || held.getAsBoolean();
        link.transport.setInterest(!readPaused, !link.isDrained());
        if (!readPaused && link.transport.hasBufferedInput()) {
            rereads.add(link);
        }
    }

    /** True when some link must be read again without a readable event. */
    boolean hasRereads() {
        return !rereads.isEmpty();
    }

    /** The links to read again now, as if the selector had reported them readable; the set starts empty again. */
    List<Link> takeRereads() {
        List<Link> due = new ArrayList<>(rereads);
        rereads.clear();
        return due;
    }

    void forget(Link link) {
        backlogged.remove(link);
        rereads.remove(link);
    }
}
