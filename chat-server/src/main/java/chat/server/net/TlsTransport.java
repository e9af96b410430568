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
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLEngineResult.Status;
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
 * no locks and no shared counters, and its records are made in the loop's {@link TlsScratch}, so
 * an idle link holds no buffer. A write encrypts all the plaintext it is given (everything queued,
 * up to a turn's 64 KiB) into as few records as the engine allows and sends them with one socket
 * write.
 *
 * <p>The handshake's expensive steps (the engine's delegated tasks: key exchange, signature) are
 * not run here: {@link HandshakeWork} runs them on its own threads. Meanwhile this transport
 * touches neither the engine nor the socket's interest (reads and writes move nothing); when the
 * step is done, the loop gets the connection back through its task queue, and write interest
 * resumes the handshake.
 */
final class TlsTransport implements Transport {
    private static final ByteBuffer NOTHING = ByteBuffer.allocate(0);
    /** Content type, version, length (RFC 8446 section 5.1). */
    private static final int RECORD_HEADER_BYTES = 5;

    private final Transport plain;
    private final SSLEngine engine;
    private final TlsStats stats;
    private final HandshakeWork work;
    private final TlsScratch scratch;
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
    /** The socket ended, or the peer said close_notify. */
    private boolean inputEnded;
    /** Encrypted input read off the socket and not yet decrypted (read mode); null when none. */
    private ByteBuffer heldInput;
    /** Decrypted input the reader had no room for (read mode); null when none. */
    private ByteBuffer heldPlain;
    /** Records the socket did not take yet (read mode); null when none. */
    private ByteBuffer heldOutput;
    private String peerFingerprint;

