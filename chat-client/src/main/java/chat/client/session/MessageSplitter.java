package chat.client.session;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a long text into pieces that each fit a byte budget, so every piece travels as its own
 * message within the 512-byte line limit instead of being truncated by the encoder or the server.
 * Cuts fall on a space when one lies in the second half of a piece, otherwise between characters
 * (never inside a UTF-8 sequence or a surrogate pair).
 */
public final class MessageSplitter {
    private MessageSplitter() {
    }

    static List<String> split(String text, int maxBytes) {
        if (maxBytes < 4) {
            throw new IllegalArgumentException("a piece must hold at least one character: " + maxBytes);
        }
        List<String> pieces = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = fittingEnd(text, start, maxBytes);
            if (end < text.length()) {
                int space = text.lastIndexOf(' ', end);
                if (space > start && space >= start + (end - start) / 2) {
                    end = space;
                }
            }
            pieces.add(text.substring(start, end));
            start = end;
            // The space we cut at separates the pieces; it is not carried to the next one.
            if (start < text.length() && text.charAt(start) == ' ' && end > 0) {
                start++;
            }
        }
        return pieces;
    }

    /** The furthest index such that text[start, index) encodes to at most maxBytes. */
    private static int fittingEnd(String text, int start, int maxBytes) {
        int bytes = 0;
        int i = start;
        while (i < text.length()) {
            int codePoint = text.codePointAt(i);
            int size = utf8Length(codePoint);
            if (bytes + size > maxBytes) {
                break;
            }
            bytes += size;
            i += Character.charCount(codePoint);
        }
        return i;
    }

    private static int utf8Length(int codePoint) {
        if (codePoint < 0x80) {
            return 1;
        }
        if (codePoint < 0x800) {
            return 2;
        }
        return codePoint < 0x10000 ? 3 : 4;
    }

    static int utf8Bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
