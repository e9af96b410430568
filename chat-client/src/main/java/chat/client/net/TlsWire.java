package chat.client.net;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;

/**
 * TLS over a non-blocking socket with the JDK's SSLEngine, for the client's one connection.
 * Three buffers: encrypted bytes read (netIn, kept in write mode), encrypted bytes to write (netOut,
 * kept in read mode) and decrypted bytes not yet taken (appIn, kept in read mode). The engine's
 * delegated tasks (certificate checks) run right here on the network thread: one connection, a few
 * milliseconds, nothing else waiting on this thread meanwhile.
 *
 * <p>Why not a library (tls-channel): the client has exactly one connection, the selector loop and
 * its interest handling are already {@link ServerLink}'s, and the part a library does best (buffer
 * release for thousands of idle connections) is a server's concern. This is the SSLEngine state
 * machine as the JDK documents it, about 150 lines, and the shaded client jar stays as it was.
 */
final class TlsWire implements Wire {
    private static final ByteBuffer NOTHING = ByteBuffer.allocate(0);

    private final SocketChannel channel;
    private final SSLEngine engine;
    private ByteBuffer netIn;
    private final ByteBuffer netOut;
    private ByteBuffer appIn;
    private boolean begun;
    private boolean inboundClosed;
    /** The last unwrap stopped because appIn was full, so netIn may hold whole records still. */
    private boolean recordsWaiting;

    TlsWire(SocketChannel channel, SSLEngine engine) {
        this.channel = channel;
        this.engine = engine;
        int packet = engine.getSession().getPacketBufferSize();
        int application = engine.getSession().getApplicationBufferSize();
        netIn = ByteBuffer.allocate(packet);
        netOut = ByteBuffer.allocate(packet).flip();
        appIn = ByteBuffer.allocate(application).flip();
    }

    @Override
    public boolean handshake() throws IOException {
        if (!begun) {
            engine.beginHandshake();
            begun = true;
        }
        while (true) {
            if (!flushPending()) {
                return false;
            }
            switch (engine.getHandshakeStatus()) {
                case NEED_WRAP -> wrap(NOTHING);
                case NEED_UNWRAP, NEED_UNWRAP_AGAIN -> {
                    if (!unwrapForHandshake()) {
                        return false;
                    }
                }
                case NEED_TASK -> runTasks();
                default -> {
                    return true; // FINISHED or NOT_HANDSHAKING, and all of ours written
                }
            }
        }
    }

    @Override
    public boolean wantsWrite() {
        return netOut.hasRemaining();
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        boolean closed = false;
        if (!appIn.hasRemaining() && !recordsWaiting) {
            closed = channel.read(netIn) < 0;
        }
        unwrapAvailable();
        int count = Math.min(appIn.remaining(), dst.remaining());
        dst.put(dst.position(), appIn, appIn.position(), count);
        dst.position(dst.position() + count);
        appIn.position(appIn.position() + count);
        return count == 0 && (closed || inboundClosed) ? -1 : count;
    }

    @Override
    public boolean hasBufferedInput() {
        return appIn.hasRemaining() || recordsWaiting;
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        if (!flushPending()) {
            return 0;
        }
        int before = src.remaining();
        wrap(src);
        flushPending();
        return before - src.remaining();
    }

    @Override
    public boolean flushPending() throws IOException {
        while (netOut.hasRemaining()) {
            if (channel.write(netOut) == 0) {
                return false;
            }
        }
        return true;
    }

    /** Says goodbye (close_notify) if the socket takes it at once, then closes. */
    @Override
    public void close() {
        try {
            engine.closeOutbound();
            if (begun && flushPending()) {
                wrap(NOTHING);
                flushPending();
            }
        } catch (IOException | RuntimeException ignored) {
            // the connection is going away either way
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing left to report
        }
    }

    private void wrap(ByteBuffer src) throws SSLException {
        netOut.compact();
        SSLEngineResult result;
        try {
            result = engine.wrap(src, netOut);
        } finally {
            netOut.flip();
        }
        if (result.getStatus() == SSLEngineResult.Status.BUFFER_OVERFLOW) {
            throw new SSLException("a TLS record did not fit the engine's own packet size");
        }
    }

    /** One unwrap during the handshake; false when it needs bytes that have not arrived yet. */
    private boolean unwrapForHandshake() throws IOException {
        SSLEngineResult.Status status = unwrap();
        if (status == SSLEngineResult.Status.BUFFER_UNDERFLOW) {
            int count = channel.read(netIn);
            if (count < 0) {
                throw new EOFException("the server closed the connection during the TLS handshake");
            }
            return count > 0;
        }
        if (status == SSLEngineResult.Status.CLOSED) {
            throw new EOFException("the server closed the connection during the TLS handshake");
        }
        return true;
    }

    /** Decrypts every whole record that has arrived, as far as appIn has room, and answers what the engine asks. */
    private void unwrapAvailable() throws IOException {
        recordsWaiting = false;
        while (netIn.position() > 0 && !inboundClosed) {
            if (appIn.capacity() - appIn.remaining() < engine.getSession().getApplicationBufferSize()) {
                recordsWaiting = true; // taken out by the next read, without waiting for the socket
                return;
            }
            SSLEngineResult.Status status = unwrap();
            // After the handshake the server may still send session tickets or a key update.
            while (true) {
                SSLEngineResult.HandshakeStatus handshake = engine.getHandshakeStatus();
                if (handshake == SSLEngineResult.HandshakeStatus.NEED_TASK) {
                    runTasks();
                } else if (handshake == SSLEngineResult.HandshakeStatus.NEED_WRAP) {
                    wrap(NOTHING);
                    flushPending();
                } else {
                    break;
                }
            }
            if (status == SSLEngineResult.Status.BUFFER_UNDERFLOW) {
                return;
            }
            if (status == SSLEngineResult.Status.CLOSED) {
                inboundClosed = true;
            }
        }
    }

    private SSLEngineResult.Status unwrap() throws SSLException {
        netIn.flip();
        appIn.compact();
        SSLEngineResult result;
        try {
            result = engine.unwrap(netIn, appIn);
        } finally {
            netIn.compact();
            appIn.flip();
        }
        if (result.getStatus() == SSLEngineResult.Status.BUFFER_UNDERFLOW && !netIn.hasRemaining()) {
            netIn = grow(netIn, engine.getSession().getPacketBufferSize()); // a record larger than this buffer
        } else if (result.getStatus() == SSLEngineResult.Status.BUFFER_OVERFLOW) {
            appIn = grow(appIn.compact(), engine.getSession().getApplicationBufferSize()).flip();
        }
        return result.getStatus();
    }

    private static ByteBuffer grow(ByteBuffer inWriteMode, int more) {
        ByteBuffer bigger = ByteBuffer.allocate(inWriteMode.capacity() + more);
        inWriteMode.flip();
        bigger.put(inWriteMode);
        return bigger;
    }

    private void runTasks() {
        Runnable task;
        while ((task = engine.getDelegatedTask()) != null) {
            task.run();
        }
    }
}
