package chat.server.net;

/**
 * Deadlines without timer threads: the loop sleeps in select() no longer than until the next
 * sweep, and a sweep lets every link's session check its registration and ping deadlines, and
 * gives back send-queue memory of links gone quiet.
 */
final class Sweeper {
    /**
     * A line begun and not finished for this long ends the connection. nc and telnet send a line
     * when Enter is pressed, so a partial line that stays is a client stuck or holding the socket
     * on purpose (a registered slowloris); a user idle between lines is never affected.
     */
    static final long UNFINISHED_LINE_MILLIS = 120_000;

    private final LinkTable links;
    private final LoopClock clock;
    private final long intervalMillis;
    private long nextSweepAtMillis;

    Sweeper(LinkTable links, LoopClock clock, long intervalMillis) {
        this.links = links;
        this.clock = clock;
        this.intervalMillis = intervalMillis;
        this.nextSweepAtMillis = clock.now() + intervalMillis;
    }

    long nextDeadline() {
        return nextSweepAtMillis;
    }

    /**
     * Redis's soft output limit: a queue past the soft limit without a break for the soft time is
     * dropped. A fast reader in a burst is back under it within milliseconds; a peer that stopped
     * reading never is. Checked once a sweep, so the drop comes up to one sweep late.
     */
    private void checkSoftLimit(Link link, long now) {
        LinkPolicy policy = link.policy;
        if (!link.overSoft) {
            if (link.queuedBytes() > policy.sendQueueSoftBytes()) {
                link.startSoftClock(); // grown by replies held behind a stream, which do not pass Link.queue
            }
        } else if (now - link.overSoftSinceMillis >= policy.sendQueueSoftMillis()) {
            link.requestClose(Link.SENDQ_EXCEEDED);
        }
    }

    /**
     * A TLS handshake must end within the policy's time: a peer that stalls half-way, or sends
     * nothing, holds a descriptor and buffers. Dropped without a farewell (it could not be read).
     */
    private static void checkHandshake(Link link, long now) {
        if (now - link.connectedAtMillis() >= link.policy.handshakeTimeoutMillis()) {
            link.transport.handshakeTimedOut();
            link.broken = true; // nothing can be written to it: close at once, without draining
            link.requestClose("TLS handshake timed out");
        }
    }

    void fireDue() {
        long now = clock.now();
        if (now < nextSweepAtMillis) {
            return;
        }
        nextSweepAtMillis = now + intervalMillis;
        for (Link link : links.all()) { // sessions only schedule closes here, so no copy is needed
            link.out.releaseIfEmpty();
            if (link.isClosing()) {
                continue;
            }
            if (link.transport.handshaking()) {
                checkHandshake(link, now);
                continue; // nothing else can have happened on a link that cannot speak yet
            }
            checkSoftLimit(link, now);
            if (link.isClosing()) {
                continue;
            }
            if (link.decoder.hasPartialLine() && now - link.lastReadAtMillis >= UNFINISHED_LINE_MILLIS) {
                link.requestClose("Unfinished line timed out");
                continue;
            }
            link.session().onSweep(now);
        }
    }
}
