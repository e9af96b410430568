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
 * One non-blocking connection to the server: the socket, its selection key, the {@link Wire} that
 * carries its bytes (plain or TLS), the line decoder and the bytes still to write. Used only by the
 * network thread; {@link NetworkLoop} decides what to do when it connects, breaks or falls silent.
 */
public final class ServerLink {
    private static final int READ_BUFFER_BYTES = 16 * 1024;

    private final SocketChannel channel;
    private final SelectionKey key;
    /** Plain TCP until connected; then what {@link Wire} the connection's {@link LinkSecurity} puts on it. */
    private final LinkSecurity security;
    private Wire wire;
    private boolean tcpUp;
    private final LineDecoder decoder = new LineDecoder();
    private final ByteBuffer readBuffer = ByteBuffer.allocate(READ_BUFFER_BYTES);
    private final ArrayDeque<ByteBuffer> writing = new ArrayDeque<>();
    private boolean connected;

    private ServerLink(SocketChannel channel, SelectionKey key, LinkSecurity security) {
        this.channel = channel;
        this.key = key;
        this.security = security;
    }

    /**
     * Starts connecting without blocking; call {@link #finishConnect()} at once and again when the
     * key is ready, until {@link #connected()}.
     */
    static ServerLink open(Selector selector, InetSocketAddress address, LinkSecurity security) throws IOException {
        SocketChannel channel = SocketChannel.open();
        try {
            channel.configureBlocking(false);
            channel.connect(address);
            SelectionKey key = channel.register(selector, SelectionKey.OP_CONNECT);
            return new ServerLink(channel, key, security);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** TCP is up and, over TLS, the handshake is done and the certificate accepted: lines may flow. */
    boolean connected() {
        return connected;
    }

    SelectionKey key() {
        return key;
    }

    /** Completes the connect, then the TLS handshake, as far as the socket allows; true once connected. */
    boolean finishConnect() throws IOException {
        if (!tcpUp) {
            if (!channel.finishConnect()) {
                return false;
            }
            tcpUp = true;
            wire = security.wrap(channel);
        }
        connected = wire.handshake();
        key.interestOps(SelectionKey.OP_READ | (wire.wantsWrite() ? SelectionKey.OP_WRITE : 0));
        return connected;
    }

    /** Reads what has arrived and hands over each whole line; false when the server closed. */
    boolean read(Consumer<DecodedLine> lines) throws IOException {
        do {
            int count = wire.read(readBuffer);
            if (count < 0) {
                return false;
            }
            readBuffer.flip();
            DecodedLine line;
            while ((line = decoder.next(readBuffer)) != null) {
                lines.accept(line);
            }
            readBuffer.clear();
        } while (wire.hasBufferedInput()); // decrypted already: no readable event would come for it
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
        boolean held = !wire.flushPending();
        while (!held && !writing.isEmpty()) {
            ByteBuffer head = writing.peek();
            while (head.hasRemaining() && wire.write(head) > 0) {
                // TLS takes at most one record per write
            }
            if (head.hasRemaining()) {
                break;
            }
            writing.poll();
        }
        boolean idle = writing.isEmpty() && !wire.wantsWrite();
        key.interestOps(SelectionKey.OP_READ | (idle ? 0 : SelectionKey.OP_WRITE));
        return idle;
    }

    void close() {
        if (wire != null) {
            wire.close();
            return;
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing a socket that is already broken has nothing left to report
        }
    }
}
