package chat.client.net;

import chat.protocol.Command;
import chat.protocol.DecodedLine;
import chat.protocol.IrcEncoder;
import chat.protocol.IrcMessage;
import chat.protocol.IrcParser;
import chat.protocol.MalformedMessageException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.PriorityQueue;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;

/**
 * The only thread that touches the socket. It connects without blocking, reads whole lines through
 * its {@link ServerLink}, hands parsed messages to its {@link NetworkListener}, and writes what other
 * threads queued (they call {@link #sendNow}/{@link #sendPaced}, which wake the selector). Timers
 * (connect and registration timeouts, reconnect delay, message pacing, the wait after QUIT) are
 * deadlines turned into the select timeout, so nothing here ever sleeps or blocks.
 *
 * <p>With TLS ({@link TlsOptions}) a connection counts as up only once the handshake is done and
 * {@link ServerTrust} accepted the certificate, on every reconnect alike. A certificate never seen
 * is put to the user ({@link CertificateQuestion}) while no connection is open; accepted, it is
 * saved and the loop connects again at once. A changed or wrongly pinned one ends the session.
 */
public final class NetworkLoop implements Runnable {
    private static final System.Logger LOG = System.getLogger(NetworkLoop.class.getName());
    private static final long CONNECT_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final long REGISTRATION_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(30);
    /** After QUIT, how long to wait for the server to close first (so the QUIT is surely read). */
    private static final long QUIT_WAIT_NANOS = TimeUnit.SECONDS.toNanos(2);
    /** Silence after which the client asks the server whether it is still there, and how long it waits for any answer. */
    private static final long QUIET_BEFORE_PING_NANOS = TimeUnit.SECONDS.toNanos(90);
    private static final long PING_ANSWER_WITHIN_NANOS = TimeUnit.SECONDS.toNanos(60);
    private static final long NONE = Long.MAX_VALUE;

    private final InetSocketAddress address;
    private final NetworkListener listener;
    private final ReconnectBackoff backoff;
    private final OutgoingLines outgoing;
    private final Keepalive keepalive = new Keepalive(QUIET_BEFORE_PING_NANOS, PING_ANSWER_WITHIN_NANOS);
    private final boolean reconnect;
    private final LinkSecurity security;
    /** Who is asked about a certificate never seen; null: nobody can be (no terminal), so it is refused. */
    private final CertificateQuestion question;
    /** Work handed in by other threads (the user's answer, a login typed at the prompt). */
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final Selector selector;
    private final CompletableFuture<Integer> finished = new CompletableFuture<>();
    private volatile boolean leaving;
    private volatile int abortCode = -1;
    private volatile boolean retryNow;

    /** The current connection, or null while waiting to reconnect. */
    private ServerLink link;
    private boolean everConnected;
    private boolean quitWritten;
    /** No connection while the user decides about a certificate. */
    private boolean awaitingTrust;
    private long deadlineNanos = NONE;
    private long reconnectAtNanos;
    /** Tasks the listener asked to run later (network thread only), by deadline. */
    private final PriorityQueue<Timer> timers = new PriorityQueue<>();
    private long timersAdded;

    private record Timer(long atNanos, long order, Runnable task) implements Comparable<Timer> {
        @Override
        public int compareTo(Timer other) {
            int byTime = Long.compare(atNanos - other.atNanos, 0); // nanoTime values compare by difference
            return byTime != 0 ? byTime : Long.compare(order, other.order);
        }
    }

    public NetworkLoop(InetSocketAddress address, NetworkListener listener, ReconnectBackoff backoff, SendPacer pacer,
            boolean reconnect) throws IOException {
        this(address, listener, backoff, pacer, reconnect, null, null);
    }

