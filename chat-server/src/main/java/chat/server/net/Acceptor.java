package chat.server.net;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;

/** New connections: admitted with their socket options as a {@link Link}, or refused when the server is full. */
final class Acceptor {
    private static final System.Logger LOG = System.getLogger(Acceptor.class.getName());
    /** Accepts per readiness event, so a connection storm cannot starve the connected clients. */
    private static final int ACCEPTS_PER_TURN = 64;
    static final byte[] SERVER_FULL = "ERROR :Server full\r\n".getBytes(StandardCharsets.US_ASCII);

    private final Selector selector;
    private final ServerSocketChannel listener;
    private final LinkPipeline pipeline;
    private final AcceptGuard guard;
    /** What the plain TCP transport becomes on this port: itself, or TLS over it. */
    private final UnaryOperator<Transport> wrap;

    Acceptor(Selector selector, ServerSocketChannel listener, LinkPipeline pipeline, AcceptGuard guard,
            UnaryOperator<Transport> wrap) {
        this.selector = selector;
        this.listener = listener;
        this.pipeline = pipeline;
        this.guard = guard;
        this.wrap = wrap;
    }

    AcceptGuard guard() {
        return guard;
    }

    ServerSocketChannel listener() {
        return listener;
    }

    void acceptSome() {
        for (int i = 0; i < ACCEPTS_PER_TURN; i++) {
            SocketChannel channel;
            try {
                channel = listener.accept();
                if (channel == null) {
                    return;
                }
            } catch (IOException e) {
                guard.acceptFailed(e, pipeline.clock().now());
                return;
            }
            try {
                admit(channel);
            } catch (IOException e) {
                LOG.log(Level.INFO, "could not set up a new connection: " + e.getMessage());
                closeQuietly(channel);
            }
        }
    }

    private void admit(SocketChannel channel) throws IOException {
        channel.configureBlocking(false);
        if (pipeline.refusesNewLinks()) {
            channel.write(ByteBuffer.wrap(SERVER_FULL)); // best effort; the socket buffer is empty
            closeQuietly(channel);
            return;
        }
        InetAddress address = ((InetSocketAddress) channel.getRemoteAddress()).getAddress();
        InetAddress counted;
        try {
            counted = pipeline.admit(address);
        } catch (AddressGate.Refused refused) {
            // Before any session exists: one line saying why, then the close (best effort; the
            // socket buffer is empty).
            channel.write(ByteBuffer.wrap(("ERROR :" + refused.getMessage() + "\r\n").getBytes(StandardCharsets.US_ASCII)));
            closeQuietly(channel);
            return;
        }
        try {
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            Keepalive.enable(channel);
            SelectionKey key = channel.register(selector, SelectionKey.OP_READ);
            key.attach(pipeline.open(wrap.apply(new SocketTransport(channel, key, address.getHostAddress())), counted));
        } catch (IOException | RuntimeException e) {
            pipeline.release(counted); // admitted but never opened
            throw e;
        }
    }

    private static void closeQuietly(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // Nothing was built on it yet.
        }
    }
}
