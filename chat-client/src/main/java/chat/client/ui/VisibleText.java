package chat.client.ui;

import chat.protocol.TerminalText;

/**
 * Makes text from other people safe to put on a terminal. IRC formatting codes (bold, colour,
 * italic, underline, reverse, reset) are removed, since they only style text. Every other character
 * that could act on the terminal instead of being shown (C0 controls such as ESC, DEL, C1 controls,
 * bidi overrides, line and paragraph separators) is replaced by a visible stand-in, so a hostile
 * message can neither move the cursor, retitle the window, fake a line nor reorder what is shown,
 * and the reader can still see that something was there.
 */
public final class VisibleText {
    private static final char IRC_BOLD = 0x02;
    private static final char IRC_COLOR = 0x03;
    private static final char IRC_HEX_COLOR = 0x04;
    private static final char IRC_RESET = 0x0F;
    private static final char IRC_MONOSPACE = 0x11;
    private static final char IRC_REVERSE = 0x16;
    private static final char IRC_ITALIC = 0x1D;
    private static final char IRC_STRIKE = 0x1E;
    private static final char IRC_UNDERLINE = 0x1F;
    /** Unicode "control pictures" block: U+2400 shows NUL, U+241B shows ESC, and so on. */
    private static final int CONTROL_PICTURES = 0x2400;
    private static final int DELETE_PICTURE = 0x2421;

    private VisibleText() {
    }

    public static String of(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = null;
        int i = 0;
        while (i < text.length()) {
            int codePoint = text.codePointAt(i);
            int width = Character.charCount(codePoint);
            if (!unsafe(codePoint)) {
                if (out != null) {
                    out.appendCodePoint(codePoint);
                }
                i += width;
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            i = replace(text, i, codePoint, out);
        }
        return out == null ? text : out.toString();
    }

    private static boolean unsafe(int codePoint) {
        return TerminalText.isUnsafe(codePoint) || Character.getType(codePoint) == Character.SURROGATE;
    }

    /** Appends what stands for the unsafe character at i and returns where scanning continues. */
    private static int replace(String text, int i, int codePoint, StringBuilder out) {
        switch (codePoint) {
            case IRC_BOLD, IRC_RESET, IRC_MONOSPACE, IRC_REVERSE, IRC_ITALIC, IRC_STRIKE, IRC_UNDERLINE:
                return i + 1;
            case IRC_COLOR:
                return skipColor(text, i + 1, 2, c -> c >= '0' && c <= '9');
            case IRC_HEX_COLOR:
                return skipColor(text, i + 1, 6, c -> Character.digit(c, 16) >= 0);
            default:
                break;
        }
        if (codePoint < 0x20) {
            out.append((char) (CONTROL_PICTURES + codePoint));
        } else if (codePoint == 0x7F) {
            out.append((char) DELETE_PICTURE);
        } else {
            out.append(String.format("<U+%04X>", codePoint));
        }
        return i + Character.charCount(codePoint);
    }

    /** mIRC colours: \003 then up to two digits, optionally ",bg"; \004 takes six hex digits. */
    private static int skipColor(String text, int i, int maxDigits, java.util.function.IntPredicate digit) {
        int end = skipDigits(text, i, maxDigits, digit);
        if (end > i && end + 1 < text.length() && text.charAt(end) == ','
                && digit.test(text.charAt(end + 1))) {
            end = skipDigits(text, end + 1, maxDigits, digit);
        }
        return end;
    }

    private static int skipDigits(String text, int i, int maxDigits, java.util.function.IntPredicate digit) {
        int end = i;
        while (end < text.length() && end - i < maxDigits && digit.test(text.charAt(end))) {
            end++;
        }
        return end;
    }
}