    /** Over TLS when tls is not null; question may be null (then an unknown certificate is refused). */
    public NetworkLoop(InetSocketAddress address, NetworkListener listener, ReconnectBackoff backoff, SendPacer pacer,
            boolean reconnect, TlsOptions tls, CertificateQuestion question) throws IOException {
        this.security = tls == null ? LinkSecurity.PLAIN : new TlsLinks(address.getHostString(), address.getPort(), tls);
        this.question = question;
        this.address = address;
        this.listener = listener;
        this.backoff = backoff;
        this.outgoing = new OutgoingLines(pacer);
        this.reconnect = reconnect;
        this.selector = Selector.open();
    }

    /** Completes with the exit code when the session is over. */
    public CompletableFuture<Integer> finished() {
        return finished;
    }

    /** Protocol traffic (registration, PONG): written at once, ahead of the user's messages. */
    public void sendNow(IrcMessage message) {
        outgoing.addUrgent(IrcEncoder.encode(message));
        selector.wakeup();
    }

    /**
     * A user's message, encoded by the caller (on the console thread, so a message that cannot be
     * encoded fails where it was typed); sent in order, paced, once registration is done. onSent runs
     * on the network thread as it goes out, so the user's own line is shown in order with what arrives.
     */
    public void sendPaced(byte[] encoded, Runnable onSent) {
        outgoing.addPaced(encoded, false, onSent);
        selector.wakeup();
    }

    /** Sends the QUIT after everything queued before it, waits briefly for the server to close, ends. */
    public void leave(IrcMessage quit) {
        byte[] bytes = IrcEncoder.encode(quit);
        leaving = true;
        outgoing.addPaced(bytes, true, () -> { });
        selector.wakeup();
    }

    /** True once the user asked to leave (the QUIT is queued or written). */
    public boolean isLeaving() {
        return leaving;
    }

    /** The user's lines waiting for the send pace (or for the connection): "[3 queued]" on the status bar. */
    public int queuedLines() {
        return outgoing.waiting();
    }

    /** While waiting to reconnect, try now instead of at the end of the delay (any thread: Enter on an empty line). */
    public void retryNow() {
        retryNow = true;
        selector.wakeup();
    }

    /** Ends the session with this exit code at the loop's next turn (any thread). */
    public void abort(int exitCode) {
        abortCode = exitCode;
        selector.wakeup();
    }

    /** Registration is complete and the rooms are joined (network thread only): user messages may flow. */
    public void openGate() {
        outgoing.openGate();
        if (!quitWritten) {
            deadlineNanos = NONE;
        }
    }

    /** Runs task on the network thread at its next turn (any thread). */
    public void execute(Runnable task) {
        tasks.add(task);
        selector.wakeup();
    }

    /** Whether the current connection is encrypted (TLS). */
    public boolean tls() {
        return security instanceof TlsLinks;
    }

    /**
     * Registration waits on the user (network thread only): say, a new nick after the server refused
     * ours. The registration timeout is lifted; the server's own limit still applies.
     */
    public void waitForUser() {
        if (link != null && link.connected() && !quitWritten) {
            deadlineNanos = NONE;
        }
    }

    /** Runs task on the network thread after this delay (network thread only), connected or not. */
    public void after(long delayMillis, Runnable task) {
        timers.add(new Timer(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(delayMillis), timersAdded++, task));
    }

    /** IRCv3 tags were negotiated (network thread only): tagged lines from the server may use the tag budget. */
    public void allowMessageTags() {
        if (link != null) {
            link.allowMessageTags();
        }
    }

    @Override
    public void run() {
        reconnectAtNanos = System.nanoTime();
        try {
            while (!finished.isDone()) {
                turn();
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "network loop failed", e);
            listener.lost("internal error: " + e, true, -1);
            finished.complete(1);
        } finally {
            closeLink();
            try {
                selector.close();
            } catch (IOException ignored) {
                // nothing left to release
            }
        }
    }

