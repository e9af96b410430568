package chat.server.net;

/**
 * The limits the network layer enforces, taken from the server's configuration.
 *
 * @param maxLinks connections past which new ones get {@code ERROR :Server full}
 * @param sendQueueSoftBytes queued output past which a link is not read, and its soft-limit clock runs
 * @param sendQueueHardBytes queued output past which a link whose socket is full is dropped ({@code SendQ exceeded})
 * @param sendQueueSoftMillis how long a link may stay past the soft limit without a break before it is dropped
 * @param sendQueueTotalBytes queued output of all links together past which the largest queues are dropped
 * @param floodLinesPerSecond flood tokens per second; 0 turns flood control off
 * @param floodBurstLines tokens a link starts with and may save up
 * @param floodMaxDelayedLines lines waiting for tokens past which the link is dropped ({@code Excess Flood})
 * @param sweepIntervalMillis how often the sweep checks every link's deadlines
 * @param maxPerAddress open connections one address may hold; 0 = no limit
 * @param connectsPerMinute new connections one address may open per minute; 0 = no limit
 * @param exempt addresses neither per-address limit applies to
 * @param handshakeTimeoutMillis how long a TLS handshake may take before the link is dropped
 */
public record LinkPolicy(int maxLinks, int sendQueueSoftBytes, int sendQueueHardBytes, long sendQueueSoftMillis,
        long sendQueueTotalBytes, double floodLinesPerSecond, int floodBurstLines, int floodMaxDelayedLines,
        long sweepIntervalMillis, int maxPerAddress, int connectsPerMinute, AddressBlocks exempt,
        long handshakeTimeoutMillis) {

    public boolean floodControlEnabled() {
        return floodLinesPerSecond > 0;
    }

    /**
     * How full a link's queue is kept while a long reply is produced: one turn's write budget, so a
     * fast reader gets full-size writes, but at most half the soft limit, so a streamed reply alone
     * never pauses the reader's input or starts its soft-limit clock.
     */
    int streamRefillBytes() {
        return Math.min(OutputStage.WRITE_BYTES_PER_TURN, sendQueueSoftBytes / 2);
    }
}
