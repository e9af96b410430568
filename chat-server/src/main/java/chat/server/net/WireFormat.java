package chat.server.net;

import chat.protocol.Command;
import chat.protocol.IrcEncoder;
import chat.protocol.IrcMessage;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a link puts a message into bytes: the IRC wire line, or the plain-text view of someone at
 * nc. Each format has a {@link #shape()} number, so an {@link Outbound} encodes once per distinct
 * shape among its receivers, never once per receiver.
 */
public abstract class WireFormat {
    private static final byte[] NOTHING = new byte[0];

    /** How many shapes an {@link Outbound} caches. */
    public static final int SHAPES = 5;

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

    /**
     * A tagged relayed line: the tags this format shows, put before the bare line already encoded
     * once for every shape ({@code bareLine}, CRLF included). Only the tagged IRC shapes are asked.
     */
    byte[] encodeTagged(IrcMessage bare, byte[] bareLine, TagSource tags) {
        return encode(bare);
    }

    /** The last line a closing link gets, saying why. */
    public abstract byte[] farewell(String text);

    /** The IRC wire format (RFC 1459/2812 lines), without tags: what a client that asked for nothing gets. */
    public static final WireFormat IRC = new IrcFormat(0, false, false);

    /**
     * The IRC format for a connection's tag capabilities: server-time alone gives the {@code time}
     * tag only; message-tags gives every tag (msgid, client-only tags, and time if server-time is
     * enabled too). Shapes 2 to 4, so receivers with the same choice share one encoding.
     */
    public static WireFormat irc(boolean messageTags, boolean serverTime) {
        if (messageTags) {
            return serverTime ? IrcFormat.ALL_TAGS : IrcFormat.TAGS_WITHOUT_TIME;
        }
        return serverTime ? IrcFormat.TIME_ONLY : IRC;
    }

    private static final class IrcFormat extends WireFormat {
        static final IrcFormat TIME_ONLY = new IrcFormat(2, false, true);
        static final IrcFormat TAGS_WITHOUT_TIME = new IrcFormat(3, true, false);
        static final IrcFormat ALL_TAGS = new IrcFormat(4, true, true);

        private final boolean allTags;
        private final boolean time;

        private IrcFormat(int shape, boolean allTags, boolean time) {
            super(shape);
            this.allTags = allTags;
            this.time = time;
        }

        @Override
        public byte[] encode(IrcMessage message) {
            if (!allTags && message.command().equals(Command.TAGMSG)) {
                return NOTHING; // a message of tags is nothing to a receiver without message-tags
            }
            return IrcEncoder.encode(withTags(message));
        }

        @Override
        byte[] encodeTagged(IrcMessage bare, byte[] bareLine, TagSource tags) {
            if (!allTags && bare.command().equals(Command.TAGMSG)) {
                return NOTHING;
            }
            byte[] section = tags.tagSection(time, allTags);
            if (section.length == 0) {
                return bareLine;
            }
            byte[] line = new byte[section.length + bareLine.length];
            System.arraycopy(section, 0, line, 0, section.length);
            System.arraycopy(bareLine, 0, line, section.length, bareLine.length);
            return line;
        }

        private IrcMessage withTags(IrcMessage message) {
            Map<String, String> tags = message.tags();
            if (tags.isEmpty() || (allTags && time)) {
                return message;
            }
            Map<String, String> kept = new LinkedHashMap<>();
            for (Map.Entry<String, String> tag : tags.entrySet()) {
                boolean isTime = tag.getKey().equals("time");
                if (isTime ? time : allTags || isResponseTag(tag.getKey())) {
                    kept.put(tag.getKey(), tag.getValue());
                }
            }
            return new IrcMessage(kept, message.prefix(), message.command(), message.params());
        }

        /**
         * label and batch are put only on replies to a connection that negotiated labeled-response
         * and batch, and so are kept whatever else it asked for; no relayed line carries them.
         */
        private static boolean isResponseTag(String key) {
            return key.equals("label") || key.equals("batch");
        }

        @Override
        public byte[] farewell(String text) {
            return ("ERROR :" + text + "\r\n").getBytes(StandardCharsets.UTF_8);
        }
    }
}
