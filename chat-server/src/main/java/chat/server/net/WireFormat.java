package chat.server.net;

import chat.protocol.IrcEncoder;
import chat.protocol.IrcMessage;
import java.nio.charset.StandardCharsets;

/**
 * How a link puts a message into bytes: the IRC wire line, or the plain-text view of someone at
 * nc. Each format has a {@link #shape()} number, so an {@link Outbound} encodes once per distinct
 * shape among its receivers, never once per receiver.
 */
public abstract class WireFormat {
    /** How many shapes an {@link Outbound} caches. */
    public static final int SHAPES = 2;

    /**
     * This format's slot in {@link Outbound}'s cache, below {@link #SHAPES}. A field, not a method:
     * it is read once per delivery, and the launcher's C1 compiler does not inline interface calls.
     */
    final int shape;

    protected WireFormat(int shape) {
        if (shape < 0 || shape >= SHAPES) {
            throw new IllegalArgumentException("shape " + shape + " is not below " + SHAPES);
        }
        this.shape = shape;
    }

    /** The CRLF-terminated bytes, or an empty array when this format shows nothing of the message. */
    public abstract byte[] encode(IrcMessage message);

    /** The last line a closing link gets, saying why. */
    public abstract byte[] farewell(String text);

    /** The IRC wire format (RFC 1459/2812 lines). */
    public static final WireFormat IRC = new WireFormat(0) {
        @Override
        public byte[] encode(IrcMessage message) {
            return IrcEncoder.encode(message);
        }

        @Override
        public byte[] farewell(String text) {
            return ("ERROR :" + text + "\r\n").getBytes(StandardCharsets.UTF_8);
        }
    };
}
