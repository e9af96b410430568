package chat.server;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

/** New connections: admitted with their socket options and greeting, or refused when the server is full. */
final class Acceptor {
    private static final System.Logger LOG = System.getLogger(Acceptor.class.getName());
    /** Accepts per readiness event, so a connection storm cannot starve the connected clients. */
    private static final int ACCEPTS_PER_TURN = 64;
    static final byte[] SERVER_FULL = "ERROR :Server full\r\n".getBytes(StandardCharsets.US_ASCII);

    private final Selector selector;
    private final ServerSocketChannel listener;
    private final ChatState state;
    private final Closer closer;
    private final ConnectionHost host;
    private final AcceptGuard guard;
    private long nextConnectionId = 1;

    Acceptor(Selector selector, ServerSocketChannel listener, ChatState state, Closer closer, ConnectionHost host,
            AcceptGuard guard) {
        this.selector = selector;
        this.listener = listener;
        this.state = state;
        this.closer = closer;
        this.host = host;
        this.guard = guard;
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
                guard.acceptFailed(e, state.nowMillis);
                return;
            }
            try {
                admit(channel);
            } catch (IOException e) {
                LOG.log(Level.INFO, "could not set up a new connection: " + e.getMessage());
                closer.closeQuietly(channel);
            }
        }
    }

    private void admit(SocketChannel channel) throws IOException {
        channel.configureBlocking(false);
        if (state.connections.size() >= state.config.maxClients() || closer.shuttingDown()) {
            channel.write(ByteBuffer.wrap(SERVER_FULL)); // best effort; the socket buffer is empty
            closer.closeQuietly(channel);
            return;
        }
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        // Plain-text users never answer PING; keepalive is how their dead connections get noticed.
        channel.setOption(StandardSocketOptions.SO_KEEPALIVE, true);
        String peer = ((InetSocketAddress) channel.getRemoteAddress()).getAddress().getHostAddress();
        SelectionKey key = channel.register(selector, SelectionKey.OP_READ);
        Connection connection = new Connection(nextConnectionId++, channel, key, peer, host,
                state.config.sendQueueHardBytes(), state.nowMillis);
        if (state.config.floodControlEnabled()) {
            connection.flood = new FloodBucket(state.config.floodLinesPerSecond(), state.config.floodBurstLines(),
                    state.nowMillis);
        }
        key.attach(connection);
        state.connections.add(connection);
        LOG.log(Level.DEBUG, () -> "accepted " + connection);
        connection.send(state.fromServer("NOTICE", "*", "*** Welcome to " + state.serverName
                + ". IRC clients: register as usual. Plain text (nc, telnet): type a nickname and press Enter."));
    }
}