    TlsTransport(Transport plain, SSLEngine engine, TlsScratch scratch, HandshakeWork work, TlsStats stats) {
        this.plain = plain;
        this.engine = engine;
        this.scratch = scratch;
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
            return readRecords(into);
        } catch (SSLException e) {
            throw failure(e);
        }
    }

    /**
     * Decrypts into {@code into} what was held back and what one socket read brings, as far as it
     * has room; a record that does not fit waits (encrypted) for the next read.
     */
    private int readRecords(ByteBuffer into) throws IOException {
        int start = into.position();
        if (heldPlain != null) {
            move(heldPlain, into);
            if (heldPlain.hasRemaining()) {
                return into.position() - start; // still full: records stay waiting
            }
            heldPlain = null;
        }
        ByteBuffer net = takeHeldInput();
        boolean socketRead = false;
        try {
            while (into.hasRemaining() && !inputEnded && !stepAway) {
                SSLEngineResult result = engine.unwrap(net, into);
                Status status = result.getStatus();
                if (status == Status.BUFFER_UNDERFLOW) {
                    if (socketRead || !readSocket(net)) {
                        break;
                    }
                    socketRead = true;
                } else if (status == Status.BUFFER_OVERFLOW) {
                    if (into.position() > start) {
                        break; // the rest is taken by the next read, without waiting for the socket
                    }
                    unwrapThroughScratch(net, into); // a record larger than the reader's whole room
                } else if (status == Status.CLOSED) {
                    inputEnded = true;
                }
                if (result.getHandshakeStatus() != HandshakeStatus.NOT_HANDSHAKING
                        && result.getHandshakeStatus() != HandshakeStatus.FINISHED) {
                    holdInput(net); // the handshake reads through the same scratch buffer
                    advanceHandshake(); // after the handshake: a key update, a TLS 1.2 renegotiation
                    net = takeHeldInput();
                }
            }
        } finally {
            holdInput(net);
        }
        int count = into.position() - start;
        return count == 0 && inputEnded ? -1 : count;
    }

    private void unwrapThroughScratch(ByteBuffer net, ByteBuffer into) throws SSLException {
        ByteBuffer plainIn = scratch.plainIn.clear();
        engine.unwrap(net, plainIn);
        plainIn.flip();
        move(plainIn, into);
        if (plainIn.hasRemaining()) {
            heldPlain = TlsScratch.keep(plainIn);
        }
    }

    /** One socket read after what {@code net} holds; false when nothing came (or the socket ended). */
    private boolean readSocket(ByteBuffer net) throws IOException {
        if (net.remaining() == net.capacity()) {
            throw new SSLException("a TLS record larger than the largest allowed");
        }
        net.compact();
        int count;
        try {
            count = plain.read(net);
        } finally {
            net.flip();
        }
        if (count < 0) {
            inputEnded = true;
        }
        return count > 0;
    }

    /** The scratch input buffer, holding this link's undecrypted bytes (read mode). */
    private ByteBuffer takeHeldInput() {
        ByteBuffer net = scratch.netIn.clear();
        if (heldInput != null) {
            net.put(heldInput);
            heldInput = null;
        }
        return net.flip();
    }

    private void holdInput(ByteBuffer net) {
        heldInput = net.hasRemaining() ? TlsScratch.keep(net) : null;
    }

    @Override
    public int write(ByteBuffer from) throws IOException {
        if (stepAway) {
            return 0;
        }
        try {
            if (heldOutput != null && !sendHeld()) {
                return 0;
            }
            if (!handshakeDone && !advanceHandshake()) {
                return 0;
            }
            int start = from.position();
            wrapAndSend(from);
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
            if (heldOutput != null && !sendHeld()) {
                return;
            }
            if (!handshakeDone || resume) {
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
            if (heldOutput != null && !sendHeld()) {
                return false;
            }
            switch (engine.getHandshakeStatus()) {
                case NEED_WRAP -> wrapAndSend(NOTHING);
                case NEED_UNWRAP, NEED_UNWRAP_AGAIN -> {
                    if (!unwrapHandshake()) {
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

    /** One handshake record in; false when it has not arrived (whole) yet. */
    private boolean unwrapHandshake() throws IOException {
        ByteBuffer net = takeHeldInput();
        try {
            while (true) {
                ByteBuffer plainIn = scratch.plainIn.clear();
                SSLEngineResult result = engine.unwrap(net, plainIn);
                if (plainIn.position() > 0) { // application data right behind the peer's Finished
                    heldPlain = TlsScratch.keep(plainIn.flip());
                }
                if (result.getStatus() == Status.CLOSED) {
                    throw new TransportFailure("TLS handshake failed: the peer closed it", null);
                }
                if (result.getStatus() != Status.BUFFER_UNDERFLOW) {
                    return true;
                }
                if (!readSocket(net)) {
                    if (inputEnded) { // nothing is said on a connection whose handshake never ended
                        throw new TransportFailure("TLS handshake failed: the peer hung up", null);
                    }
                    return false;
                }
            }
        } finally {
            holdInput(net);
        }
    }

    /**
     * Encrypts all of {@code from} that fits a turn's records (or the handshake's next flight when
     * it is empty) and sends them with one socket write; what the socket does not take is held.
     */
    private void wrapAndSend(ByteBuffer from) throws IOException {
        ByteBuffer out = scratch.netOut.clear();
        while (out.remaining() >= scratch.packetBytes) {
            SSLEngineResult result = engine.wrap(from, out);
            boolean moved = result.bytesConsumed() > 0 || result.bytesProduced() > 0;
            boolean more = from.hasRemaining() || result.getHandshakeStatus() == HandshakeStatus.NEED_WRAP;
            if (result.getStatus() != Status.OK || !moved || !more) {
                break; // a whole flight of the handshake goes out in one write too
            }
        }
        out.flip();
        send(out);
        if (out.hasRemaining()) {
            heldOutput = TlsScratch.keep(out);
        }
    }

    private boolean sendHeld() throws IOException {
        send(heldOutput);
        if (heldOutput.hasRemaining()) {
            return false;
        }
        heldOutput = null;
        return true;
    }

    private void send(ByteBuffer records) throws IOException {
        while (records.hasRemaining() && plain.write(records) > 0) {
            // again: a socket may take a large write in parts
        }
    }

    private static void move(ByteBuffer from, ByteBuffer into) {
        int count = Math.min(from.remaining(), into.remaining());
        into.put(into.position(), from, from.position(), count);
        into.position(into.position() + count);
        from.position(from.position() + count);
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
            if (handshakeDone && !stepAway && heldOutput == null) {
                engine.closeOutbound();
                wrapAndSend(NOTHING);
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
        heldInput = null;
        heldPlain = null;
        heldOutput = null;
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
        return (heldPlain != null || wholeRecordHeld()) && !stepAway;
    }

    /** Whether {@link #heldInput} starts with a whole record (its header says how long it is). */
    private boolean wholeRecordHeld() {
        if (heldInput == null || heldInput.remaining() < RECORD_HEADER_BYTES) {
            return false;
        }
        int at = heldInput.position();
        int length = (heldInput.get(at + 3) & 0xff) << 8 | heldInput.get(at + 4) & 0xff;
        return heldInput.remaining() >= RECORD_HEADER_BYTES + length;
    }

    @Override
    public boolean hasPendingOutput() {
        return heldOutput != null || resume;
    }

    /** Bytes this link holds in buffers of its own (tests: none while idle). */
    int heldBytes() {
        return size(heldInput) + size(heldPlain) + size(heldOutput);
    }

    private static int size(ByteBuffer buffer) {
        return buffer == null ? 0 : buffer.capacity();
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
