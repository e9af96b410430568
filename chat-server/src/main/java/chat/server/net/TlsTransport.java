package chat.server.net;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.util.HexFormat;
import java.util.Optional;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/**
 * TLS over another transport (the plain TCP one), on the loop thread like every transport: the
 * JDK's {@link SSLEngine} driven directly over the non-blocking socket, with what the
 * {@link Transport} contract asks for: a count (0 when nothing moved) and the right interest.
 *
 * <p>Three things differ from plain TCP, and each has a method on the seam: records made but not
 * yet taken by the socket wait here ({@link #hasPendingOutput}, {@link #flush}); records already
 * read off the socket wait here too, where the selector cannot see them ({@link #hasBufferedInput});
 * and while the handshake waits for the peer, write interest is dropped, or the always-writable
 * socket would wake the loop in a spin.
 *
 * <p>Why no library (tls-channel before): the loop thread owns every link, so a connection needs
 * no locks and no shared counters, and its records ({@link TlsRecords}) are made in the loop's
 * {@link TlsScratch}, so an idle link holds no buffer. A write encrypts all the plaintext it is
 * given (everything queued, up to a turn's 64 KiB) into as few records as the engine allows and
 * sends them with one socket write.
 *
 * <p>The handshake's expensive steps (the engine's delegated tasks: key exchange, signature) are
 * not run here: {@link HandshakeWork} runs them on its own threads. Meanwhile this transport
 * touches neither the engine nor the socket's interest (reads and writes move nothing); when the
 * step is done, the loop gets the connection back through its task queue, and write interest
 * resumes the handshake.
 */
final class TlsTransport implements Transport {
    private final Transport plain;
    private final SSLEngine engine;
    private final TlsRecords records;
    private final TlsStats stats;
    private final HandshakeWork work;
    private boolean begun;
    private boolean handshakeDone;
    private boolean timedOut;
    /** Read by a handshake thread too, so that a step queued for a connection already gone is skipped. */
    private volatile boolean closed;
    /** A handshake step runs on a handshake thread: the engine is its until it comes back. */
    private boolean stepAway;
    /** A step came back: the handshake goes on at the next flush. */
    private boolean resume;
    /** The read interest the link last asked for, given back when a step returns. */
    private boolean readWanted = true;
    /** The handshake needs the peer's next message before anything can be written. */
    private boolean waitingForPeer;
    private String peerFingerprint;

    TlsTransport(Transport plain, SSLEngine engine, TlsScratch scratch, HandshakeWork work, TlsStats stats) {
        this.plain = plain;
        this.engine = engine;
        this.records = new TlsRecords(plain, engine, scratch);
        this.work = work;
        this.stats = stats;
    }

    @Override
    public int read(ByteBuffer into) throws IOException {
        if (stepAway) {
            return 0;
        }
        try {
            if (!handshakeDone && !advanceHandshake()) {
                return 0;
            }
            int count = records.read(into);
            if (records.handshakeWanted()) {
                advanceHandshake(); // after the handshake: a key update, a TLS 1.2 renegotiation
            }
            return count;
        } catch (SSLException e) {
            throw failure(e);
        }
    }

    @Override
    public int write(ByteBuffer from) throws IOException {
        if (stepAway) {
            return 0;
        }
        try {
            if (!records.sendHeld() || !handshakeDone && !advanceHandshake()) {
                return 0;
            }
            int start = from.position();
            records.wrapAndSend(from);
            return from.position() - start;
        } catch (SSLException e) {
            throw failure(e);
        }
    }

    @Override
    public void flush() throws IOException {
        if (stepAway) {
            return;
        }
        try {
            if (records.sendHeld() && (!handshakeDone || resume)) {
                advanceHandshake();
            }
        } catch (SSLException e) {
            throw failure(e);
        }
    }

