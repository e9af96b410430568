package chat.server.plain;

/**
 * IRC's text formatting codes (bold ^B, colour ^C with up to two digits and ",bg", hex colour ^D,
 * italics ^], underline ^_, strike ^^, monospace ^Q, reverse ^V, reset ^O), taken out of someone's
 * text for a plain-text user: their terminal cannot show them, and stripping only the control
 * byte would leave colour digits glued to the words ("\x0304red" read as "04red").
 */
final class IrcFormatting {
    private static final char BOLD = '\u0002';
    private static final char COLOUR = '\u0003';
    private static final char HEX_COLOUR = '\u0004';
    private static final String TOGGLES = "\u0002\u000f\u0011\u0016\u001d\u001e\u001f";

    private IrcFormatting() {
    }

    /** The text without formatting codes; the argument itself when it has none. */
    static String strip(String text) {
        if (text == null || text.chars().noneMatch(c -> c == COLOUR || c == HEX_COLOUR || TOGGLES.indexOf(c) >= 0)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == COLOUR) {
                i = skipColour(text, i + 1, 2, IrcFormatting::isDigit);
            } else if (c == HEX_COLOUR) {
                i = skipColour(text, i + 1, 6, IrcFormatting::isHex);
            } else if (TOGGLES.indexOf(c) >= 0 || c == BOLD) {
                i++;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** Past "fg" or "fg,bg" (each up to width characters) after a colour code; a lone "," stays text. */
    private static int skipColour(String text, int from, int width, java.util.function.IntPredicate digit) {
        int i = skipDigits(text, from, width, digit);
        if (i > from && i + 1 < text.length() && text.charAt(i) == ',' && digit.test(text.charAt(i + 1))) {
            i = skipDigits(text, i + 1, width, digit);
        }
        return i;
    }

    private static int skipDigits(String text, int from, int width, java.util.function.IntPredicate digit) {
        int i = from;
        while (i < text.length() && i - from < width && digit.test(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isHex(int c) {
        return isDigit(c) || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }
}
