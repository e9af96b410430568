package chat.server.model;

/**
 * IRCv3 msgid values: unique across restarts and sortable as strings in the order they were made
 * (history and CHATHISTORY compare them). Milliseconds since the epoch, then a counter within the
 * millisecond, in a fixed-width base-32 alphabet whose ASCII order is its numeric order; a clock
 * that steps back is held at the last time used, so ids never go backwards.
 */
public final class MessageIds {
    private static final char[] DIGITS = "0123456789abcdefghijklmnopqrstuv".toCharArray();
    /** 10 digits of 5 bits: 50 bits of milliseconds, enough until the year 37,648. */
    private static final int TIME_DIGITS = 10;
    /** 4 digits: a million ids a millisecond before the counter borrows from the next millisecond. */
    private static final int COUNTER_DIGITS = 4;
    private static final int COUNTER_BITS = 5 * COUNTER_DIGITS;
    private static final int COUNTER_LIMIT = 1 << COUNTER_BITS;

    private long lastMillis = Long.MIN_VALUE;
    private int counter;

    /** The next id for a message made at {@code nowMillis} (epoch milliseconds). */
    public String next(long nowMillis) {
        return format(nextSequence(nowMillis));
    }

    /**
     * The next id as a number (milliseconds above the counter's bits), for a caller that may never
     * need its text: a relayed line is stamped always, but its id is written out only for
     * receivers that asked for message-tags.
     */
    long nextSequence(long nowMillis) {
        if (nowMillis > lastMillis) {
            lastMillis = nowMillis;
            counter = 0;
        } else if (++counter == COUNTER_LIMIT) {
            lastMillis++; // borrow: still unique and still ordered
            counter = 0;
        }
        return (lastMillis << COUNTER_BITS) | counter;
    }

    /** The id's text: the sequence in fixed-width base 32, so the strings sort as the numbers do. */
    static String format(long sequence) {
        char[] id = new char[TIME_DIGITS + COUNTER_DIGITS];
        put(id, 0, TIME_DIGITS, sequence >>> COUNTER_BITS);
        put(id, TIME_DIGITS, COUNTER_DIGITS, sequence & (COUNTER_LIMIT - 1));
        return new String(id);
    }

    private static void put(char[] into, int from, int digits, long value) {
        for (int i = from + digits - 1; i >= from; i--) {
            into[i] = DIGITS[(int) (value & 31)];
            value >>>= 5;
        }
    }
}
