package chat.protocol;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One IRC message: optional IRCv3 tags, optional source prefix (without the ':'), the command
 * (upper-case word or three-digit numeric) and up to 15 parameters, the last of which may hold
 * spaces. Immutable; compare with equals.
 */
public record IrcMessage(Map<String, String> tags, String prefix, String command, List<String> params) {

    public IrcMessage {
        Objects.requireNonNull(command, "command");
        tags = tags == null || tags.isEmpty() ? Map.of() : copyTags(tags);
        params = params == null ? List.of() : List.copyOf(params);
    }

    /**
     * An insertion-ordered unmodifiable copy. A null value becomes "": on the wire a tag without a
     * value and one with an empty value are the same (IRCv3 message-tags), so they compare equal here too.
     */
    private static Map<String, String> copyTags(Map<String, String> tags) {
        Map<String, String> copy = new LinkedHashMap<>(tags.size() * 2);
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            copy.put(Objects.requireNonNull(tag.getKey(), "tag key"), tag.getValue() == null ? "" : tag.getValue());
        }
        return Collections.unmodifiableMap(copy);
    }

    /** A message with no tags and no prefix, as a client sends it. */
    public static IrcMessage of(String command, String... params) {
        return new IrcMessage(Map.of(), null, command, List.of(params));
    }

    /** A message with a source prefix, as a server relays it. */
    public static IrcMessage from(String prefix, String command, String... params) {
        return new IrcMessage(Map.of(), prefix, command, List.of(params));
    }

    /** A copy with one more tag, put before the others (batch, label, time: the order servers write). */
    public IrcMessage withTagFirst(String key, String value) {
        Map<String, String> more = new LinkedHashMap<>(tags.size() * 2 + 2);
        more.put(key, value);
        more.putAll(tags);
        return new IrcMessage(more, prefix, command, params);
    }

    public IrcMessage withPrefix(String newPrefix) {
        return new IrcMessage(tags, newPrefix, command, params);
    }

    /** The i-th parameter, or null when there are fewer. */
    public String param(int index) {
        return index < params.size() ? params.get(index) : null;
    }

    /** The last parameter (the "trailing" one in RFC terms), or null when there is none. */
    public String lastParam() {
        return params.isEmpty() ? null : params.get(params.size() - 1);
    }

    public int paramCount() {
        return params.size();
    }

    public boolean isNumeric() {
        return command.length() == 3 && isAsciiDigit(command.charAt(0))
                && isAsciiDigit(command.charAt(1)) && isAsciiDigit(command.charAt(2));
    }

    // Character.isDigit would also take Arabic-Indic and other digits, which no numeric reply uses.
    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** The nick part of a "nick!user@host" prefix, or the whole prefix (a server name). */
    public String sourceNick() {
        if (prefix == null) {
            return null;
        }
        int bang = prefix.indexOf('!');
        if (bang >= 0) {
            return prefix.substring(0, bang);
        }
        int at = prefix.indexOf('@');
        return at >= 0 ? prefix.substring(0, at) : prefix;
    }

    @Override
    public String toString() {
        try {
            return IrcEncoder.format(this);
        } catch (IllegalArgumentException unencodable) {
            return "IrcMessage[tags=" + tags + ", prefix=" + prefix + ", command=" + command + ", params=" + params + "]";
        }
    }
}
