package chat.server;

import chat.protocol.DecodedLine;
import chat.protocol.IrcMessage;
import chat.protocol.LineDecoder;
import chat.protocol.SessionKind;
import java.io.IOException;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * One client, attached to its selection key: decoder, send queue, registration state, deadlines.
 * Touched only by the loop thread. Idle connections stay small: the decoder holds no array while
 * no partial line is pending, and the line backlog exists only while lines wait.
 */
final class Connection {
    static final String SENDQ_EXCEEDED = "SendQ exceeded";

    final long id;
    final String peerAddress;
    final SocketChannel channel;
    final SelectionKey key;
    final LineDecoder decoder = new LineDecoder();
    final SendQueue out = new SendQueue();
    final long connectedAtMillis;
    final long signonEpochSeconds = System.currentTimeMillis() / 1000;
    private final ConnectionHost host;
    private final int hardLimitBytes;

    SessionKind kind;
    PlainTextSession plain;
    String nick;
    String user;
    String realName;
    String away;
    boolean registered;
    boolean capNegotiating;
    String passwordGiven;
    boolean invisible;
    final Set<Room> rooms = new LinkedHashSet<>(2);

    FloodBucket flood;
    ArrayDeque<DecodedLine> backlog;
    long lastLineAtMillis;
    long lastMessageAtMillis;
    long pingSentAtMillis;
    /** Set while the loop has this connection on its flush list, so it is listed once. */
    boolean flushScheduled;
    /** After leaving the chat: the time by which its last output must be gone. */
    long drainUntilMillis;
    /** A write failed: the peer is gone, nothing more can be written. */
    boolean broken;

    private String prefix;
    private String prefixNick;
    private String prefixUser;
    private boolean closing;
    private String closeReason;
    private boolean closed;

    Connection(long id, SocketChannel channel, SelectionKey key, String peerAddress, ConnectionHost host,
            int hardLimitBytes, long nowMillis) {
        this.id = id;
        this.channel = channel;
        this.key = key;
        this.peerAddress = peerAddress;
        this.host = host;
        this.hardLimitBytes = hardLimitBytes;
        this.connectedAtMillis = nowMillis;
        this.lastLineAtMillis = nowMillis;
        this.lastMessageAtMillis = nowMillis;
    }

    boolean isPlainText() {
        return kind == SessionKind.PLAIN_TEXT;
    }

    /** The nick for numerics: "*" until one is set (RFC 2812 leaves it to servers; all use "*"). */
    String nickOrStar() {
        return nick == null ? "*" : nick;
    }

    /** nick!user@host, the prefix of everything this client says. */
    String prefix() {
        // Built once per nick (or user) change rather than once per message: the fields are
        // assigned in several places, so the cache checks what it was built from instead.
        if (prefix == null || prefixNick != nick || prefixUser != user) {
            prefixNick = nick;
            prefixUser = user;
            prefix = nick + "!" + (user == null ? "~u" : user) + "@" + peerAddress;
        }
        return prefix;
    }

    void send(IrcMessage message) {
        send(new Outbound(message));
    }

    void send(Outbound outbound) {
        enqueue(outbound.bytesFor(this));
    }

    /**
     * Queues ready bytes. Past the hard limit the client is not reading: it is closed with
     * "SendQ exceeded" at the end of the turn, and nobody else waits for it.
     */
    void enqueue(byte[] bytes) {
        if (closing || bytes.length == 0) {
            return;
        }
        if (out.queuedBytes() + bytes.length > hardLimitBytes) {
            requestClose(SENDQ_EXCEEDED);
            return;
        }
        boolean wasEmpty = out.isEmpty();
        out.add(bytes);
        if (wasEmpty) {
            host.flushSoon(this);
        }
    }

    /** Closes at the end of the loop turn; others see {@code reason} as the QUIT, this client gets it as ERROR. */
    void requestClose(String reason) {
        requestClose(reason, reason);
    }

    /**
     * Asks for this connection to be closed at the end of the loop turn: {@code quitReason} is what
     * others see, {@code errorText} the ERROR line this client gets. Safe to call any number of times.
     */
    void requestClose(String quitReason, String errorText) {
        if (closing) {
            return;
        }
        closing = true;
        closeReason = quitReason;
        if (quitReason.equals(SENDQ_EXCEEDED)) {
            out.dropUnstarted(); // the client is not reading; give the ERROR a chance to reach it
        }
        boolean wasEmpty = out.isEmpty();
        // Bypasses the hard limit on purpose: the last word must be queued even for a full queue.
        String last = isPlainText() ? "*** " + errorText : "ERROR :" + errorText;
        out.add((last + "\r\n").getBytes(StandardCharsets.UTF_8));
        if (wasEmpty) {
            host.flushSoon(this);
        }
        host.closeSoon(this);
    }

    boolean isClosing() {
        return closing;
    }

    String closeReason() {
        return closeReason;
    }

    /** Closes the socket; the second and later calls do nothing. */
    void closeChannel() {
        if (closed) {
            return;
        }
        closed = true;
        key.cancel();
        try {
            channel.close();
        } catch (IOException ignored) {
            // Closing a socket the peer already dropped can fail; it is closed either way.
        }
    }

    boolean isClosed() {
        return closed;
    }

    int backlogSize() {
        return backlog == null ? 0 : backlog.size();
    }

    @Override
    public String toString() {
        return "#" + id + " " + peerAddress + (nick == null ? "" : " " + nick);
    }
}
