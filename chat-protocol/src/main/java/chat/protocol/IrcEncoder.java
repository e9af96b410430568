package chat.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Writes an {@link IrcMessage} as one wire line ending in CRLF.
 *
 * <p>Two promises: the result never exceeds the line limit ({@link ProtocolLimits#MAX_LINE_BYTES}
 * for prefix, command and parameters, plus {@link ProtocolLimits#MAX_TAGS_BYTES} for tags), because an
 * over-long last parameter is cut on a UTF-8 character boundary; and no field can smuggle in a second
 * line, because CR, LF and NUL anywhere are refused with {@link IllegalArgumentException}. It also
 * refuses what the parser would read back differently (more than {@link ProtocolLimits#MAX_PARAMS}
 * parameters, a space in a middle word, ...) and a head so long that not even an empty last
 * parameter fits; CR and LF inside tag values are escaped, not refused.
 */
public final class IrcEncoder {
    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] NO_BYTES = {};
    private static final String LINE_BREAK_REFUSED = "CR, LF or NUL inside a message field";

    private IrcEncoder() {
    }

    /** The wire bytes, CRLF included, with the last parameter cut if the line would be too long. */
    public static byte[] encode(IrcMessage message) {
        byte[] tagBytes = NO_BYTES;
        if (!message.tags().isEmpty()) {
            StringBuilder tagPart = new StringBuilder();
            appendTags(message.tags(), tagPart);
            tagBytes = tagPart.toString().getBytes(StandardCharsets.UTF_8);
            checkNoLineBreak(tagBytes);
            if (tagBytes.length > ProtocolLimits.MAX_TAGS_BYTES) {
                throw new IllegalArgumentException("tags exceed " + ProtocolLimits.MAX_TAGS_BYTES + " bytes");
            }
        }
        StringBuilder head = new StringBuilder(64);
        List<String> params = message.params();
        appendHead(message, head, params.size() - 1);
        byte[] headBytes = head.toString().getBytes(StandardCharsets.UTF_8);
        checkNoLineBreak(headBytes);
        byte[] last = NO_BYTES;
        boolean colon = false;
        if (!params.isEmpty()) {
            String lastParam = params.get(params.size() - 1);
            colon = needsColon(lastParam);
            last = lastParam.getBytes(StandardCharsets.UTF_8);
            checkNoLineBreak(last); // all of it, also what a cut would drop
        }
        int budget = ProtocolLimits.MAX_LINE_BYTES - ProtocolLimits.CRLF_BYTES - headBytes.length
                - (params.isEmpty() ? 0 : 1 + (colon ? 1 : 0));
        if (budget < 0) {
            throw new IllegalArgumentException("prefix, command and middle parameters exceed the line limit");
        }
        int lastLength = Utf8.boundaryAtOrBefore(last, last.length, budget);
        if (lastLength == 0 && last.length > 0 && !colon) {
            // Cut to nothing, the parameter would vanish; " :" keeps it, as an empty one, but
            // needs the byte that the budget above did not set aside.
            if (budget < 1) {
                throw new IllegalArgumentException("prefix, command and middle parameters leave no room for the last one");
            }
            colon = true;
        }
        byte[] out = new byte[tagBytes.length + headBytes.length + (params.isEmpty() ? 0 : 1 + (colon ? 1 : 0))
                + lastLength + CRLF.length];
        int at = put(tagBytes, tagBytes.length, out, 0);
        at = put(headBytes, headBytes.length, out, at);
        if (!params.isEmpty()) {
            out[at++] = ' ';
            if (colon) {
                out[at++] = ':';
            }
            at = put(last, lastLength, out, at);
        }
        put(CRLF, CRLF.length, out, at);
        return out;
    }

    /** The line without CRLF and without cutting; refuses what {@link #encode} refuses. */
    public static String format(IrcMessage message) {
        StringBuilder out = new StringBuilder(64);
        appendTags(message.tags(), out);
        List<String> params = message.params();
        appendHead(message, out, params.size() - 1);
        if (!params.isEmpty()) {
            String last = params.get(params.size() - 1);
            out.append(needsColon(last) ? " :" : " ").append(last);
        }
        String line = out.toString();
        checkNoLineBreak(line);
        return line;
    }

    /** True when a last parameter must be written after " :" to survive parsing. */
    static boolean needsColon(String lastParam) {
        return lastParam.isEmpty() || lastParam.charAt(0) == ':' || lastParam.indexOf(' ') >= 0;
    }

    private static void appendHead(IrcMessage message, StringBuilder out, int middleCount) {
        if (message.params().size() > ProtocolLimits.MAX_PARAMS) {
            // The parser would glue the surplus into the 15th parameter: refuse rather than change the message.
            throw new IllegalArgumentException("more than " + ProtocolLimits.MAX_PARAMS + " parameters");
        }
        if (message.prefix() != null) {
            checkWord(message.prefix(), "prefix");
            out.append(':').append(message.prefix()).append(' ');
        }
        checkCommand(message.command());
        out.append(message.command());
        List<String> params = message.params();
        for (int i = 0; i < middleCount; i++) {
            String param = params.get(i);
            checkWord(param, "parameter " + (i + 1));
            if (param.charAt(0) == ':') {
                throw new IllegalArgumentException("only the last parameter may start with ':'");
            }
            out.append(' ').append(param);
        }
    }

    /**
     * The UTF-8 size of these tags as a tag section, the leading '@' and the trailing space included,
     * e.g. to hold a client's own tags to the message-tags limit; 0 for no tags.
     */
    public static int tagSectionBytes(Map<String, String> tags) {
        StringBuilder section = new StringBuilder();
        appendTags(tags, section);
        return section.toString().getBytes(StandardCharsets.UTF_8).length;
    }

    private static void appendTags(Map<String, String> tags, StringBuilder out) {
        if (tags.isEmpty()) {
            return;
        }
        out.append('@');
        boolean first = true;
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            if (!first) {
                out.append(';');
            }
            first = false;
            appendTag(tag.getKey(), tag.getValue(), out);
        }
        out.append(' ');
    }

    /**
     * One tag as {@code key} or {@code key=value} with the value escaped, checked as {@link #encode}
     * checks it: for a caller that builds a tag section itself (a relay prepending tags to a line
     * it has already encoded).
     */
    public static void appendTag(String key, String value, StringBuilder out) {
        checkWord(key, "tag key");
        if (key.indexOf('=') >= 0 || key.indexOf(';') >= 0) {
            throw new IllegalArgumentException("tag key holds '=' or ';'");
        }
        out.append(key);
        if (value != null && !value.isEmpty()) {
            checkNoNul(value);
            out.append('=');
            TagValues.escape(value, out);
        }
    }

    private static void checkCommand(String command) {
        boolean letters = !command.isEmpty();
        boolean digits = command.length() == 3;
        for (int i = 0; i < command.length(); i++) {
            char c = command.charAt(i);
            letters &= (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
            digits &= c >= '0' && c <= '9';
        }
        if (!letters && !digits) {
            throw new IllegalArgumentException("invalid command: " + Arrays.toString(command.toCharArray()));
        }
    }

    /**
     * A middle word: non-empty, no space. CR, LF and NUL are checked once over the whole line
     * instead of per field ({@link #encode} on its bytes, {@link #format} on its text): a relayed
     * message's fields would otherwise be scanned twice, and per-char String scans are slow under
     * the C1 compiler the server runs with.
     */
    private static void checkWord(String word, String what) {
        if (word.isEmpty()) {
            throw new IllegalArgumentException(what + " is empty");
        }
        if (word.indexOf(' ') >= 0) {
            throw new IllegalArgumentException(what + " holds a space");
        }
    }

    /** In UTF-8 the bytes of CR, LF and NUL never occur inside another character, so bytes will do. */
    private static void checkNoLineBreak(byte[] bytes) {
        for (byte b : bytes) {
            if (b <= '\r' && b >= 0 && (b == '\r' || b == '\n' || b == 0)) {
                throw new IllegalArgumentException(LINE_BREAK_REFUSED);
            }
        }
    }

    private static void checkNoLineBreak(String text) {
        if (text.indexOf('\r') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\0') >= 0) {
            throw new IllegalArgumentException(LINE_BREAK_REFUSED);
        }
    }

    private static void checkNoNul(String text) {
        if (text.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("NUL inside a tag value");
        }
    }

    private static int put(byte[] source, int length, byte[] target, int at) {
        System.arraycopy(source, 0, target, at, length);
        return at + length;
    }
}