    /**
     * Moves the handshake (or a message after it) on as far as it can go without waiting: true
     * when the engine wants nothing more, false when it waits for the peer, the socket or a step.
     */
    private boolean advanceHandshake() throws IOException {
        resume = false; // it is going on now, whoever called
        if (!begun) {
            begun = true;
            engine.beginHandshake();
        }
        while (true) {
            if (!records.sendHeld()) {
                return false;
            }
            switch (engine.getHandshakeStatus()) {
                case NEED_WRAP -> records.wrapHandshake();
                case NEED_UNWRAP, NEED_UNWRAP_AGAIN -> {
                    if (!records.unwrapHandshake()) {
                        waitingForPeer = true;
                        return false;
                    }
                }
                case NEED_TASK -> {
                    handOver();
                    if (stepAway) {
                        return false;
                    }
                    resume = false; // the step ran at once (no handshake threads): it goes on here
                }
                default -> {
                    waitingForPeer = false;
                    if (!handshakeDone) {
                        handshakeFinished(engine.getSession());
                    }
                    return true;
                }
            }
        }
    }

    @Override
    public void setInterest(boolean read, boolean write) {
        readWanted = read;
        if (stepAway) {
            plain.setInterest(false, false); // nothing can move until the step is back
            return;
        }
        plain.setInterest(read, (write && !waitingForPeer) || hasPendingOutput());
    }

    /** Gives the engine's delegated tasks to a handshake thread; a full queue drops this connection. */
    private void handOver() throws IOException {
        stepAway = true;
        Runnable steps = () -> {
            Runnable task;
            while ((task = engine.getDelegatedTask()) != null) {
                task.run();
            }
        };
        if (!work.submit(steps, () -> !closed, this::stepDone)) {
            stepAway = false;
            throw new TransportFailure("TLS handshake refused: the server is busy with other handshakes", null);
        }
    }

    /**
     * On the loop thread, once a step is done: the engine is this transport's again. Write
     * interest brings the link back to {@link #flush} (or a write of its greeting), which goes on
     * with the handshake where it stopped.
     */
    private void stepDone() {
        stepAway = false;
        if (closed) {
            return; // its close came while the step was away; the engine is left to the collector
        }
        resume = true;
        plain.setInterest(readWanted, true);
    }

    /** close_notify (best effort: it goes out only if the socket has room), then the TCP FIN. */
    @Override
    public void shutdownOutput() throws IOException {
        try {
            if (handshakeDone && !stepAway && !records.hasHeldOutput()) {
                engine.closeOutbound();
                records.wrapHandshake();
            }
        } catch (IOException ignored) {
            // The peer reads a FIN without close_notify as a truncated stream; nothing more to do.
        }
        plain.shutdownOutput();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (!handshakeDone && !timedOut) {
            stats.failed++; // garbage, a plain-text client, or a peer gone before the handshake ended
        }
        records.drop();
        plain.close(); // the engine, even under a running step, holds nothing but heap
    }

    @Override
    public String peerAddress() {
        return plain.peerAddress();
    }

    @Override
    public boolean secure() {
        return true;
    }

    @Override
    public Optional<String> peerCertificateFingerprint() {
        return Optional.ofNullable(peerFingerprint);
    }

    @Override
    public boolean handshaking() {
        return !handshakeDone;
    }

    @Override
    public void handshakeTimedOut() {
        if (!timedOut && !handshakeDone) {
            timedOut = true;
            stats.timedOut++;
        }
    }

    @Override
    public boolean hasBufferedInput() {
        return records.hasWaitingInput() && !stepAway;
    }

    @Override
    public boolean hasPendingOutput() {
        return records.hasHeldOutput() || resume;
    }

    /** Bytes this link holds in buffers of its own (tests: none while idle). */
    int heldBytes() {
        return records.heldBytes();
    }

    private void handshakeFinished(SSLSession session) {
        handshakeDone = true;
        stats.done++;
        try {
            Certificate[] chain = session.getPeerCertificates();
            if (chain.length > 0) {
                peerFingerprint = sha256Hex(chain[0].getEncoded());
            }
        } catch (SSLPeerUnverifiedException noCertificate) {
            // Most clients send none: a client certificate is wanted, never needed.
        } catch (CertificateEncodingException unreadable) {
            // Accepted by the engine, so it parsed; without its DER bytes there is just no fingerprint.
        }
    }

    static String sha256Hex(byte[] der) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(der));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JDK has SHA-256", impossible);
        }
    }

    /** Why the link ends, for its close reason: a TLS failure named as one. */
    private IOException failure(SSLException e) {
        return new TransportFailure((handshakeDone ? "TLS error: " : "TLS handshake failed: ") + e.getMessage(), e);
    }
}
