package chat.server.net;

import chat.protocol.DecodedLine;
import chat.protocol.IrcMessage;
import chat.protocol.LineDecoder;
import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayDeque;
import java.util.Optional;

/**
 * One connection's bytes in and out: its {@link Transport}, line decoder, send queue, flood
 * state, liveness times and the deferred close. Who is on the other end (nick, rooms) is the
 * {@link LinkSession}'s business, not the link's. Touched only by the loop thread. Idle links stay
 * small: the decoder holds no array while no partial line is pending, and the line backlog exists
 * only while lines wait.
 */
public final class Link {
    public static final String SENDQ_EXCEEDED = "SendQ exceeded";
    /** Dropped to keep every link's queued output together within the server's budget. */
    public static final String OUTPUT_BUDGET_EXCEEDED = "Server output budget exceeded";

    private final long id;
    final Transport transport;
    final LineDecoder decoder = new LineDecoder();
    final SendQueue out;
    private final QueueTotal total;
    private final LinkHost host;
    final LinkPolicy policy;
    private final long connectedAtMillis;
    /** What the per-address limits count this link under; null when exempt. */
    private final InetAddress addressKey;
    private LinkSession session;
    WireFormat format = WireFormat.IRC;
    /** Replies waiting behind a streamed reply; null unless one is pending (see OutputStage.refill). */
    DeferredOutput deferred;
    /** Queued output is past the soft limit, without a break since {@link #overSoftSinceMillis}. */
    boolean overSoft;
    long overSoftSinceMillis;

    FloodBucket flood;
    ArrayDeque<DecodedLine> backlog;
    private long lastLineAtMillis;
    private long pingSentAtMillis;
    /** Set while the loop has this link on its flush list, so it is listed once. */
    boolean flushScheduled;
    /** After leaving the chat: the time by which its last output must be gone. */
    long drainUntilMillis;
    /** A write or read failed: the peer is gone, nothing more can be written. */
    boolean broken;
    /**
     * The peer closed its direction (read returned -1): nothing more will arrive, but the lines that
     * did are still handled, in order and at the flood rate, before the link closes.
     */
    boolean inputEnded;
    /** When the input ended; lines still waiting at {@link InputStage#EOF_DRAIN_MILLIS} after it are dropped. */
    long inputEndedAtMillis;
    /** When bytes last arrived, for the unfinished-line deadline. */
    long lastReadAtMillis;

    private boolean closing;
    private String closeReason;
    private boolean closed;

    Link(long id, Transport transport, InetAddress addressKey, LinkHost host, LinkPolicy policy, QueueTotal total,
            long nowMillis) {
        this.id = id;
        this.addressKey = addressKey;
        this.transport = transport;
        this.total = total;
        this.out = new SendQueue(total);
        this.host = host;
        this.policy = policy;
        this.connectedAtMillis = nowMillis;
        this.lastLineAtMillis = nowMillis;
        this.lastReadAtMillis = nowMillis;
    }

    public long id() {
        return id;
    }

    public String peerAddress() {
        return transport.peerAddress();
    }

    /** True when the peer is connected over TLS. */
    public boolean secure() {
        return transport.secure();
    }

    /** SHA-256 of the peer's TLS client certificate (lower-case hex, no colons); empty without one. */
    public Optional<String> peerCertificateFingerprint() {
        return transport.peerCertificateFingerprint();
    }

    public long connectedAtMillis() {
        return connectedAtMillis;
    }

    InetAddress addressKey() {
        return addressKey;
    }

    public LinkSession session() {
        return session;
    }

    void attach(LinkSession newSession) {
        this.session = newSession;
    }

    /** From now on a line may carry an IRCv3 tag section of up to 8191 bytes besides its 512 (message-tags). */
    public void allowMessageTags() {
        decoder.allowMessageTags();
    }

    /** The format lines are put into for this link; IRC until the session decides otherwise. */
    public void useFormat(WireFormat newFormat) {
        this.format = newFormat;
    }

    /** When the last line arrived; any line proves the peer is alive. */
    public long lastLineAtMillis() {
        return lastLineAtMillis;
    }

    /** When the server's unanswered PING was sent, 0 when none is pending. */
    public long pingSentAtMillis() {
        return pingSentAtMillis;
    }

    public void markPingSent(long nowMillis) {
        pingSentAtMillis = nowMillis;
    }

    void lineArrived(long nowMillis) {
        lastLineAtMillis = nowMillis;
        pingSentAtMillis = 0;
    }

    /** Extra flood tokens for a line that causes more work than one (LIST, WHO...); may go into debt. */
    public void chargeFlood(int tokens) {
        if (flood != null && tokens > 0) {
            flood.charge(tokens);
        }
    }

    /** Output waiting for this peer: the send queue and any replies held behind a streamed one. */
    public long queuedBytes() {
        return deferred == null ? out.queuedBytes() : out.queuedBytes() + deferred.bytes();
    }

