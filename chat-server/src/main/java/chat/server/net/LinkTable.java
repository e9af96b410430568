package chat.server.net;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Every open link (until it starts closing), for counts, the sweep and shutdown. */
public final class LinkTable {
    private final Set<Link> links = new HashSet<>();
    /** Queued output of every link, closing ones included (their queues are still held). */
    final QueueTotal queued = new QueueTotal();

    public LinkTable() {
    }

    void add(Link link) {
        links.add(link);
    }

    boolean remove(Link link) {
        return links.remove(link);
    }

    /** Bytes queued for output on all links together, those still draining included (for /stats). */
    public long queuedBytes() {
        return queued.bytes();
    }

    public int size() {
        return links.size();
    }

    boolean isEmpty() {
        return links.isEmpty();
    }

    /** A read-only view; do not hold it across loop turns. */
    public Collection<Link> all() {
        return Collections.unmodifiableSet(links);
    }

    List<Link> snapshot() {
        return new ArrayList<>(links);
    }
}
