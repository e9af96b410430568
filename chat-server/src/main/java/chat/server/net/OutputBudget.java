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

    private final QueueTotal total;
    private final long limitBytes;
    private final LinkTable links;

    OutputBudget(QueueTotal total, long limitBytes, LinkTable links) {
        this.total = total;
        this.limitBytes = limitBytes;
        this.links = links;
    }

    /** Once a turn: one comparison while within the budget; past it, drops links until within. */
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
        int dropped = 0;
        for (int i = 0; i < candidates.size() && total.bytes() > limitBytes; i++) {
            candidates.get(i).requestClose(Link.OUTPUT_BUDGET_EXCEEDED); // frees its queue at once
            dropped++;
        }
        int count = dropped;
        LOG.log(Level.WARNING, () -> "output budget of " + limitBytes + " bytes exceeded (" + before
                + " queued): dropped " + count + " links with the largest queues, " + total.bytes() + " bytes left");
    }
}