    private void turn() throws IOException {
        long now = System.nanoTime();
        if (abortCode >= 0) {
            finished.complete(abortCode);
            return;
        }
        while (!timers.isEmpty() && now - timers.peek().atNanos() >= 0) {
            timers.poll().task().run();
        }
        for (Runnable task; (task = tasks.poll()) != null; ) {
            task.run();
        }
        if (finished.isDone()) {
            return;
        }
        if (link == null) {
            if (leaving && (everConnected || awaitingTrust)) {
                finished.complete(0); // leaving while waiting to reconnect: nothing to flush
                return;
            }
            if (!awaitingTrust && (retryNow || now - reconnectAtNanos >= 0)) {
                retryNow = false;
                startConnect(now);
            }
        } else if (deadlineNanos != NONE && now - deadlineNanos >= 0) {
            expire();
            return;
        } else if (link.connected()) {
            retryNow = false; // an Enter typed while connected asks for nothing
            checkKeepalive(now);
        }
        if (link != null && link.connected()) {
            outgoing.moveReady(link.writeQueue(), now);
            write();
        }
        if (finished.isDone()) {
            return;
        }
        long waitMillis = waitMillis(System.nanoTime());
        if (waitMillis == 0) {
            selector.select();
        } else {
            selector.select(waitMillis);
        }
        for (SelectionKey ready : selector.selectedKeys()) {
            if (ready.isValid() && !link.connected()) {
                finishConnect(); // the TCP connect, then the TLS handshake
                continue;
            }
            if (ready.isValid() && ready.isReadable()) {
                read();
            }
            if (ready.isValid() && ready.isWritable()) {
                write();
            }
        }
        selector.selectedKeys().clear();
    }

    /** Milliseconds until the next deadline, at least 1; 0 means none (wait for I/O or a wakeup). */
    private long waitMillis(long now) {
        long next = link == null ? (awaitingTrust ? NONE : reconnectAtNanos) : deadlineNanos;
        if (link != null && link.connected()) {
            next = Math.min(next, Math.min(outgoing.nextPacedNanos(now), keepalive.nextCheckNanos()));
        }
        if (!timers.isEmpty()) {
            next = Math.min(next, timers.peek().atNanos());
        }
        return next == NONE ? 0 : Math.max(1, TimeUnit.NANOSECONDS.toMillis(next - now + 999_999));
    }

    private void startConnect(long now) {
        try {
            link = ServerLink.open(selector, address, security);
            deadlineNanos = now + CONNECT_TIMEOUT_NANOS;
        } catch (IOException e) {
            drop(describe(e));
            return;
        }
        finishConnect();
    }

    private void finishConnect() {
        try {
            if (link.finishConnect()) {
                established();
                if (link != null && tls()) {
                    read(); // lines may have come with the handshake's last bytes: no readable event for them
                }
            }
        } catch (IOException e) {
            notConnected(e);
        }
    }

    /** The connect or the handshake failed: a certificate to ask about or to refuse, or an ordinary failure. */
    private void notConnected(IOException e) {
        ServerTrust.Verdict verdict = security.verdict();
        TlsLinks tlsLinks = security instanceof TlsLinks links ? links : null;
        if (verdict instanceof ServerTrust.Unknown unknown && tlsLinks != null) {
            closeLink();
            if (question == null) {
                refuse(TrustWords.refusedUnasked(unknown));
                return;
            }
            awaitingTrust = true;
            question.ask(unknown, yes -> execute(() -> decided(tlsLinks, unknown, yes)));
        } else if (verdict instanceof ServerTrust.Changed changed && tlsLinks != null) {
            refuse(TrustWords.changed(changed, tlsLinks.options().knownServers().file()));
        } else if (verdict instanceof ServerTrust.PinMismatch mismatch) {
            refuse(TrustWords.pinMismatch(mismatch));
        } else if (e instanceof SSLException && tls()) {
            drop(describeTls(e));
        } else {
            drop(describe(e));
        }
    }

