package chat.client.bench;

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
        // At most MAX_DIGITS digits: the loop bound says so, and the separator ends the loop as a
        // non-digit, so each digit costs one range test (this runs about 15 times per delivery).
        int limit = Math.min(to, from + MAX_DIGITS);
        long result = 0;
        int i = from;
        for (; i < limit; i++) {
            int digit = bytes[i] - '0';
            if (digit < 0 || digit > 9) {
                break;
            }
            result = result * 10 + digit;
        }
        if (i == from || i >= to || bytes[i] != SEPARATOR) {
            return -1;
        }
        into.number = result;
        return i + 1;
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
