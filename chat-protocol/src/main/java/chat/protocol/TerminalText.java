package chat.protocol;

/**
 * Which characters in someone else's text could act on a terminal instead of being shown:
 * C0 controls (ESC starts cursor and title sequences), DEL, C1 controls (8-bit CSI/OSC), and
 * the Unicode bidirectional controls that can make a line read differently than it is stored
 * (Trojan Source, CVE-2021-42574), and invisible characters that make text look other than it
 * is. The server strips them for plain-text users; the terminal client shows them visibly.
 */
public final class TerminalText {
    private TerminalText() {
    }

    public static boolean isUnsafe(int codePoint) {
        return codePoint < 0x20 || codePoint == 0x7F
                || (codePoint >= 0x80 && codePoint <= 0x9F)
                || codePoint == 0x061C
                || codePoint == 0x200E || codePoint == 0x200F
                || (codePoint >= 0x202A && codePoint <= 0x202E)
                || (codePoint >= 0x2066 && codePoint <= 0x2069)
                || isInvisible(codePoint);
    }

    /**
     * Characters that take no room on screen or break the line, so text holding them is not what
     * it looks like: zero-width space, line and paragraph separators, word joiner and invisible
     * operators, the byte order mark, the Mongolian vowel separator, the soft hyphen. The
     * zero-width (non-)joiners stay: scripts (Persian, Indic) and emoji need them.
     */
    public static boolean isInvisible(int codePoint) {
        return codePoint == 0x200B || codePoint == 0x2028 || codePoint == 0x2029
                || (codePoint >= 0x2060 && codePoint <= 0x2064) || codePoint == 0xFEFF || codePoint == 0x180E
                || codePoint == 0x00AD;
    }

    /** The text with every unsafe character removed; the argument itself when it is clean. */
    public static String strip(String text) {
        int i = 0;
        while (i < text.length() && !isUnsafe(text.charAt(i))) {
            i++;
        }
        if (i == text.length()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        out.append(text, 0, i);
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isUnsafe(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Longest run of spaces shown as it is; longer runs are shown as one space. */
    public static final int MAX_SPACE_RUN = 8;

    /**
     * The text with every run of more than {@link #MAX_SPACE_RUN} spaces collapsed to one space: a
     * message padded to the terminal's width could otherwise wrap so that its tail starts a row of
     * its own and passes for a line from someone else. The argument itself when nothing changes.
     */
    public static String collapseSpaceRuns(String text) {
        if (text == null || text.indexOf(" ".repeat(MAX_SPACE_RUN + 1)) < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            int end = i;
            while (end < text.length() && text.charAt(end) == ' ') {
                end++;
            }
            if (end > i) {
                out.append(end - i > MAX_SPACE_RUN ? " " : text.substring(i, end));
                i = end;
            } else {
                out.append(text.charAt(i++));
            }
        }
        return out.toString();
    }

    /**
     * The text with every unsafe character written as an escape (backslash-x1b for ESC, backslash-u202e for
     * a right-to-left override), for
     * a log or an operator's terminal: nothing a client sent can act on it, and nothing is hidden.
     * Backslashes stay as they are (nicks may hold them), so a client can write text that looks like
     * an escape, never one that acts. The argument itself when clean.
     */
    public static String escape(String text) {
        if (text == null) {
            return null;
        }
        int i = 0;
        while (i < text.length() && !isUnsafe(text.charAt(i))) {
            i++;
        }
        if (i == text.length()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, i);
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isUnsafe(c)) {
                out.append(c);
            } else if (c < 0x100) {
                out.append(String.format("\\x%02x", (int) c));
            } else {
                out.append(String.format("\\u%04x", (int) c));
            }
        }
        return out.toString();
    }
}
