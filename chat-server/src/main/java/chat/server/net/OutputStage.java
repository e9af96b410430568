package chat.server.net;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Writing: links with newly queued output are listed once and written just before the loop
 * sleeps (Redis's "write before you wait"), so command code only ever queues. Each write is at
 * most {@link #WRITE_BYTES_PER_TURN}, so one fast reader cannot hold the loop for the others.
 */
final class OutputStage {
    private static final System.Logger LOG = System.getLogger(OutputStage.class.getName());
    /** Bytes written per link per writable event or flush: fairness between fast readers. */
    static final int WRITE_BYTES_PER_TURN = 64 * 1024;

    /** The one staging area every write goes through, as large as a turn's write budget. */
    private final WriteStage stage = new WriteStage(WRITE_BYTES_PER_TURN);
    private final List<Link> toFlush = new ArrayList<>();

    void flushSoon(Link link) {
        if (!link.flushScheduled) {
            link.flushScheduled = true;
            toFlush.add(link);
        }
    }

    /**
     * Writes what the socket takes, up to the turn's budget; a failed write means the peer is gone.
     * A pending streamed reply is produced just before and just after the write, only as far as
     * the refill mark, so a peer that does not read holds a refill's worth and never the whole reply.
     */
    void writeSome(Link link) {
        if (link.broken) {
            return;
        }
        refill(link);
        try {
            if (link.out.isEmpty()) {
                link.transport.flush(); // a TLS record the socket had no room for, or the handshake's next step
                return;
            }
            link.out.writeTo(link.transport, WRITE_BYTES_PER_TURN, stage);
        } catch (IOException e) {
            link.broken = true;
            link.out.dropUnstarted();
            link.requestClose(TransportFailure.reason(e));
            return;
        }
        refill(link);
        if (link.overSoft && link.queuedBytes() <= link.policy.sendQueueSoftBytes()) {
            link.overSoft = false; // back under the soft limit: its clock stops ("continuously" past it)
        }
    }

    /** Tops the queue up from the link's pending streamed replies, to the refill mark. */
    private static void refill(Link link) {
        DeferredOutput deferred = link.deferred;
        if (deferred == null) {
            return;
        }
        try {
            if (deferred.moveInto(link.out, link.format, link.policy.streamRefillBytes())) {
                link.deferred = null;
            }
        } catch (RuntimeException unexpected) {
            LOG.log(System.Logger.Level.WARNING, "a streamed reply to " + link + " failed; closing it", unexpected);
            link.dropDeferred();
            link.requestClose("Internal error");
        }
    }

    /** Writes every listed link, then brings its read and write interest up to date. */
    void flushAll(InputStage input) {
        // By index: a failed write may request a close, which may add to this list while it runs.
        for (int i = 0; i < toFlush.size(); i++) {
            Link link = toFlush.get(i);
            link.flushScheduled = false;
            if (!link.isClosed()) {
                writeSome(link);
                input.updateInterest(link);
            }
        }
        toFlush.clear();
    }
}
