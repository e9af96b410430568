package chat.client.net;

import chat.protocol.DecodedLine;
import chat.protocol.LineDecoder;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.function.Consumer;

/**
 * One non-blocking TCP connection to the server: the socket, its selection key, the line decoder
 * and the bytes still to write. Used only by the network thread; {@link NetworkLoop} decides what
 * to do when it connects, breaks or falls silent.
 */
public final class ServerLink {
    private static final int READ_BUFFER_BYTES = 16 * 1024;

    private final SocketChannel channel;
    private final SelectionKey key;
    private final LineDecoder decoder = new LineDecoder();
    private final ByteBuffer readBuffer = ByteBuffer.allocate(READ_BUFFER_BYTES);
    private final ArrayDeque<ByteBuffer> writing = new ArrayDeque<>();
    private boolean connected;

    private ServerLink(SocketChannel channel, SelectionKey key, boolean connected) {
        this.channel = channel;
        this.key = key;
        this.connected = connected;
    }

    /** Starts connecting without blocking; {@link #connected()} tells whether it completed at once. */
    static ServerLink open(Selector selector, InetSocketAddress address) throws IOException {
        SocketChannel channel = SocketChannel.open();
        try {
            channel.configureBlocking(false);
            boolean now = channel.connect(address);
            SelectionKey key = channel.register(selector, now ? SelectionKey.OP_READ : SelectionKey.OP_CONNECT);
            return new ServerLink(channel, key, now);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    boolean connected() {
        return connected;
    }

    SelectionKey key() {
        return key;
    }

    /** Completes a pending connect (OP_CONNECT fired); true once connected. */
    boolean finishConnect() throws IOException {
        if (channel.finishConnect()) {
            connected = true;
            key.interestOps(SelectionKey.OP_READ);
        }
        return connected;
    }

    /** Reads what has arrived and hands over each whole line; false when the server closed. */
    boolean read(Consumer<DecodedLine> lines) throws IOException {
        int count = channel.read(readBuffer);
        if (count < 0) {
            return false;
        }
        readBuffer.flip();
        DecodedLine line;
        while ((line = decoder.next(readBuffer)) != null) {
            lines.accept(line);
        }
        readBuffer.clear();
        return true;
    }

    void allowMessageTags() {
        decoder.allowMessageTags();
    }

    void queue(ByteBuffer bytes) {
        writing.add(bytes);
    }

    ArrayDeque<ByteBuffer> writeQueue() {
        return writing;
    }

    /** Writes as much as the socket takes; asks for OP_WRITE only while bytes remain. True when all went. */
    boolean flush() throws IOException {
        while (!writing.isEmpty()) {
            ByteBuffer head = writing.peek();
            channel.write(head);
            if (head.hasRemaining()) {
                break;
            }
            writing.poll();
        }
        key.interestOps(SelectionKey.OP_READ | (writing.isEmpty() ? 0 : SelectionKey.OP_WRITE));
        return writing.isEmpty();
    }

    void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing a socket that is already broken has nothing left to report
        }
    }
}
