package chat.server.net;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The end of links, deferred to the end of the loop turn (never in the middle of a broadcast):
 * the session leaves the chat (others see the QUIT), the last output gets a short time to drain,
 * then the transport closes. Also graceful shutdown, which is the same for everyone at once.
 */
final class Closer {
    private static final System.Logger LOG = System.getLogger(Closer.class.getName());
    /** How long a leaving link's last lines (ERROR, and at shutdown everything queued) may take. */
    static final long DRAIN_MILLIS = 2_000;
    /** How often draining links are looked at while some remain. */
    private static final long DRAIN_CHECK_MILLIS = 50;

    private final LinkTable links;
    private final LoopClock clock;
    private final List<Link> toClose = new ArrayList<>();
    private final Set<Link> draining = new LinkedHashSet<>();
    private final LogThrottle logThrottle = new LogThrottle();
    private boolean shuttingDown;
    private long shutdownDeadlineMillis;

    Closer(LinkTable links, LoopClock clock) {
        this.links = links;
        this.clock = clock;
    }

    void closeSoon(Link link) {
        toClose.add(link);
    }

    boolean hasPending() {
        return !toClose.isEmpty();
    }

    /** Takes every link asked to close this turn out of the chat; their transports close once drained. */
    void leaveChat(InputStage input) {
        while (!toClose.isEmpty()) {
            List<Link> batch = new ArrayList<>(toClose);
            toClose.clear();
            for (Link link : batch) {
                leaveChat(link, input);
            }
        }
    }

    private void leaveChat(Link link, InputStage input) {
        if (!links.remove(link)) {
            return;
        }
        input.forget(link);
        link.session().onClose(link.closeReason(), !shuttingDown);
        String note = logThrottle.admit(link.peerAddress(), clock.now());
        if (note != null) {
            LOG.log(Level.INFO, "closing " + link + ": " + LogThrottle.quote(link.closeReason()) + note);
        }
        // Also after "SendQ exceeded": requestClose has already cut the queue down to the line in
        // flight plus the ERROR, so draining costs at most a line, and a reader that wakes up in
        // time gets a whole last line and the reason instead of half a line and a bare FIN.
        link.drainUntilMillis = shuttingDown ? shutdownDeadlineMillis : clock.now() + DRAIN_MILLIS;
        draining.add(link);
    }

    /** Closes the transports whose output is gone or whose drain time is up. */
    void closeDrained() {
        if (draining.isEmpty()) {
            return;
        }
        for (Link link : new ArrayList<>(draining)) {
            if (link.broken || link.isDrained() || clock.now() >= link.drainUntilMillis) {
                draining.remove(link);
                link.closeGracefully();
            }
        }
    }

    void beginShutdown() {
        shuttingDown = true;
        shutdownDeadlineMillis = clock.now() + DRAIN_MILLIS;
        for (Link link : links.snapshot()) {
            link.requestClose("Server shutting down");
        }
    }

    boolean shuttingDown() {
        return shuttingDown;
    }

    boolean shutdownComplete() {
        return shuttingDown && ((links.isEmpty() && draining.isEmpty()) || clock.now() >= shutdownDeadlineMillis);
    }

    long nextDeadline() {
        return draining.isEmpty() ? Long.MAX_VALUE : clock.now() + DRAIN_CHECK_MILLIS;
    }

    void closeAll() {
        for (Link link : links.all()) {
            link.closeNow();
        }
        for (Link link : draining) {
            link.closeNow();
        }
        draining.clear();
    }
}
