package chat.server.net;

import chat.protocol.Command;
import chat.protocol.IrcEncoder;
import chat.protocol.IrcMessage;

/**
 * One message on its way to one or many links. It is encoded at most once per {@link WireFormat}
 * shape, and the same read-only array is queued for every recipient of that shape: no
 * per-recipient copies or string conversions on the relay path.
 */
public final class Outbound {
    /** The message without tags: what the untagged shapes encode. */
    private final IrcMessage bare;
    /** Null for a line without tags (a server notice); otherwise made into tags on first need. */
    private final TagSource tagSource;
    private IrcMessage tagged;
    // Two fields for the shapes nearly every relay meets (plain IRC, plain text); the tagged
    // shapes share an array made only when a receiver asked for tags.
    private byte[] shape0;
    private byte[] shape1;
    private byte[][] taggedShapes;
    /** The bare line on the wire, which every tagged shape puts its tags before. */
    private byte[] bareLine;

    public Outbound(IrcMessage message) {
        this(message, null);
    }

    /** A line whose tags (time, msgid...) are written out only for receivers whose shape shows them. */
    public Outbound(IrcMessage bare, TagSource tagSource) {
        this.bare = bare;
        this.tagSource = tagSource;
    }

    /**
     * A line whose bare form is already encoded: {@code bareLine} (CRLF included) is what untagged
     * IRC receivers get and what tagged shapes put their tags before, as it is. For a line another
     * node encoded, so this node does not encode it again.
     */
    public Outbound(IrcMessage bare, TagSource tagSource, byte[] bareLine) {
        this(bare, tagSource);
        this.bareLine = bareLine;
        if (!bare.command().equals(Command.TAGMSG)) {
            this.shape0 = bareLine; // a TAGMSG is nothing to an untagged receiver: shape 0 says so itself
        }
    }

    /** Another form of the same event with the same tags (extended-join's longer JOIN). */
    public Outbound withBareMessage(IrcMessage otherBare) {
        return new Outbound(otherBare, tagSource);
    }

    /** The message without tags, as a receiver that asked for nothing gets it. */
    public IrcMessage bareMessage() {
        return bare;
    }

    /**
     * The bare line as an IRC client that asked for nothing gets it, CRLF included: encoded once
     * and shared with the untagged shape, the tagged shapes and history. Read-only.
     */
    public byte[] bareLine() {
        if (bareLine == null) {
            bareLine = shape0 != null && shape0.length > 0 ? shape0 : IrcEncoder.encode(bare);
        }
        return bareLine;
    }

    /** Where the tags come from (null: a line without tags). */
    public TagSource tagSource() {
        return tagSource;
    }

    /** The whole message, tags included. */
    public IrcMessage message() {
        if (tagSource == null) {
            return bare;
        }
        if (tagged == null) {
            tagged = new IrcMessage(tagSource.tags(), bare.prefix(), bare.command(), bare.params());
        }
        return tagged;
    }

    /** The bytes in {@code format}; an empty array when that format shows nothing of this message. */
    byte[] bytesFor(WireFormat format) {
        int shape = format.shape;
        if (shape == 0) {
            if (shape0 == null) {
                shape0 = format.encode(bare);
            }
            return shape0;
        }
        if (shape == 1) {
            if (shape1 == null) {
                shape1 = format.encode(bare);
            }
            return shape1;
        }
        if (taggedShapes == null) {
            taggedShapes = new byte[WireFormat.SHAPES][];
        }
        if (taggedShapes[shape] == null) {
            if (tagSource == null) {
                taggedShapes[shape] = format.encode(bare);
            } else {
                taggedShapes[shape] = format.encodeTagged(bare, bareLine(), tagSource);
            }
        }
        return taggedShapes[shape];
    }
}
