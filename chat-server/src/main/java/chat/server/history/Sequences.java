package chat.server.history;

/**
 * Message sequences: the epoch millisecond a line was said, shifted up, plus a counter within
 * that millisecond. One number orders all history (the table's primary key), gives each line its
 * IRCv3 msgid (the number in fixed-width base 32, whose ASCII order is its numeric order), and
 * turns a CHATHISTORY {@code timestamp=} into a position with a shift.
 */
public final class Sequences {
    /** Bits of the counter: about a million lines per millisecond. */
    public static final int COUNTER_BITS = 20;
    private static final char[] DIGITS = "0123456789abcdefghijklmnopqrstuv".toCharArray();
    /** 14 digits of 5 bits: 70 bits, more than the 64 of a sequence. */
    private static final int MSGID_CHARS = 14;

    private Sequences() {
    }

    /** The first sequence of that millisecond: every line said at or after it is at or above it. */
    public static long first(long epochMillis) {
        return epochMillis << COUNTER_BITS;
    }

    public static long millis(long sequence) {
        return sequence >>> COUNTER_BITS;
    }

    public static String msgid(long sequence) {
        char[] id = new char[MSGID_CHARS];
        long value = sequence;
        for (int i = MSGID_CHARS - 1; i >= 0; i--) {
            id[i] = DIGITS[(int) (value & 31)];
            value >>>= 5;
        }
        return new String(id);
    }

    /** The sequence of a msgid this server made, or -1 for anything else. */
    public static long parseMsgid(String id) {
        if (id == null || id.length() != MSGID_CHARS) {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < MSGID_CHARS; i++) {
            char c = id.charAt(i);
            int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'v' ? c - 'a' + 10 : -1;
            if (digit < 0 || (value >>> 59) != 0) { // the shift below would lose bits
                return -1;
            }
            value = (value << 5) | digit;
        }
        return value < 0 ? -1 : value;
    }
}
