package chat.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * One bench run from first connection to last QUIT: connect and join every client (timed), then
 * traffic until every expected delivery arrived or nothing moved for the drain timeout, then
 * QUIT. Runs on the calling thread, which is the bench's only selector thread.
 */
public final class BenchRun {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long QUIT_GRACE_NANOS = 5 * NANOS_PER_SECOND;
    private static final long IDLE_TURN_NANOS = 50_000_000L;

    private final BenchOptions options;
    private final ProgressBoard board;
    private final BenchLoop loop;
    private final boolean quietJitBeforeTraffic;

    public BenchRun(BenchOptions options, ProgressBoard board) throws IOException {
        this(options, board, false);
    }

    /**
     * @param quietJitBeforeTraffic after every client joined, wait until the JIT compiler threads
     *                              are idle, so they do not share the measured traffic's CPUs
     */
    public BenchRun(BenchOptions options, ProgressBoard board, boolean quietJitBeforeTraffic) throws IOException {
        this(options, board, quietJitBeforeTraffic, false);
    }

    /** @param tls every client connects over TLS, accepting any server certificate */
    public BenchRun(BenchOptions options, ProgressBoard board, boolean quietJitBeforeTraffic, boolean tls)
            throws IOException {
        this.options = options;
        this.board = board;
        this.loop = new BenchLoop(options, tls);
        this.quietJitBeforeTraffic = quietJitBeforeTraffic;
    }

    public BenchResult execute() throws IOException {
        ServerProcStats before = ServerProcStats.read(options.serverPid());
        long connectStart = System.nanoTime();
        long connectDeadline = connectStart + seconds(options.connectTimeoutSeconds());
        connectAll(connectDeadline);
        if (options.nodes() > 1) {
            awaitMembershipEverywhere(connectDeadline);
        }
        double connectSeconds = (System.nanoTime() - connectStart) / 1e9;
        if (quietJitBeforeTraffic && !options.idleOnly()) {
            JitWarmup.awaitCompilerQuiet();
        }
        ServerProcStats joinedStats = ServerProcStats.read(options.serverPid());

        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long threadCpuStart = threads.getCurrentThreadCpuTime();
        long processCpuStart = processCpuNanos();
        long turnsBefore = loop.turns;
        long readsBefore = loop.reader.reads;
        long bytesBefore = loop.reader.bytesRead;
        long trafficStart = System.nanoTime();
        long warmupEnd = trafficStart + seconds(options.warmupSeconds());
        if (loop.failure == null && !options.idleOnly()) {
            traffic(trafficStart, warmupEnd);
        }
        long trafficEnd = System.nanoTime();
        double threadCpu = (threads.getCurrentThreadCpuTime() - threadCpuStart) / 1e9;
        double processCpu = (processCpuNanos() - processCpuStart) / 1e9;
        ServerProcStats after = ServerProcStats.read(options.serverPid());
        BenchResult.IoCounts io = new BenchResult.IoCounts(loop.turns - turnsBefore, loop.reader.reads - readsBefore,
                loop.reader.bytesRead - bytesBefore, loop.sender.writes, loop.sender.maxSendLagNanos / 1e3,
                loop.sender.lateSends);

        quitAll();
        return result(connectSeconds, (trafficEnd - trafficStart) / 1e9, warmupEnd, threadCpu, processCpu,
                usage(before, joinedStats, after), io);
    }

    private void connectAll(long deadline) throws IOException {
        int next = 0;
        while (loop.joined < options.clients() && loop.failure == null) {
            while (loop.connecting < options.connectBatch() && next < options.clients()) {
                loop.connect(next++);
            }
            if (System.nanoTime() > deadline) {
                loop.failure = "connect timeout: " + loop.joined + " of " + options.clients() + " clients joined";
                break;
            }
            loop.turn(IDLE_TURN_NANOS);
            board.publish("connect", loop);
        }
    }

    /**
     * With several nodes, a JOIN reaches the other nodes shortly after it is answered: traffic
     * starting before then would miss members the sender's node does not know of yet. Waits until
     * every client has been shown its whole room by its own node (connect time includes this).
     */
    private void awaitMembershipEverywhere(long deadline) throws IOException {
        while (loop.settled < options.clients() && loop.failure == null) {
            if (System.nanoTime() > deadline) {
                loop.failure = "connect timeout: " + loop.settled + " of " + options.clients()
                        + " clients were shown their whole room by their node";
                break;
            }
            loop.turn(IDLE_TURN_NANOS);
            board.publish("settle", loop);
        }
    }

