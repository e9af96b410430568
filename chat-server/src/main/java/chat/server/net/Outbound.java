package chat.server.net;

import chat.protocol.Command;
import chat.protocol.IrcEncoder;
import chat.protocol.IrcMessage;
import chat.protocol.IrcParser;
import chat.protocol.MalformedMessageException;
import java.nio.charset.StandardCharsets;

/**
 * One message on its way to one or many links. It is encoded at most once per {@link WireFormat}
 * shape, and the same read-only array is queued for every recipient of that shape: no
 * per-recipient copies or string conversions on the relay path.
 */
public final class Outbound {
    /**
     * The message without tags: what the untagged shapes encode. Null until asked for when the line
     * came encoded from another node ({@link #Outbound(String, byte[], TagSource)}).
     */
    private IrcMessage bare;
    private final String command;
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
        this.command = bare.command();
        this.tagSource = tagSource;
    }

    /**
     * A line another node encoded: {@code bareLine} (CRLF included, checked to parse as a message
     * with {@code command}) is what untagged IRC receivers get and what tagged shapes put their
     * tags before, as it is. It is parsed only when a receiver's shape or a caller needs the
     * message, which on the relay path is rarely: parsing every line again cost a node more than
     * delivering it (docs/SCALING.md).
     */
    public Outbound(String command, byte[] bareLine, TagSource tagSource) {
        this.command = command;
        this.tagSource = tagSource;
        this.bareLine = bareLine;
    }

    /** Another form of the same event with the same tags (extended-join's longer JOIN). */
    public Outbound withBareMessage(IrcMessage otherBare) {
        return new Outbound(otherBare, tagSource);
    }

    /** The message without tags, as a receiver that asked for nothing gets it. */
    public IrcMessage bareMessage() {
        if (bare == null) {
            try {
                bare = IrcParser.parse(new String(bareLine, 0, bareLine.length - 2, StandardCharsets.UTF_8));
            } catch (MalformedMessageException e) {
                throw new IllegalStateException("a line from another node was let through unchecked", e);
            }
        }
        return bare;
    }

    /** The message's command, without parsing a line that came encoded. */
    public String command() {
        return command;
    }

    /**
     * The bare line as an IRC client that asked for nothing gets it, CRLF included: encoded once
     * and shared with the untagged shape, the tagged shapes and history. Read-only.
     */
    public byte[] bareLine() {
        if (bareLine == null) {
            bareLine = shape0 != null && shape0.length > 0 ? shape0 : IrcEncoder.encode(bareMessage());
        }
        return bareLine;
    }

    /** Where the tags come from (null: a line without tags). */
    public TagSource tagSource() {
        return tagSource;
    }

    /** The whole message, tags included. */
    public IrcMessage message() {
        IrcMessage bare = bareMessage();
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
                // The untagged IRC shape is the bare line itself, when it was encoded already (for
                // the cluster, or by another node); a TAGMSG is nothing to it, which encode() says.
                shape0 = bareLine != null && !command.equals(Command.TAGMSG) ? bareLine : format.encode(bareMessage());
            }
            return shape0;
        }
        if (shape == 1) {
            if (shape1 == null) {
                shape1 = format.encode(bareMessage());
            }
            return shape1;
        }
        if (taggedShapes == null) {
            taggedShapes = new byte[WireFormat.SHAPES][];
        }
        if (taggedShapes[shape] == null) {
            if (tagSource == null) {
                taggedShapes[shape] = format.encode(bareMessage());
            } else {
                taggedShapes[shape] = format.encodeTagged(this, tagSource);
            }
        }
        return taggedShapes[shape];
    }
}
