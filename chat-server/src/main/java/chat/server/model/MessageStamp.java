package chat.server.model;

import chat.protocol.IrcEncoder;
import chat.protocol.TagKeys;
import chat.server.history.Sequences;
import chat.server.net.TagSource;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * When a line was said and its id, as numbers: written out as {@code time} and {@code msgid}
 * (then the sender's well-formed client-only tags) only if some receiver's shape shows tags.
 */
final class MessageStamp implements TagSource {
    private static final byte[] NO_TAGS = {};

    private final long epochMillis;
    private final long sequence;
    private final Map<String, String> clientTags;
    private final ServerTime serverTime;
    /** The sender's account (account-tag), or null. */
    private final String account;
    /** The sender has user mode +B: the {@code bot} tag (IRCv3 bot-mode), for message-tags receivers. */
    private final boolean bot;

    MessageStamp(long epochMillis, long sequence, Map<String, String> clientTags, ServerTime serverTime) {
        this(epochMillis, sequence, clientTags, serverTime, null, false);
    }

    MessageStamp(long epochMillis, long sequence, Map<String, String> clientTags, ServerTime serverTime,
            String account, boolean bot) {
        this.account = account;
        this.bot = bot;
        this.epochMillis = epochMillis;
        this.sequence = sequence;
        this.clientTags = clientTags;
        this.serverTime = serverTime;
    }

    long sequence() {
        return sequence;
    }

    long epochMillis() {
        return epochMillis;
    }

    String account() {
        return account;
    }

    Map<String, String> clientTags() {
        return clientTags;
    }

    boolean bot() {
        return bot;
    }

    @Override
    public Map<String, String> tags() {
        Map<String, String> tags = new LinkedHashMap<>(4 + clientTags.size() * 2);
        tags.put("time", serverTime.format(epochMillis));
        tags.put("msgid", Sequences.msgid(sequence));
        if (account != null) {
            tags.put("account", account);
        }
        if (bot) {
            tags.put("bot", "");
        }
        for (Map.Entry<String, String> tag : clientTags.entrySet()) {
            if (TagKeys.isValidClientTag(tag.getKey())) { // a malformed key is not relayed
                tags.put(tag.getKey(), tag.getValue());
            }
        }
        return tags;
    }

    /** Written straight from the numbers: time and msgid never need escaping, so no map is made. */
    @Override
    public byte[] tagSection(boolean time, boolean allTags, boolean accountTag) {
        boolean withAccount = accountTag && account != null;
        if (!time && !allTags && !withAccount) {
            return NO_TAGS;
        }
        StringBuilder out = new StringBuilder(64);
        out.append('@');
        if (time) {
            out.append("time=").append(serverTime.format(epochMillis));
        }
        if (withAccount) {
            // Account names are nick-shaped: nothing in them needs escaping.
            out.append(out.length() > 1 ? ";account=" : "account=").append(account);
        }
        if (allTags) {
            out.append(out.length() > 1 ? ";msgid=" : "msgid=").append(Sequences.msgid(sequence));
            if (bot) {
                out.append(";bot");
            }
            for (Map.Entry<String, String> tag : clientTags.entrySet()) {
                if (TagKeys.isValidClientTag(tag.getKey())) {
                    IrcEncoder.appendTag(tag.getKey(), tag.getValue(), out.append(';'));
                }
            }
        }
        return out.append(' ').toString().getBytes(StandardCharsets.UTF_8);
    }
}
