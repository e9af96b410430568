package chat.bench;

import java.io.EOFException;
import java.io.IOException;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.nio.channels.SocketChannel;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLEngineResult.Status;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * One simulated client's TLS (--tls), on the bench's selector thread: the JDK's {@link SSLEngine}
 * driven directly over the non-blocking socket. Records are read and decrypted in the loop's
 * {@link Scratch} straight into the line reader's buffer, and encrypted there for one socket write;
 * a client keeps only what is left over (part of a record, records the socket did not take).
 *
 * <p>Why not tls-channel any more: in a pinned fan-out run its client (locks, exceptions for "would
 * block", a copy of every record through its own buffers) cost the bench more CPU than the
 * server's whole TLS traffic, so the bench, not the server, set the TLS rate. Any server
 * certificate is accepted: the bench measures the server, it does not vet it.
 */
final class TlsClientChannel implements ByteChannel {
    private static final ByteBuffer NOTHING = ByteBuffer.allocate(0);
    private static final SSLContext TRUST_ANY = trustAny();

    /** The bench loop's work buffers, shared by all its clients (one thread uses them). */
    static final class Scratch {
        /** The largest record, header and tag included (the same for every engine of the context). */
        private final int packetBytes;
        private final ByteBuffer netIn;
        private final ByteBuffer netOut;

        Scratch() {
            packetBytes = TRUST_ANY.createSSLEngine().getSession().getPacketBufferSize();
            netIn = ByteBuffer.allocate(4 * packetBytes);
            netOut = ByteBuffer.allocate(4 * packetBytes);
        }
    }

    private final SocketChannel socket;
    private final SSLEngine engine;
    private final Scratch scratch;
    private ByteBuffer heldInput;
    private ByteBuffer heldOutput;
    private boolean begun;
    private boolean inputEnded;
    private boolean bufferedInput;

    TlsClientChannel(SocketChannel socket, Scratch scratch) {
        this.socket = socket;
        this.scratch = scratch;
        this.engine = TRUST_ANY.createSSLEngine();
        engine.setUseClientMode(true);
    }

    /** Moves the handshake on; true once it is done, false while it waits for the socket. */
    boolean handshake() throws IOException {
        if (!begun) {
            begun = true;
            engine.beginHandshake();
        }
        while (flush()) {
            switch (engine.getHandshakeStatus()) {
                case NEED_WRAP -> wrapAndSend(NOTHING);
                case NEED_TASK -> runTasks();
                case NEED_UNWRAP, NEED_UNWRAP_AGAIN -> {
                    if (!unwrapHandshake()) {
                        return false;
                    }
                }
                default -> {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Decrypts into {@code dst} what is held and what the socket has, as far as it has room; a
     * record that does not fit waits, encrypted, and {@link #hasBufferedInput} says so.
     */
    @Override
    public int read(ByteBuffer dst) throws IOException {
        int start = dst.position();
        ByteBuffer net = takeHeldInput();
        bufferedInput = false;
        try {
            while (!inputEnded) {
                SSLEngineResult result = engine.unwrap(net, dst);
                if (result.getStatus() == Status.BUFFER_UNDERFLOW) {
                    if (!readSocket(net)) {
                        break;
                    }
                } else if (result.getStatus() == Status.BUFFER_OVERFLOW) {
                    if (dst.position() == start) {
                        throw new SSLException("a TLS record larger than the bench's read buffer");
                    }
                    bufferedInput = true;
                    break;
                } else if (result.getStatus() == Status.CLOSED) {
                    inputEnded = true;
                }
                afterHandshake(); // a session ticket or key update from the server
            }
        } finally {
            heldInput = keep(net);
        }
        int count = dst.position() - start;
        return count == 0 && inputEnded ? -1 : count;
    }

    /** Encrypts all of {@code src} and writes it; records the socket did not take wait here. */
    @Override
    public int write(ByteBuffer src) throws IOException {
        if (!flush()) {
            return 0;
        }
        int start = src.position();
        while (src.hasRemaining() && heldOutput == null) {
            int before = src.position();
            wrapAndSend(src);
            if (src.position() == before && heldOutput == null) {
                // the engine takes nothing more: closed, or its handshake never finished
                throw new EOFException("the TLS connection is closed or its handshake never finished");
            }
        }
        return src.position() - start;
    }

    /** Pushes records left over from an earlier write; true when none are left. */
    boolean flush() throws IOException {
        if (heldOutput != null) {
            send(heldOutput);
            if (heldOutput.hasRemaining()) {
                return false;
            }
            heldOutput = null;
        }
        return true;
    }

    boolean hasPendingOutput() {
        return heldOutput != null;
    }

    boolean hasBufferedInput() {
        return bufferedInput;
    }

    @Override
    public boolean isOpen() {
        return socket.isOpen();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private void wrapAndSend(ByteBuffer src) throws IOException {
        ByteBuffer out = scratch.netOut.clear();
        while (out.remaining() >= scratch.packetBytes) {
            SSLEngineResult result = engine.wrap(src, out);
            // Nothing taken and nothing made: the engine waits for the server (a handshake it
            // never answers, e.g. a plain port) and asking again would spin for ever.
            boolean stuck = result.bytesConsumed() == 0 && result.bytesProduced() == 0;
            if (result.getStatus() != Status.OK || stuck
                    || !src.hasRemaining() && result.getHandshakeStatus() != HandshakeStatus.NEED_WRAP) {
                break;
            }
        }
        out.flip();
        send(out);
        heldOutput = out.hasRemaining() ? copy(out) : null;
    }

    private boolean unwrapHandshake() throws IOException {
        ByteBuffer net = takeHeldInput();
        try {
            while (true) {
                SSLEngineResult result = engine.unwrap(net, NOTHING);
                if (result.getStatus() == Status.CLOSED) {
                    throw new EOFException("the server closed the connection during the TLS handshake");
                }
                if (result.getStatus() != Status.BUFFER_UNDERFLOW) {
                    return true;
                }
                if (!readSocket(net)) {
                    if (inputEnded) {
                        throw new EOFException("the server closed the connection during the TLS handshake");
                    }
                    return false;
                }
            }
        } finally {
            heldInput = keep(net);
        }
    }

    private void afterHandshake() throws IOException {
        while (true) {
            HandshakeStatus status = engine.getHandshakeStatus();
            if (status == HandshakeStatus.NEED_TASK) {
                runTasks();
            } else if (status == HandshakeStatus.NEED_WRAP) {
                wrapAndSend(NOTHING);
            } else {
                return;
            }
        }
    }

    /** One socket read after what {@code net} holds (read mode); false when nothing came. */
    private boolean readSocket(ByteBuffer net) throws IOException {
        net.compact();
        int count;
        try {
            count = socket.read(net);
        } finally {
            net.flip();
        }
        if (count < 0) {
            inputEnded = true;
        }
        return count > 0;
    }

    private ByteBuffer takeHeldInput() {
        ByteBuffer net = scratch.netIn.clear();
        if (heldInput != null) {
            net.put(heldInput);
        }
        return net.flip();
    }

    private void send(ByteBuffer records) throws IOException {
        while (records.hasRemaining() && socket.write(records) > 0) {
            // again: a socket may take a large write in parts
        }
    }

    private static ByteBuffer keep(ByteBuffer from) {
        return from.hasRemaining() ? copy(from) : null;
    }

    private static ByteBuffer copy(ByteBuffer from) {
        ByteBuffer kept = ByteBuffer.allocate(from.remaining());
        kept.put(from).flip();
        return kept;
    }

    private void runTasks() {
        Runnable task;
        while ((task = engine.getDelegatedTask()) != null) {
            task.run();
        }
    }

    private static SSLContext trustAny() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new AnyServer()}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no TLS in this JDK", e);
        }
    }

    private static final class AnyServer extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
