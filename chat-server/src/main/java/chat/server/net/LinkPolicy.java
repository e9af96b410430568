package chat.server.net;

/**
 * The limits the network layer enforces, taken from the server's configuration.
 *
 * @param maxLinks connections past which new ones get {@code ERROR :Server full}
 * @param sendQueueSoftBytes queued output past which a link is not read
 * @param sendQueueHardBytes queued output past which a link is dropped ({@code SendQ exceeded})
 * @param floodLinesPerSecond flood tokens per second; 0 turns flood control off
 * @param floodBurstLines tokens a link starts with and may save up
 * @param floodMaxDelayedLines lines waiting for tokens past which the link is dropped ({@code Excess Flood})
 * @param sweepIntervalMillis how often the sweep checks every link's deadlines
 * @param maxPerAddress open connections one address may hold; 0 = no limit
 * @param connectsPerMinute new connections one address may open per minute; 0 = no limit
 * @param exempt addresses neither per-address limit applies to
 */
public record LinkPolicy(int maxLinks, int sendQueueSoftBytes, int sendQueueHardBytes, double floodLinesPerSecond,
        int floodBurstLines, int floodMaxDelayedLines, long sweepIntervalMillis, int maxPerAddress,
        int connectsPerMinute, AddressBlocks exempt) {

    public boolean floodControlEnabled() {
        return floodLinesPerSecond > 0;
    }
}
