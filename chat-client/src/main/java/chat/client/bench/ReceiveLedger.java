package chat.client.bench;

import java.util.BitSet;

/**
 * What one receiver has seen from one sender: which sequence numbers arrived and the highest so
 * far. That is enough to tell, per arrival, a first delivery in order, a first delivery that came
 * after a later message (reordered), or a repeat (duplicated); what never arrived is counted at the
 * end as the sender's sent count minus {@link #distinct()}.
 */
public final class ReceiveLedger {
    /** How one arrival is classified. */
    public enum Arrival { IN_ORDER, REORDERED, DUPLICATE }

    private final BitSet seen = new BitSet();
    private long highest = -1;
    private long distinct;

    public Arrival record(long sequence) {
        if (sequence < 0 || sequence > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("sequence out of range: " + sequence);
        }
        int index = (int) sequence;
        if (seen.get(index)) {
            return Arrival.DUPLICATE;
        }
        seen.set(index);
        distinct++;
        if (sequence < highest) {
            return Arrival.REORDERED;
        }
        highest = sequence;
        return Arrival.IN_ORDER;
    }

    /** Different sequence numbers received so far. */
    public long distinct() {
        return distinct;
    }

    /** Sequence numbers below {@code sentCount} that never arrived. */
    public long missingOf(long sentCount) {
        return sentCount - seen.get(0, (int) Math.min(sentCount, Integer.MAX_VALUE)).cardinality();
    }
}
