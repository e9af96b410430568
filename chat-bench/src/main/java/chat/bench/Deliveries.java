package chat.bench;

import org.HdrHistogram.Histogram;

/**
 * The receive-side bookkeeping of one run: how many deliveries were expected, how each arrival
 * was classified, and the latency of the arrivals that count (messages sent after the warmup).
 * Times are nanoseconds since the run's origin, so all of them are positive.
 */
final class Deliveries {
    /** Latencies above ten minutes are clamped: a message that late is a failure anyway. */
    private static final long HIGHEST_TRACKABLE_NANOS = 600_000_000_000L;
    private static final int SIGNIFICANT_DIGITS = 3;

    final Histogram latencyNanos = new Histogram(HIGHEST_TRACKABLE_NANOS, SIGNIFICANT_DIGITS);
    /** The deliveries whose sender and receiver are on different nodes (--ports), also in the above. */
    final Histogram crossNodeLatencyNanos = new Histogram(HIGHEST_TRACKABLE_NANOS, SIGNIFICANT_DIGITS);
    long sent;
    long measuredSent;
    long expected;
    long distinct;
    long duplicated;
    long reordered;
    /** Our payloads that arrived where they should not: another room, or a sender we never made. */
    long misrouted;
    /** A sender's own lines sent back to it (echo-message): expected once per message, not deliveries. */
    long echoed;
    private final boolean echoes;
    long measuredDistinct;
    long lastArrivalNanos;
    private long measureFromNanos;

    Deliveries(boolean echoes) {
        this.echoes = echoes;
    }

    void measureFrom(long sendNanos) {
        measureFromNanos = sendNanos;
    }

    void countSent(int receivers, long sendNanos) {
        sent++;
        expected += receivers;
        if (sendNanos >= measureFromNanos) {
            measuredSent++;
        }
    }

    /** Classifies one arrival at {@code receiver}; returns true for a first arrival. */
    boolean accept(SimClient receiver, SimClient sender, Payload.Fields payload, long arrivalNanos) {
        if (echoes && sender == receiver && payload.sequence < sender.sent) {
            echoed++;
            return false;
        }
        if (sender == null || sender.room != receiver.room || sender == receiver
                || payload.sequence >= sender.sent) {
            misrouted++;
            return false;
        }
        ReceiveLedger.Arrival arrival = receiver.ledgerFor(sender.memberIndex).record(payload.sequence);
        if (arrival == ReceiveLedger.Arrival.DUPLICATE) {
            duplicated++;
            return false;
        }
        if (arrival == ReceiveLedger.Arrival.REORDERED) {
            reordered++;
        }
        distinct++;
        lastArrivalNanos = arrivalNanos;
        if (payload.sendNanos >= measureFromNanos) {
            measuredDistinct++;
            long latency = Math.min(Math.max(0, arrivalNanos - payload.sendNanos), HIGHEST_TRACKABLE_NANOS);
            latencyNanos.recordValue(latency);
            if (sender.node != receiver.node) {
                crossNodeLatencyNanos.recordValue(latency);
            }
        }
        return true;
    }

    long lost() {
        return expected - distinct;
    }

    boolean allArrived() {
        return distinct >= expected;
    }
}
