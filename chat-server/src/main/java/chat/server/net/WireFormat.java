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
    public static final int SHAPES = 9;

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
     * once for every shape ({@link Outbound#bareLine}). Only the tagged IRC shapes are asked.
     */
    byte[] encodeTagged(Outbound line, TagSource tags) {
        return encode(line.bareMessage());
    }

    /** The last line a closing link gets, saying why. */
    public abstract byte[] farewell(String text);

    /** The IRC wire format (RFC 1459/2812 lines), without tags: what a client that asked for nothing gets. */
    public static final WireFormat IRC = new IrcFormat(0, false, false, false);

    /**
     * The IRC format for a connection's tag capabilities: server-time alone gives the {@code time}
     * tag only; message-tags gives every tag (msgid, client-only tags, and time if server-time is
     * enabled too). Shapes 2 to 4, so receivers with the same choice share one encoding.
     */
    public static WireFormat irc(boolean messageTags, boolean serverTime) {
        return irc(messageTags, serverTime, false);
    }

    /**
     * As {@link #irc(boolean, boolean)}, and account-tag adds the sender's {@code account} tag.
     * Shapes 2 to 8, one per combination, so receivers with the same choice share one encoding.
     */
    public static WireFormat irc(boolean messageTags, boolean serverTime, boolean accountTag) {
        int index = (serverTime ? 1 : 0) | (messageTags ? 2 : 0) | (accountTag ? 4 : 0);
        return index == 0 ? IRC : IrcFormat.TAGGED[index];
    }

    private static final class IrcFormat extends WireFormat {
        /** By (time 1 | all tags 2 | account 4); slot 0 is the untagged {@link #IRC}, never used from here. */
        static final IrcFormat[] TAGGED = new IrcFormat[8];

        static {
            for (int i = 1; i < TAGGED.length; i++) {
                TAGGED[i] = new IrcFormat(1 + i, (i & 2) != 0, (i & 1) != 0, (i & 4) != 0);
            }
        }

        private final boolean allTags;
        private final boolean time;
        private final boolean account;

        private IrcFormat(int shape, boolean allTags, boolean time, boolean account) {
            super(shape);
            this.allTags = allTags;
            this.time = time;
            this.account = account;
        }

        @Override
        public byte[] encode(IrcMessage message) {
            if (!allTags && message.command().equals(Command.TAGMSG)) {
                return NOTHING; // a message of tags is nothing to a receiver without message-tags
            }
            return IrcEncoder.encode(withTags(message));
        }

        @Override
        byte[] encodeTagged(Outbound relayed, TagSource tags) {
            if (!allTags && relayed.command().equals(Command.TAGMSG)) {
                return NOTHING;
            }
            byte[] bareLine = relayed.bareLine();
            byte[] section = tags.tagSection(time, allTags, account);
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
            if (tags.isEmpty() || (allTags && time && account)) {
                return message;
            }
            Map<String, String> kept = new LinkedHashMap<>();
            for (Map.Entry<String, String> tag : tags.entrySet()) {
                String key = tag.getKey();
                boolean shown = key.equals("time") ? time : key.equals("account") ? account
                        : allTags || isResponseTag(key);
                if (shown) {
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
