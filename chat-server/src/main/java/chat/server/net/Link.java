package chat.server.net;

import chat.protocol.DecodedLine;
import chat.protocol.IrcMessage;
import chat.protocol.LineDecoder;
import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayDeque;

/**
 * One connection's bytes in and out: its {@link Transport}, line decoder, send queue, flood
 * state, liveness times and the deferred close. Who is on the other end (nick, rooms) is the
 * {@link LinkSession}'s business, not the link's. Touched only by the loop thread. Idle links stay
 * small: the decoder holds no array while no partial line is pending, and the line backlog exists
 * only while lines wait.
 */
public final class Link {
    public static final String SENDQ_EXCEEDED = "SendQ exceeded";

    private final long id;
    final Transport transport;
    final LineDecoder decoder = new LineDecoder();
    final SendQueue out = new SendQueue();
    private final LinkHost host;
    private final LinkPolicy policy;
    private final long connectedAtMillis;
    /** What the per-address limits count this link under; null when exempt. */
    private final InetAddress addressKey;
    private LinkSession session;
    private WireFormat format = WireFormat.IRC;

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

    Link(long id, Transport transport, InetAddress addressKey, LinkHost host, LinkPolicy policy, long nowMillis) {
        this.id = id;
        this.addressKey = addressKey;
        this.transport = transport;
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

    public long queuedBytes() {
        return out.queuedBytes();
    }

    public void send(IrcMessage message) {
        enqueue(format.encode(message));
    }

    public void send(Outbound outbound) {
        enqueue(outbound.bytesFor(format));
    }

    /**
     * Queues ready bytes. Past the hard limit the peer is not reading: it is closed with
     * "SendQ exceeded" at the end of the turn, and nobody else waits for it.
     */
    public void enqueue(byte[] bytes) {
        if (closing || bytes.length == 0) {
            return;
        }
        if (out.queuedBytes() + bytes.length > policy.sendQueueHardBytes()) {
            requestClose(SENDQ_EXCEEDED);
            return;
        }
        boolean wasEmpty = out.isEmpty();
        out.add(bytes);
        if (wasEmpty) {
            host.flushSoon(this);
        }
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
        if (quitReason.equals(SENDQ_EXCEEDED)) {
            out.dropUnstarted(); // the peer is not reading; give the ERROR a chance to reach it
        }
        boolean wasEmpty = out.isEmpty();
        // Bypasses the hard limit on purpose: the last word must be queued even for a full queue.
        out.add(format.farewell(errorText));
        if (wasEmpty) {
            host.flushSoon(this);
        }
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
        return out.queuedBytes() > policy.sendQueueSoftBytes();
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
