package chat.server.net;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
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
import tlschannel.NeedsReadException;
import tlschannel.NeedsTaskException;
import tlschannel.NeedsWriteException;
import tlschannel.ServerTlsChannel;

/**
 * TLS over another transport (the plain TCP one), on the loop thread like every transport:
 * tls-channel's {@link ServerTlsChannel} drives the JDK's {@link SSLEngine} over the non-blocking
 * socket and answers "would block" with an exception, which this class turns into what the
 * {@link Transport} contract says: a count (0 when nothing moved) and the right interest.
 *
 * <p>Three things differ from plain TCP, and each has a method on the seam: records written only
 * in part wait here ({@link #hasPendingOutput}, {@link #flush}); records already read off the
 * socket wait here too, where the selector cannot see them ({@link #hasBufferedInput}); and while
 * the handshake waits for the peer, write interest is dropped, or the always-writable socket
 * would wake the loop in a spin.
 *
 * <p>The handshake's expensive steps (the engine's delegated tasks: key exchange, signature) are
 * not run here: tls-channel hands them over ({@link NeedsTaskException}) and {@link HandshakeWork}
 * runs them on its own threads. Meanwhile this transport touches neither the engine nor the
 * socket's interest (reads and writes move nothing); when the step is done, the loop gets the
 * connection back through its task queue and write interest resumes the handshake.
 */
final class TlsTransport implements Transport {
    private static final ByteBuffer NOTHING = ByteBuffer.allocate(0);

    private final Transport plain;
    private final ServerTlsChannel tls;
    private final TlsStats stats;
    private final HandshakeWork work;
    private boolean handshakeDone;
    private boolean timedOut;
    /** Read by a handshake thread too, so that a step queued for a connection already gone is skipped. */
    private volatile boolean closed;
    /** A handshake step runs on a handshake thread: the engine is its until it comes back. */
    private boolean stepAway;
    /** The read interest the link last asked for, given back when a step returns. */
    private boolean readWanted = true;
    /** A record (or handshake message) is only partly on the wire: write interest until it is. */
    private boolean pendingOutput;
    /** The handshake needs the peer's next message before anything can be written. */
    private boolean waitingForPeer;
    /** Bytes may be held in the TLS buffers; a read that ends wanting the socket clears it. */
    private boolean bufferedInput;
    private String peerFingerprint;

    TlsTransport(Transport plain, TlsTransports engines, TlsStats stats) {
        this.plain = plain;
        this.stats = stats;
        this.work = engines.handshakeWork();
        this.tls = ServerTlsChannel.newBuilder(new Bytes(plain), engines.context())
                .withEngineFactory(engines::engine)
                .withSessionInitCallback(this::handshakeFinished)
                .withPlainBufferAllocator(engines.plainInput())
                .withEncryptedBufferAllocator(engines.buffers())
                .withReleaseBuffers(true) // an idle connection holds no TLS buffer
                .withRunTasks(false) // the handshake's heavy steps go to HandshakeWork
                .build();
    }

    @Override
    public int read(ByteBuffer into) throws IOException {
        if (stepAway) {
            return 0;
        }
        int total = 0;
        try {
            // tls-channel returns one record at a time; take as many as fit, so that what stays
            // behind in its buffers is at most what did not fit.
            while (into.hasRemaining()) {
                int count = tls.read(into);
                if (count < 0) {
                    bufferedInput = false;
                    return total > 0 ? total : -1;
                }
                total += count;
                waitingForPeer = false;
            }
            bufferedInput = true;
        } catch (NeedsReadException drained) {
            bufferedInput = false;
            waitingForPeer = !handshakeDone;
        } catch (NeedsWriteException full) {
            pendingOutput = true; // the handshake has something to say first; flush() resumes it
        } catch (NeedsTaskException step) {
            handOver(step);
        } catch (IOException e) {
            throw failure(e);
        }
        return total;
    }

    @Override
    public int write(ByteBuffer from) throws IOException {
        if (stepAway) {
            return 0;
        }
        int start = from.position();
        boolean wasHandshaking = !handshakeDone;
        try {
            tls.write(from);
            pendingOutput = false;
            waitingForPeer = false;
        } catch (NeedsWriteException full) {
            pendingOutput = true; // what was wrapped is held and counts as written
        } catch (NeedsReadException needsPeer) {
            waitingForPeer = true;
            pendingOutput = false;
        } catch (NeedsTaskException step) {
            handOver(step);
        } catch (IOException e) {
            throw failure(e);
        }
        if (wasHandshaking) {
            bufferedInput = true; // the handshake may have read the peer's first records off the socket
        }
        return from.position() - start;
    }

    @Override
    public void flush() throws IOException {
        if (pendingOutput && !stepAway) {
            write(NOTHING);
        }
    }

    @Override
    public void setInterest(boolean read, boolean write) {
        readWanted = read;
        if (stepAway) {
            plain.setInterest(false, false); // nothing can move until the step is back
            return;
        }
        plain.setInterest(read, (write && !waitingForPeer) || pendingOutput);
    }

    /** Gives the engine's next step to a handshake thread; a full queue drops this connection. */
    private void handOver(NeedsTaskException step) throws IOException {
        stepAway = true;
        pendingOutput = false;
        if (!work.submit(step.getTask(), () -> !closed, this::stepDone)) {
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
            releaseTls(); // its close came while the step was away
            return;
        }
        pendingOutput = true;
        plain.setInterest(readWanted, true);
    }

    /** close_notify (best effort: it goes out only if the socket has room), then the TCP FIN. */
    @Override
    public void shutdownOutput() throws IOException {
        try {
            if (handshakeDone && !stepAway) {
                tls.shutdown();
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
        if (stepAway) {
            plain.close(); // the engine is busy on a handshake thread; stepDone() releases the rest
            return;
        }
        releaseTls();
    }

    private void releaseTls() {
        try {
            tls.close(); // gives its buffers back to the pool and closes the socket
        } catch (IOException ignored) {
            // Closing either way.
        } finally {
            plain.close();
        }
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
        return bufferedInput && !stepAway;
    }

    @Override
    public boolean hasPendingOutput() {
        return pendingOutput;
    }

    /** tls-channel calls this once, when the handshake is complete (on the loop thread, inside a read or write). */
    private void handshakeFinished(SSLSession session) {
        handshakeDone = true;
        waitingForPeer = false;
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

    /** Why the link ends, for its close reason: a TLS failure named as one, anything else as the socket's. */
    private IOException failure(IOException e) {
        if (e instanceof SSLException) {
            return new TransportFailure((handshakeDone ? "TLS error: " : "TLS handshake failed: ") + e.getMessage(), e);
        }
        return e;
    }

    /** What tls-channel reads and writes: the plain transport, seen as a channel. */
    private static final class Bytes implements ByteChannel {
        private final Transport plain;
        private boolean open = true;

        Bytes(Transport plain) {
            this.plain = plain;
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            return plain.read(dst);
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            return plain.write(src);
        }

        @Override
        public boolean isOpen() {
            return open;
        }

        @Override
        public void close() {
            open = false;
            plain.close();
        }
    }
}
