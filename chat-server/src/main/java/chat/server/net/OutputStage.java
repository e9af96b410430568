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

    /** Writes what the socket takes, up to the turn's budget; a failed write means the peer is gone. */
    void writeSome(Link link) {
        if (link.broken || link.out.isEmpty()) {
            return;
        }
        try {
            link.out.writeTo(link.transport, WRITE_BYTES_PER_TURN, stage);
        } catch (IOException e) {
            link.broken = true;
            link.out.dropUnstarted();
            link.requestClose("Connection reset");
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
