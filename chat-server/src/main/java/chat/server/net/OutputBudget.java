package chat.server.net;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The server's budget for queued output across all links, like Redis's {@code maxmemory-clients}:
 * per-link limits alone let a thousand peers that never read hold a thousand full queues (an
 * attacker held 388 MB this way, and the server died of OutOfMemoryError). Past the budget, the
 * links with the largest queues go first, with {@code ERROR :Server output budget exceeded}, until
 * the total is back within it: a bystander with a small queue is never chosen while a larger one
 * is left. Links whose socket is full (not reading) go before links that are draining, so a fast
 * reader in the middle of a burst is the last to be chosen.
 */
final class OutputBudget {
    private static final System.Logger LOG = System.getLogger(OutputBudget.class.getName());
    /** Not reading first, then the largest queue. */
    private static final Comparator<Link> EVICTION_ORDER = Comparator
            .comparing((Link link) -> !link.out.socketFull())
            .thenComparing(Comparator.comparingLong(Link::queuedBytes).reversed());

    /**
     * Dropping stops at 7/8 of the budget, not at the budget: streamed replies refill a little
     * every turn, and without the margin a total hovering at the line would cost one link per turn.
     */
    private static final int TARGET_EIGHTHS = 7;
    /** The warning is written at most this often; each drop is also logged (at INFO) by the closer. */
    private static final long WARNING_INTERVAL_MILLIS = 60_000;

    private final QueueTotal total;
    private final long limitBytes;
    private final long targetBytes;
    private final LinkTable links;
    private final LoopClock clock;
    private long lastWarningAtMillis = Long.MIN_VALUE;
    private long droppedSinceWarning;

    OutputBudget(QueueTotal total, long limitBytes, LinkTable links, LoopClock clock) {
        this.total = total;
        this.limitBytes = limitBytes;
        this.targetBytes = limitBytes / 8 * TARGET_EIGHTHS;
        this.links = links;
        this.clock = clock;
    }

    /** Once a turn: one comparison while within the budget; past it, drops links until under the target. */
    void enforce() {
        if (total.bytes() <= limitBytes) {
            return;
        }
        long before = total.bytes();
        List<Link> candidates = new ArrayList<>();
        for (Link link : links.all()) {
            if (!link.isClosing() && link.queuedBytes() > 0) {
                candidates.add(link);
            }
        }
        candidates.sort(EVICTION_ORDER);
        for (int i = 0; i < candidates.size() && total.bytes() > targetBytes; i++) {
            candidates.get(i).requestClose(Link.OUTPUT_BUDGET_EXCEEDED); // frees its queue at once
            droppedSinceWarning++;
        }
        long now = clock.now();
        if (lastWarningAtMillis == Long.MIN_VALUE || now - lastWarningAtMillis >= WARNING_INTERVAL_MILLIS) {
            long dropped = droppedSinceWarning;
            LOG.log(Level.WARNING, () -> "output budget of " + limitBytes + " bytes exceeded (" + before
                    + " queued): dropped " + dropped + " links with the largest queues since the last warning, "
                    + total.bytes() + " bytes left");
            lastWarningAtMillis = now;
            droppedSinceWarning = 0;
        }
    }
}
