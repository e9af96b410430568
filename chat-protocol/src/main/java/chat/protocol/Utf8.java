package chat.protocol;

/**
 * Strict UTF-8 checks without allocation. The JDK's String constructor silently replaces
 * malformed input with U+FFFD; a chat server must refuse it instead (RFC 3629 section 3).
 */
public final class Utf8 {
    private Utf8() {
    }

    /**
     * Returns the offset of the first byte that starts an invalid sequence, or -1 when
     * {@code bytes[from, to)} is valid UTF-8: no overlong forms, no surrogates, nothing above U+10FFFF.
     */
    public static int firstInvalidOffset(byte[] bytes, int from, int to) {
        int i = from;
        while (i < to) {
            int b = bytes[i];
            if (b >= 0) {
                i++;
                continue;
            }
            int lead = b & 0xFF;
            int length;
            int min;
            if (lead >= 0xC2 && lead <= 0xDF) {
                length = 2;
                min = 0x80;
            } else if (lead >= 0xE0 && lead <= 0xEF) {
                length = 3;
                min = 0x800;
            } else if (lead >= 0xF0 && lead <= 0xF4) {
                length = 4;
                min = 0x10000;
            } else {
                return i; // continuation byte as lead, C0/C1 overlong leads, F5..FF
            }
            if (i + length > to) {
                return i;
            }
            int codePoint = lead & (0xFF >> (length + 1));
            for (int k = 1; k < length; k++) {
                int next = bytes[i + k] & 0xFF;
                if ((next & 0xC0) != 0x80) {
                    return i;
                }
                codePoint = (codePoint << 6) | (next & 0x3F);
            }
            if (codePoint < min || codePoint > 0x10FFFF || (codePoint >= 0xD800 && codePoint <= 0xDFFF)) {
                return i;
            }
            i += length;
        }
        return -1;
    }

    /**
     * The largest {@code n <= maxBytes} such that {@code bytes[0, n)} ends on a character boundary,
     * so cutting there never splits a multi-byte character.
     */
    public static int boundaryAtOrBefore(byte[] bytes, int length, int maxBytes) {
        if (length <= maxBytes) {
            return length;
        }
        int cut = Math.max(0, maxBytes);
        while (cut > 0 && (bytes[cut] & 0xC0) == 0x80) {
            cut--;
        }
        return cut;
    }
}
