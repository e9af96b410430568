package chat.protocol;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads one line (terminator already removed) as an {@link IrcMessage}, following the grammar of
 * RFC 1459 section 2.3.1 / RFC 2812 section 2.3.1 and IRCv3 message-tags. Hand-written scanning:
 * no regular expressions on this hot path.
 *
 * <p>Leniencies that real clients need: several spaces between parameters count as one, the
 * command is upper-cased, and after 14 middle parameters the rest of the line is the 15th
 * parameter even without a ':' (RFC 2812 2.3.1).
 */
public final class IrcParser {
    private IrcParser() {
    }

    /**
     * Parses one line without its terminator. Refuses (rather than carries along) CR, LF and NUL,
     * so every message it returns can be written back by {@link IrcEncoder} as exactly one line.
     */
    public static IrcMessage parse(String line) throws MalformedMessageException {
        rejectLineBreaks(line);
        return parseBreakFree(line);
    }

    /**
     * Parses a line from {@link LineDecoder}, which has already refused CR and NUL and split at LF,
     * so the scan for them is not repeated (per message it cost as much as the rest of parsing).
     */
    public static IrcMessage parse(DecodedLine.Text line) throws MalformedMessageException {
        return parseBreakFree(line.text());
    }

    private static IrcMessage parseBreakFree(String line) throws MalformedMessageException {
        int length = line.length();
        int i = skipSpaces(line, 0);
        Map<String, String> tags = Map.of();
        if (i < length && line.charAt(i) == '@') {
            int end = line.indexOf(' ', i);
            if (end < 0) {
                throw new MalformedMessageException("tags without a command");
            }
            tags = parseTags(line, i + 1, end);
            i = skipSpaces(line, end);
        }
        String prefix = null;
        if (i < length && line.charAt(i) == ':') {
            int end = line.indexOf(' ', i);
            if (end < 0) {
                throw new MalformedMessageException("prefix without a command");
            }
            if (end == i + 1) {
                throw new MalformedMessageException("empty prefix");
            }
            prefix = line.substring(i + 1, end);
            i = skipSpaces(line, end);
        }
        if (i >= length) {
            throw new MalformedMessageException("no command");
        }
        int commandEnd = indexOfSpace(line, i);
        String command = readCommand(line, i, commandEnd);
        List<String> params = parseParams(line, commandEnd);
        return new IrcMessage(tags, prefix, command, params);
    }

    private static String readCommand(String line, int from, int to) throws MalformedMessageException {
        boolean letters = true;
        boolean digits = true;
        for (int k = from; k < to; k++) {
            char c = line.charAt(k);
            letters &= (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
            digits &= c >= '0' && c <= '9';
        }
        if (!(letters || (digits && to - from == 3))) {
            throw new MalformedMessageException("invalid command");
        }
        // toUpperCase returns the same string, without a copy, when it is upper-case already.
        return line.substring(from, to).toUpperCase(Locale.ROOT);
    }

    private static void rejectLineBreaks(String line) throws MalformedMessageException {
        for (int k = 0; k < line.length(); k++) {
            char c = line.charAt(k);
            if (c == '\r' || c == '\n' || c == '\0') {
                throw new MalformedMessageException("CR, LF or NUL inside a line");
            }
        }
    }

    private static List<String> parseParams(String line, int from) {
        List<String> params = new ArrayList<>(4);
        int length = line.length();
        int i = skipSpaces(line, from);
        while (i < length) {
            if (line.charAt(i) == ':') {
                params.add(line.substring(i + 1));
                break;
            }
            if (params.size() == ProtocolLimits.MAX_PARAMS - 1) {
                params.add(line.substring(i));
                break;
            }
            int end = indexOfSpace(line, i);
            params.add(line.substring(i, end));
            i = skipSpaces(line, end);
        }
        return params;
    }

    private static Map<String, String> parseTags(String line, int from, int to) throws MalformedMessageException {
        Map<String, String> tags = new LinkedHashMap<>();
        int i = from;
        while (i < to) {
            int end = line.indexOf(';', i);
            if (end < 0 || end > to) {
                end = to;
            }
            if (end > i) {
                int equals = line.indexOf('=', i);
                String key;
                String value;
                if (equals < 0 || equals > end) {
                    key = line.substring(i, end);
                    value = "";
                } else {
                    key = line.substring(i, equals);
                    value = TagValues.unescape(line, equals + 1, end);
                }
                if (key.isEmpty()) {
                    throw new MalformedMessageException("empty tag key");
                }
                tags.put(key, value); // IRCv3: a repeated key's last value wins
            }
            i = end + 1;
        }
        return tags;
    }

    private static int skipSpaces(String line, int i) {
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    private static int indexOfSpace(String line, int from) {
        int space = line.indexOf(' ', from);
        return space < 0 ? line.length() : space;
    }
}
