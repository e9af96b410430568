package chat.bench;

/**
 * Everything one run measured. Times in seconds, latencies in microseconds.
 *
 * @param failure         null when the run completed; otherwise why it stopped early
 * @param measuredSeconds from the end of the warmup to the last delivery
 * @param benchThreadCpuSeconds CPU of the bench's selector thread during the traffic phase
 * @param benchProcessCpuSeconds CPU of the whole bench JVM (JIT and GC included) in that phase
 * @param echoed          own lines the server sent back (echo-message); not counted as received
 * @param server          null without {@code --server-pid}
 * @param crossNode       null with one node; with --ports, the deliveries between different nodes
 */
public record BenchResult(
        BenchOptions options,
        String failure,
        int joined,
        double connectSeconds,
        long sent,
        long expected,
        long received,
        long lost,
        long duplicated,
        long reordered,
        long misrouted,
        long echoed,
        double trafficSeconds,
        double measuredSeconds,
        double deliveriesPerSecond,
        double messagesPerSecond,
        long latencyCount,
        double latencyP50Micros,
        double latencyP99Micros,
        double latencyP999Micros,
        double latencyMaxMicros,
        double benchThreadCpuSeconds,
        double benchProcessCpuSeconds,
        ServerUsage server,
        IoCounts benchIo,
        CrossNode crossNode) {

    /** Latency (microseconds) of the measured deliveries whose sender and receiver were on different nodes. */
    public record CrossNode(int nodes, long latencyCount, double latencyP50Micros, double latencyP99Micros,
                            double latencyP999Micros, double latencyMaxMicros) {
    }

    /**
     * The bench loop's own work in the traffic phase: turns, reads, bytes read, write batches, and
     * the worst lag between a message's scheduled and actual send time and the number of sends
     * more than 1 ms late (both 0 without --rate; time spent waiting for the window excluded).
     */
    public record IoCounts(long turns, long reads, long bytesRead, long writeBatches, double maxSendLagMicros,
                           long lateSends) {
    }

    /** Server resources from /proc: before connecting, once all joined, after the traffic. */
    public record ServerUsage(long rssBeforeKiB, long rssJoinedKiB, long rssAfterKiB,
                              double connectCpuSeconds, double trafficCpuSeconds) {

        /** Resident memory the joined clients added, per client, above the idle server's own. */
        public double rssBytesPerClient(int clients) {
            return (rssJoinedKiB - rssBeforeKiB) * 1024.0 / clients;
        }
    }

    /** True when every expected delivery arrived exactly once, in order, where it belonged. */
    public boolean clean() {
        return failure == null && lost == 0 && duplicated == 0 && reordered == 0 && misrouted == 0;
    }
}
