package chat.server.net;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

/** Plain TCP: a non-blocking {@link SocketChannel} and its selection key. */
final class SocketTransport implements Transport {
    private static final int DISCARD_READS = 4;

    private final SocketChannel channel;
    private final SelectionKey key;
    private final String peerAddress;

    SocketTransport(SocketChannel channel, SelectionKey key, String peerAddress) {
        this.channel = channel;
        this.key = key;
        this.peerAddress = peerAddress;
    }

    @Override
    public int read(ByteBuffer into) throws IOException {
        return channel.read(into);
    }

    @Override
    public int write(ByteBuffer from) throws IOException {
        return channel.write(from);
    }

    @Override
    public void setInterest(boolean read, boolean write) {
        if (!key.isValid()) {
            return;
        }
        int ops = (read ? SelectionKey.OP_READ : 0) | (write ? SelectionKey.OP_WRITE : 0);
        if (key.interestOps() != ops) { // the set is a system call on some selectors; skip it when equal
            key.interestOps(ops);
        }
    }

    /**
     * FIN after our last byte; unread input is read away first so the kernel does not answer it
     * with a reset that could destroy our ERROR line in flight.
     */
    @Override
    public void shutdownOutput() throws IOException {
        channel.shutdownOutput();
        ByteBuffer discard = ByteBuffer.allocate(4096);
        for (int i = 0; i < DISCARD_READS && channel.read(discard) > 0; i++) {
            discard.clear();
        }
    }

    @Override
    public void close() {
        key.cancel();
        try {
            channel.close();
        } catch (IOException ignored) {
            // Closing a socket the peer already dropped can fail; it is closed either way.
        }
    }

    @Override
    public String peerAddress() {
        return peerAddress;
    }
}