    private void traffic(long start, long warmupEnd) throws IOException {
        Deliveries deliveries = loop.deliveries;
        TrafficSender sender = loop.sender;
        long sendEnd = options.durationSeconds() > 0 ? warmupEnd + seconds(options.durationSeconds()) : Long.MAX_VALUE;
        long drainNanos = seconds(options.drainTimeoutSeconds());
        deliveries.measureFrom(warmupEnd - loop.origin);
        sender.start(loop.clients, start, sendEnd);
        while (loop.failure == null) {
            long now = System.nanoTime();
            sender.sendDue(now, loop.failedSend);
            if (sender.activeSenders() == 0 && deliveries.allArrived()) {
                break;
            }
            long lastActivity = Math.max(start, Math.max(sender.lastSendNanos, deliveries.lastArrivalNanos + loop.origin));
            // Silence with nothing scheduled means every sender waits on a window that a lost
            // message will never free, or the last deliveries are not coming: stop and count.
            if (!sender.waitingOnSchedule() && !sender.hasReady() && now - lastActivity > drainNanos) {
                break;
            }
            long untilDue = sender.nanosUntilNextDue(now);
            loop.turn(sender.hasReady() ? 0 : untilDue >= 0 ? Math.min(untilDue, IDLE_TURN_NANOS) : IDLE_TURN_NANOS);
            board.publish(now < warmupEnd ? "warmup" : "traffic", loop);
        }
    }

    private void quitAll() throws IOException {
        loop.quitAll();
        long deadline = System.nanoTime() + QUIT_GRACE_NANOS;
        while (loop.open > 0 && System.nanoTime() < deadline) {
            loop.turn(IDLE_TURN_NANOS);
            board.publish("quit", loop);
        }
        loop.closeAll();
    }

    private BenchResult result(double connectSeconds, double trafficSeconds, long warmupEnd,
                               double threadCpu, double processCpu, BenchResult.ServerUsage server,
                               BenchResult.IoCounts io) {
        Deliveries d = loop.deliveries;
        double measured = Math.max(0, (d.lastArrivalNanos + loop.origin - warmupEnd) / 1e9);
        double perSecond = measured > 0 ? 1 / measured : 0;
        var latency = d.latencyNanos;
        boolean any = latency.getTotalCount() > 0;
        return new BenchResult(options, loop.failure, loop.joined, connectSeconds,
                d.sent, d.expected, d.distinct, d.lost(), d.duplicated, d.reordered, d.misrouted, d.echoed,
                trafficSeconds, measured, d.measuredDistinct * perSecond, d.measuredSent * perSecond,
                latency.getTotalCount(),
                any ? latency.getValueAtPercentile(50) / 1e3 : 0,
                any ? latency.getValueAtPercentile(99) / 1e3 : 0,
                any ? latency.getValueAtPercentile(99.9) / 1e3 : 0,
                any ? latency.getMaxValue() / 1e3 : 0,
                threadCpu, processCpu, server, io, crossNode(d));
    }

    /** Null with one node: every delivery stays on it. */
    private BenchResult.CrossNode crossNode(Deliveries d) {
        if (options.nodes() < 2) {
            return null;
        }
        var cross = d.crossNodeLatencyNanos;
        boolean any = cross.getTotalCount() > 0;
        return new BenchResult.CrossNode(options.nodes(), cross.getTotalCount(),
                any ? cross.getValueAtPercentile(50) / 1e3 : 0,
                any ? cross.getValueAtPercentile(99) / 1e3 : 0,
                any ? cross.getValueAtPercentile(99.9) / 1e3 : 0,
                any ? cross.getMaxValue() / 1e3 : 0);
    }

    private static BenchResult.ServerUsage usage(ServerProcStats before, ServerProcStats joined, ServerProcStats after) {
        if (before == null || joined == null || after == null) {
            return null;
        }
        return new BenchResult.ServerUsage(before.rssKiB(), joined.rssKiB(), after.rssKiB(),
                joined.cpuSecondsSince(before), after.cpuSecondsSince(joined));
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }

    private static long seconds(double seconds) {
        return (long) (seconds * NANOS_PER_SECOND);
    }
}
