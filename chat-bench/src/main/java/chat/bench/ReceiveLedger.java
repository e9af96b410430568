package chat.bench;

import java.util.BitSet;

/**
 * What one receiver has seen from one sender: which sequence numbers arrived and the highest so
 * far. That is enough to tell, per arrival, a first delivery in order, a first delivery that came
 * after a later message (reordered), or a repeat (duplicated); what never arrived is counted at the
 * end as the sender's sent count minus what arrived below it.
 *
 * <p>Nearly every arrival is the next number with nothing seen beyond it, and that case touches
 * three fields and no bit set: the ledger keeps {@code contiguous}, the count of leading numbers
 * that all arrived, and records arrivals above it in a bit set only once a gap has opened. This
 * runs once per delivery, for every pair of room members (40,000 ledgers in one room of 200).
 */
public final class ReceiveLedger {
    /** How one arrival is classified. */
    public enum Arrival { IN_ORDER, REORDERED, DUPLICATE }

    /** Every sequence number below this arrived. */
    private long contiguous;
    private long highest = -1;
    private long distinct;
    /** Arrivals at or above {@code contiguous} once a gap opened (indexed by sequence number). */
    private BitSet beyondGap;

    public Arrival record(long sequence) {
        if (sequence < 0 || sequence > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("sequence out of range: " + sequence);
        }
        if (sequence < contiguous) {
            return Arrival.DUPLICATE;
        }
        if (sequence == contiguous && highest < sequence) {
            contiguous++;
            highest = sequence;
            distinct++;
            return Arrival.IN_ORDER;
        }
        return recordBeyondGap((int) sequence);
    }

    private Arrival recordBeyondGap(int index) {
        if (beyondGap == null) {
            beyondGap = new BitSet();
        }
        if (beyondGap.get(index)) {
            return Arrival.DUPLICATE;
        }
        beyondGap.set(index);
        distinct++;
        while (contiguous < Integer.MAX_VALUE && beyondGap.get((int) contiguous)) {
            contiguous++;
        }
        if (index < highest) {
            return Arrival.REORDERED;
        }
        highest = index;
        return Arrival.IN_ORDER;
    }

    /** Different sequence numbers received so far. */
    public long distinct() {
        return distinct;
    }

    /** Sequence numbers below {@code sentCount} that never arrived. */
    public long missingOf(long sentCount) {
        long arrived = Math.min(contiguous, sentCount);
        if (beyondGap != null && sentCount > contiguous) {
            arrived += beyondGap.get((int) contiguous, (int) Math.min(sentCount, Integer.MAX_VALUE)).cardinality();
        }
        return sentCount - arrived;
    }
}
