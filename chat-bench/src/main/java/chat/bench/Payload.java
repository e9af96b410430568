package chat.bench;

/**
 * The text a simulated client puts after {@code PRIVMSG #room :}: sender id, per-sender sequence
 * number and send time, each in decimal and ended by a dot, then 'x' padding up to the requested
 * size. Example for sender 7, sequence 42, 123456 ns: {@code 7.42.123456.xxxx}.
 *
 * <p>Plain ASCII digits so any IRC server relays it untouched (no CTCP \001, no colon games) and a
 * person watching with a real client can read it. Encoding and decoding work on byte arrays
 * without building Strings because the receive path runs once per delivery.
 */
public final class Payload {
    private static final byte SEPARATOR = '.';
    private static final byte PADDING = 'x';
    /** Digits a field may have: 18 always fit in a long. */
    private static final int MAX_DIGITS = 18;
    /** Three longs of at most 19 digits each plus their separators. */
    public static final int MAX_HEADER_BYTES = 3 * 20;

    private Payload() {
    }

    /** What {@link #decode} found in one payload. Mutable so the receive path can reuse one. */
    public static final class Fields {
        public int sender;
        public long sequence;
        public long sendNanos;
        /** The number {@link #readDecimal} read last: kept here so decoding allocates nothing. */
        private long number;
    }

    /**
     * Writes the payload into {@code out} at {@code offset} and returns its length: the header,
     * then padding until {@code sizeBytes} (a payload never gets shorter than its header).
     */
    public static int encode(int sender, long sequence, long sendNanos, int sizeBytes, byte[] out, int offset) {
        if (sender < 0 || sequence < 0 || sendNanos < 0) {
            throw new IllegalArgumentException("payload fields must not be negative");
        }
        int at = writeDecimal(sender, out, offset);
        out[at++] = SEPARATOR;
        at = writeDecimal(sequence, out, at);
        out[at++] = SEPARATOR;
        at = writeDecimal(sendNanos, out, at);
        out[at++] = SEPARATOR;
        int end = Math.max(at, offset + sizeBytes);
        while (at < end) {
            out[at++] = PADDING;
        }
        return end - offset;
    }

    /** Bytes {@link #encode} will write for these values. */
    public static int encodedLength(int sender, long sequence, long sendNanos, int sizeBytes) {
        int header = digits(sender) + digits(sequence) + digits(sendNanos) + 3;
        return Math.max(header, sizeBytes);
    }

    /**
     * Reads a payload from {@code bytes[from, to)}; returns false (leaving {@code into} partly
     * written) when the text is not one of ours, e.g. a line typed by a person in the room.
     */
    public static boolean decode(byte[] bytes, int from, int to, Fields into) {
        int at = readDecimal(bytes, from, to, into);
        if (at < 0 || into.number > Integer.MAX_VALUE) {
            return false;
        }
        into.sender = (int) into.number;
        at = readDecimal(bytes, at, to, into);
        if (at < 0) {
            return false;
        }
        into.sequence = into.number;
        at = readDecimal(bytes, at, to, into);
        if (at < 0) {
            return false;
        }
        into.sendNanos = into.number;
        return ByteScan.indexOfOther(bytes, at, to, PADDING) == to;
    }

    /** Parses digits up to a separator into {@code into.number}; returns the index after the separator, or -1. */
    private static int readDecimal(byte[] bytes, int from, int to, Fields into) {
        // A field has at most MAX_DIGITS digits, so its separator is within the next MAX_DIGITS + 1 bytes.
        int separator = ByteScan.indexOf(bytes, from, Math.min(to, from + MAX_DIGITS + 1), SEPARATOR);
        if (separator <= from) {
            return -1;
        }
        // Eight digits at a time, then one at a time: the send time has ten or more digits, and this
        // runs three times per delivery.
        long result = 0;
        int i = from;
        for (; separator - i >= Long.BYTES; i += Long.BYTES) {
            long word = ByteScan.longAt(bytes, i);
            if (!allDigits(word)) {
                return -1;
            }
            result = result * 100_000_000L + eightDigits(word);
        }
        for (; i < separator; i++) {
            int digit = bytes[i] - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            result = result * 10 + digit;
        }
        into.number = result;
        return separator + 1;
    }

    /** True when all eight bytes are ASCII digits: high nibble 3, and low nibble + 6 still below 16. */
    static boolean allDigits(long word) {
        return (word & 0xF0F0F0F0F0F0F0F0L) == 0x3030303030303030L
                && ((word + 0x0606060606060606L) & 0xF0F0F0F0F0F0F0F0L) == 0x3030303030303030L;
    }

    /**
     * The number written by eight ASCII digits read as a little-endian long (first digit in the
     * lowest byte): neighbouring digits, then pairs, then quads are combined in place.
     */
    static long eightDigits(long word) {
        long value = word - 0x3030303030303030L;
        value = (value * 10 + (value >>> 8)) & 0x00FF00FF00FF00FFL;
        value = (value * 100 + (value >>> 16)) & 0x0000FFFF0000FFFFL;
        return (value * 10_000 + (value >>> 32)) & 0xFFFFFFFFL;
    }

    private static int writeDecimal(long value, byte[] out, int offset) {
        int length = digits(value);
        long rest = value;
        for (int i = offset + length - 1; i >= offset; i--) {
            out[i] = (byte) ('0' + rest % 10);
            rest /= 10;
        }
        return offset + length;
    }

    private static int digits(long value) {
        int count = 1;
        for (long rest = value / 10; rest > 0; rest /= 10) {
            count++;
        }
        return count;
    }
}
