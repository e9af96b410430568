package chat.server.model;

import chat.server.history.Sequences;

/**
 * IRCv3 msgid values: unique across restarts and sortable as strings in the order they were made
 * (history and CHATHISTORY compare them). Milliseconds since the epoch, then a counter within the
 * millisecond, in a fixed-width base-32 alphabet whose ASCII order is its numeric order; a clock
 * that steps back is held at the last time used, so ids never go backwards.
 */
public final class MessageIds {
    private static final int COUNTER_BITS = Sequences.COUNTER_BITS;
    private static final int COUNTER_LIMIT = 1 << COUNTER_BITS;

    /** Bits of the counter that name a cluster node (its slot), leaving 12 for the count: 4096 a millisecond. */
    public static final int SLOT_BITS = 8;
    public static final int SLOTS = 1 << SLOT_BITS;
    private static final int SLOT_COUNTER_LIMIT = 1 << (COUNTER_BITS - SLOT_BITS);

    private long lastMillis = Long.MIN_VALUE;
    private int counter;
    /** The node's slot shifted into place (0 on one server, whose counter uses all the bits). */
    private int slotBits;
    private int counterLimit = COUNTER_LIMIT;

    /**
     * In a cluster: the top {@link #SLOT_BITS} of every counter are this node's slot, so two nodes
     * never make the same id even in the same millisecond; ids still sort by time.
     */
    public void useSlot(int slot) {
        if (slot < 0 || slot >= SLOTS) {
            throw new IllegalArgumentException("slot must be 0-" + (SLOTS - 1) + ": " + slot);
        }
        slotBits = slot << (COUNTER_BITS - SLOT_BITS);
        counterLimit = SLOT_COUNTER_LIMIT;
        counter &= counterLimit - 1;
    }

    /** Continues after the newest sequence already stored, so ids stay ordered across a restart with a clock behind. */
    public void continueAfter(long sequence) {
        lastMillis = Sequences.millis(sequence);
        counter = (int) (sequence & (counterLimit - 1));
    }

    /** The next id for a message made at {@code nowMillis} (epoch milliseconds). */
    public String next(long nowMillis) {
        return Sequences.msgid(nextSequence(nowMillis));
    }

    /**
     * The next id as a number (see {@link Sequences}), for a caller that may never need its text:
     * a relayed line is stamped always, but its id is written out only for receivers that asked
     * for message-tags.
     */
    long nextSequence(long nowMillis) {
        if (nowMillis > lastMillis) {
            lastMillis = nowMillis;
            counter = 0;
        } else if (++counter == counterLimit) {
            lastMillis++; // borrow: still unique and still ordered
            counter = 0;
        }
        return (lastMillis << COUNTER_BITS) | slotBits | counter;
    }
}
