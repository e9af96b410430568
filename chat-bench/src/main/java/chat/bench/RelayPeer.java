package chat.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.Arrays;

/** One connection of the {@link LoopbackRelay}: its nick, room, partial input line and unwritten output. */
final class RelayPeer {
    final SocketChannel channel;
    SelectionKey key;
    String nick = "*";
    String room;
    /** Asked for capabilities: relayed lines get a tag section like a real server's. */
    boolean tagged;
    /** Asked for echo-message: gets its own lines back. */
    boolean echo;
    byte[] partial = new byte[0];
    private byte[] out = new byte[4096];
    private int outLength;

    RelayPeer(SocketChannel channel) {
        this.channel = channel;
    }

    boolean hasOutput() {
        return outLength > 0;
    }

    void queue(byte[] line) {
        if (outLength + line.length > out.length) {
            out = Arrays.copyOf(out, Math.max(out.length * 2, outLength + line.length));
        }
        System.arraycopy(line, 0, out, outLength, line.length);
        outLength += line.length;
    }

    /** Writes what the socket takes; the rest waits for OP_WRITE (the bench's window bounds it). */
    void write() throws IOException {
        if (outLength == 0 || !key.isValid()) {
            return;
        }
        int written = channel.write(ByteBuffer.wrap(out, 0, outLength));
        System.arraycopy(out, written, out, 0, outLength - written);
        outLength -= written;
        key.interestOps(outLength == 0 ? SelectionKey.OP_READ : SelectionKey.OP_READ | SelectionKey.OP_WRITE);
    }

    void discardOutput() {
        outLength = 0;
    }
}
