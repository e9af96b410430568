package chat.server.cluster;

import chat.protocol.Command;
import chat.protocol.MalformedMessageException;
import chat.protocol.Utf8;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A bare line another node encoded ({@code :prefix COMMAND params}, CRLF included), read as bytes.
 * The receiving node relays those bytes as they are and parses the line only when a receiver
 * needs it parsed, so it checks here, in one pass, everything the parser would refuse: a line that
 * passes can always be parsed. Redis is trusted no further than this: whatever it delivers cannot
 * split into two lines on a client's screen or carry invalid UTF-8 to it.
 */
final class NodeLine {
    private static final int CRLF_BYTES = 2;
    /** Commands nearly every relayed line has, returned as the same constants. */
    private static final String[] RELAYED = {Command.PRIVMSG, Command.NOTICE, Command.TAGMSG};

    private NodeLine() {
    }

    /**
     * The line's command, after checking the line.
     *
     * @throws MalformedMessageException when it is not a prefixed line with a valid command, holds
     *     CR, LF or NUL before its end, or is not UTF-8
     */
    static String command(byte[] wire) throws MalformedMessageException {
        int end = wire.length - CRLF_BYTES;
        boolean ascii = true;
        for (int i = 0; i < end; i++) {
            byte b = wire[i];
            if (b < 0x20) { // one test for nearly every byte: what follows is rare (formatting codes, non-ASCII)
                if (b == '\r' || b == '\n' || b == 0) {
                    throw new MalformedMessageException("CR, LF or NUL inside a line from another node");
                }
                ascii &= b >= 0;
            }
        }
        if (!ascii && Utf8.firstInvalidOffset(wire, 0, end) >= 0) {
            throw new MalformedMessageException("invalid UTF-8 in a line from another node");
        }
        int from = commandStart(wire, end);
        int to = from;
        boolean letters = true;
        boolean digits = true;
        while (to < end && wire[to] != ' ') {
            byte c = wire[to++];
            letters &= (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
            digits &= c >= '0' && c <= '9';
        }
        if (to == from || !(letters || (digits && to - from == 3))) {
            throw new MalformedMessageException("invalid command in a line from another node");
        }
        return known(wire, from, to);
    }

    /** The first parameter of a line {@link #command} accepted (a message's target), or null without one. */
    static String firstParam(byte[] wire) {
        int end = wire.length - CRLF_BYTES;
        int i = skipSpaces(wire, commandStart(wire, end), end);
        while (i < end && wire[i] != ' ') {
            i++;
        }
        i = skipSpaces(wire, i, end);
        if (i >= end) {
            return null;
        }
        if (wire[i] == ':') {
            return new String(wire, i + 1, end - i - 1, StandardCharsets.UTF_8);
        }
        int to = i;
        while (to < end && wire[to] != ' ') {
            to++;
        }
        return new String(wire, i, to - i, StandardCharsets.UTF_8);
    }

    /** Where the command starts: after the prefix, which every relayed line has. */
    private static int commandStart(byte[] wire, int end) {
        if (end < 1 || wire[0] != ':') {
            return end; // no prefix: command() finds no command
        }
        int i = 1;
        while (i < end && wire[i] != ' ') {
            i++;
        }
        return i == 1 ? end : skipSpaces(wire, i, end); // an empty prefix counts as no prefix
    }

    private static int skipSpaces(byte[] wire, int i, int end) {
        while (i < end && wire[i] == ' ') {
            i++;
        }
        return i;
    }

    /** The relay's commands as the same constant strings, others made (upper-case, as the parser makes them). */
    private static String known(byte[] wire, int from, int to) {
        for (String command : RELAYED) {
            if (matches(wire, from, to, command)) {
                return command;
            }
        }
        return new String(wire, from, to - from, StandardCharsets.US_ASCII).toUpperCase(Locale.ROOT);
    }

    private static boolean matches(byte[] wire, int from, int to, String command) {
        if (to - from != command.length()) {
            return false;
        }
        for (int i = 0; i < command.length(); i++) {
            if (wire[from + i] != command.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
