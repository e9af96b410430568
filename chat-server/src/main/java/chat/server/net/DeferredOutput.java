package chat.server.net;

import chat.protocol.IrcMessage;
import java.util.ArrayDeque;

/**
 * A link's replies waiting behind a {@link ReplyStream}: the streams themselves and the reply
 * lines queued after them, in the order they were given. They move into the {@link SendQueue} only
 * as it drains below the refill mark, so no reply overtakes a streamed one. Lines relayed from
 * others do not wait here (they go straight to the queue and may fall between two whole reply
 * lines, which IRC allows), so the relay path never looks at this. Exists only while a stream is
 * pending.
 */
final class DeferredOutput {
    /** {@code byte[]} lines and {@link ReplyStream}s, oldest first. */
    private final ArrayDeque<Object> items = new ArrayDeque<>();
    private final QueueTotal total;
    private long bytes;

    DeferredOutput(QueueTotal total) {
        this.total = total;
    }

    void add(ReplyStream stream) {
        items.addLast(stream);
    }

    /** A whole reply line; its bytes count toward the link's queue and the server's total. */
    void add(byte[] line) {
        items.addLast(line);
        bytes += line.length;
        total.add(line.length);
    }

    long bytes() {
        return bytes;
    }

    /**
     * Moves lines into {@code out}, oldest first, until it holds {@code targetBytes} or nothing is
     * left; streamed lines are encoded in {@code format} as they are made. True when nothing is left.
     */
    boolean moveInto(SendQueue out, WireFormat format, long targetBytes) {
        while (out.queuedBytes() < targetBytes && !items.isEmpty()) {
            Object head = items.peekFirst();
            if (head instanceof byte[] line) {
                items.pollFirst();
                bytes -= line.length;
                total.add(-line.length);
                out.add(line);
            } else {
                IrcMessage message = ((ReplyStream) head).next();
                if (message == null) {
                    items.pollFirst();
                } else {
                    byte[] line = format.encode(message);
                    if (line.length > 0) {
                        out.add(line);
                    }
                }
            }
        }
        return items.isEmpty();
    }

    /** Forgets everything: the link is being dropped or closed. */
    void clear() {
        total.add(-bytes);
        bytes = 0;
        items.clear();
    }
}