    private void decided(TlsLinks tlsLinks, ServerTrust.Unknown unknown, boolean trusted) {
        if (!awaitingTrust || finished.isDone()) {
            return;
        }
        awaitingTrust = false;
        if (!trusted) {
            refuse(TrustWords.declined(unknown));
            return;
        }
        try {
            tlsLinks.accept(unknown.fingerprint());
        } catch (IOException | RuntimeException unsaved) {
            question.notSaved(tlsLinks.options().knownServers().file(), describe(unsaved));
        }
        reconnectAtNanos = System.nanoTime();
    }

    /** Not connecting, whatever the reconnect policy: the reason is the user's to read (the certificate). */
    private void refuse(String reason) {
        closeLink();
        listener.failed(reason);
        finished.complete(1);
    }

    private void established() {
        everConnected = true;
        backoff.connected(System.currentTimeMillis());
        keepalive.heard(System.nanoTime());
        deadlineNanos = System.nanoTime() + REGISTRATION_TIMEOUT_NANOS;
        listener.connected();
    }

    private void expire() {
        if (quitWritten) {
            finished.complete(0);
        } else {
            drop(link.connected() ? "the server did not finish registration in time" : "connecting timed out");
        }
    }

    private void read() {
        try {
            if (!link.read(this::deliver)) {
                drop("the server closed the connection");
                return;
            }
            keepalive.heard(System.nanoTime());
        } catch (IOException e) {
            drop(describe(e));
        }
    }

    private void deliver(DecodedLine line) {
        if (!(line instanceof DecodedLine.Text text)) {
            listener.unreadable(describe(line));
            return;
        }
        try {
            listener.received(IrcParser.parse(text));
        } catch (MalformedMessageException e) {
            LOG.log(System.Logger.Level.DEBUG, "ignored a malformed line from the server: {0}", e.getMessage());
        }
    }

    private void checkKeepalive(long now) {
        switch (keepalive.due(now)) {
            case PING -> outgoing.addUrgent(IrcEncoder.encode(IrcMessage.of(Command.PING, "keepalive")));
            case GIVE_UP -> drop("the server stopped answering");
            default -> {
                // heard from recently enough
            }
        }
    }

    private void write() {
        boolean empty;
        try {
            empty = link.flush();
        } catch (IOException e) {
            drop(describe(e));
            return;
        }
        if (empty && outgoing.lastMoved() && !quitWritten) {
            quitWritten = true;
            deadlineNanos = System.nanoTime() + QUIT_WAIT_NANOS;
        }
    }

    /** The connection is gone: decide between finishing and trying again later. */
    private void drop(String reason) {
        boolean wasUp = link != null && link.connected();
        closeLink();
        if (quitWritten) {
            finished.complete(0);
        } else if (!everConnected) {
            listener.failed(reason);
            finished.complete(1);
        } else if (leaving && reconnect) {
            finished.complete(0);
        } else if (!reconnect) {
            listener.lost(reason, wasUp, -1);
            finished.complete(1);
        } else {
            long delayMillis = backoff.nextDelayMillis(System.currentTimeMillis());
            reconnectAtNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(delayMillis);
            listener.lost(reason, wasUp, delayMillis);
        }
    }

    private void closeLink() {
        if (link != null) {
            link.close();
        }
        link = null;
        deadlineNanos = NONE;
        outgoing.disconnected();
    }

    private static String describe(DecodedLine refused) {
        if (refused instanceof DecodedLine.TooLong tooLong) {
            return "a line longer than " + tooLong.limitBytes() + " bytes";
        }
        return refused instanceof DecodedLine.InvalidUtf8 ? "a line that is not valid UTF-8" : "a line holding NUL or a stray CR";
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message;
    }

    private static String describeTls(IOException e) {
        String message = describe(e);
        if (message.contains("Unsupported or unrecognized SSL message") || message.contains("plaintext connection")) {
            return "the server did not answer in TLS (is this its TLS port? plain IRC is usually on 6667, TLS on 6697)";
        }
        return "TLS handshake failed: " + message;
    }
}