    /**
     * A line relayed from someone else (a room or private message): straight into the queue, even
     * while a streamed reply is pending, so it may fall between two whole lines of that reply.
     */
    public void send(Outbound outbound) {
        queue(outbound.bytesFor(format));
    }

    /** A reply or notice to this peer, kept in order behind any streamed reply. */
    public void send(IrcMessage message) {
        enqueue(format.encode(message));
    }

    /** Ready bytes of a reply, kept in order behind any streamed reply. */
    public void enqueue(byte[] bytes) {
        if (deferred == null) {
            queue(bytes);
        } else if (!closing && bytes.length > 0) {
            deferred.add(bytes); // bounded: past the soft limit the peer is not read, so it asks no more
        }
    }

    /**
     * A long reply, produced as the peer drains its queue (see {@link ReplyStream}). Replies given
     * after it wait behind it; lines relayed from others do not.
     */
    public void stream(ReplyStream stream) {
        if (closing) {
            return;
        }
        if (deferred == null) {
            deferred = new DeferredOutput(total);
        }
        deferred.add(stream);
        host.flushSoon(this);
    }

    /** Queues ready bytes now; the one comparison on the relay path is with the soft limit. */
    private void queue(byte[] bytes) {
        if (closing || bytes.length == 0) {
            return;
        }
        if (out.queuedBytes() + bytes.length > policy.sendQueueSoftBytes() && !admitPastSoftLimit(bytes.length)) {
            return;
        }
        boolean wasEmpty = out.isEmpty();
        out.add(bytes);
        if (wasEmpty) {
            host.flushSoon(this);
        }
    }

    /**
     * Past the soft limit its clock starts (the sweep drops a link past it for the soft time). Past
     * the hard limit: dropped at once, but only while the socket is full. A peer whose every write
     * is taken whole is draining, held back only by the 64 KiB per-turn write budget, and a burst
     * from many senders must not cut it off; the soft time and the output budget still bound it.
     */
    private boolean admitPastSoftLimit(int length) {
        startSoftClock();
        if (queuedBytes() + length > policy.sendQueueHardBytes() && out.socketFull()) {
            requestClose(SENDQ_EXCEEDED);
            return false;
        }
        return true;
    }

    void startSoftClock() {
        if (!overSoft) {
            overSoft = true;
            overSoftSinceMillis = host.nowMillis();
        }
    }

    /** Nothing is left to write: the queue is empty and no streamed reply waits. */
    boolean isDrained() {
        return out.isEmpty() && deferred == null && !transport.hasPendingOutput();
    }

    /** Closes at the end of the loop turn; others see {@code reason} as the QUIT, this peer gets it as ERROR. */
    public void requestClose(String reason) {
        requestClose(reason, reason);
    }

    /**
     * Asks for this link to be closed at the end of the loop turn: {@code quitReason} is what
     * others see, {@code errorText} the last line this peer gets. Safe to call any number of times.
     */
    public void requestClose(String quitReason, String errorText) {
        if (closing) {
            return;
        }
        closing = true;
        closeReason = quitReason;
        if (quitReason.equals(SENDQ_EXCEEDED) || quitReason.equals(OUTPUT_BUDGET_EXCEEDED)) {
            // The peer is not reading, or its queue is what must go: give the ERROR a chance to reach it.
            dropDeferred();
            out.dropUnstarted();
        }
        // Bypasses the limits on purpose: the last word must be queued even for a full queue, and
        // after a pending streamed reply (which a leaving peer still gets for the drain time).
        byte[] farewell = format.farewell(errorText);
        if (deferred != null) {
            deferred.add(farewell);
        } else {
            out.add(farewell);
        }
        host.flushSoon(this);
        host.closeSoon(this);
    }

    public boolean isClosing() {
        return closing;
    }

    String closeReason() {
        return closeReason;
    }

    /** A queue past the soft limit: the peer is not reading its replies, so it is not read either. */
    boolean overSoftLimit() {
        return queuedBytes() > policy.sendQueueSoftBytes();
    }

    void dropDeferred() {
        if (deferred != null) {
            deferred.clear();
            deferred = null;
        }
    }

    int backlogSize() {
        return backlog == null ? 0 : backlog.size();
    }

    /** Ends the stream gracefully unless the peer is already gone, then releases the transport. */
    void closeGracefully() {
        if (!broken) {
            try {
                transport.shutdownOutput();
            } catch (IOException ignored) {
                // The peer is gone already; closing is all that is left.
            }
        }
        closeNow();
    }

    /** Releases the transport; the second and later calls do nothing. */
    void closeNow() {
        if (!closed) {
            closed = true;
            transport.close();
            dropDeferred(); // nothing more can be written; give the bytes back to the server's total
            out.clear();
            host.closed(this);
        }
    }

    boolean isClosed() {
        return closed;
    }

    @Override
    public String toString() {
        String who = session == null ? "" : session.toString();
        return "#" + id + " " + transport.peerAddress() + (who.isEmpty() ? "" : " " + who);
    }
}
