package chat.server.net;

import chat.protocol.IrcMessage;

/**
 * One message on its way to one or many links. It is encoded at most once per {@link WireFormat}
 * shape, and the same read-only array is queued for every recipient of that shape: no
 * per-recipient copies or string conversions on the relay path.
 */
public final class Outbound {
    private final IrcMessage message;
    // Two fields for the shapes nearly every relay meets (plain IRC, plain text); the tagged
    // shapes share an array made only when a receiver asked for tags.
    private byte[] shape0;
    private byte[] shape1;
    private byte[][] tagged;

    public Outbound(IrcMessage message) {
        this.message = message;
    }

    public IrcMessage message() {
        return message;
    }

    /** The bytes in {@code format}; an empty array when that format shows nothing of this message. */
    byte[] bytesFor(WireFormat format) {
        int shape = format.shape;
        if (shape == 0) {
            if (shape0 == null) {
                shape0 = format.encode(message);
            }
            return shape0;
        }
        if (shape == 1) {
            if (shape1 == null) {
                shape1 = format.encode(message);
            }
            return shape1;
        }
        if (tagged == null) {
            tagged = new byte[WireFormat.SHAPES][];
        }
        if (tagged[shape] == null) {
            tagged[shape] = format.encode(message);
        }
        return tagged[shape];
    }
}
