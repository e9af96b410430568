package chat.bench;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code chat bench}: a load generator for any IRC server (this project's or another), in the
 * spirit of {@code nats bench}. One selector thread plays every client; see {@link BenchRun}.
 */
@Command(name = "chat bench", mixinStandardHelpOptions = true, versionProvider = BenchCommand.Version.class,
        description = {
            "Load-tests an IRC server: N clients in R rooms register, join, then send numbered, timestamped "
                    + "messages that every receiver checks. Reports connect time, deliveries/s, lost, duplicated "
                    + "and reordered counts, latency percentiles, the bench's own CPU and, with --server-pid, the "
                    + "server's RSS and CPU.",
            "",
            "A message is unconfirmed until every other member of its room has received it; a client keeps at "
                    + "most --window messages unconfirmed, so the server's queues stay bounded."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:run completed, every delivery arrived once and in order",
            "1:run failed (could not connect, refused, disconnected, timeout)",
            "2:invalid options",
            "3:run completed but deliveries were lost, duplicated, reordered or misrouted"})
public final class BenchCommand implements Callable<Integer> {
    public static final int EXIT_FAILED = 1;
    public static final int EXIT_USAGE = 2;
    public static final int EXIT_UNCLEAN = 3;
    private static final long PROGRESS_INTERVAL_MILLIS = 500;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--host", paramLabel = "HOST", defaultValue = "127.0.0.1", description = "server host (default: ${DEFAULT-VALUE})")
    String host;
    @Option(names = "--port", paramLabel = "PORT", defaultValue = "6667", description = "server port (default: ${DEFAULT-VALUE})")
    int port;
    @Option(names = "--ports", paramLabel = "PORT,PORT...", split = ",",
            description = "several nodes of one chat network (e.g. a cluster through Redis): member k of every room "
                    + "connects to node k mod n, so every room has members on every node; reports the latency of "
                    + "cross-node deliveries apart; overrides --port")
    java.util.List<Integer> ports;
    @Option(names = "--rooms", paramLabel = "R", defaultValue = "1", description = "rooms; clients are dealt round-robin (default: ${DEFAULT-VALUE})")
    int rooms;
    @Option(names = "--clients", paramLabel = "N", defaultValue = "10", description = "simulated clients in all (default: ${DEFAULT-VALUE})")
    int clients;
    @Option(names = "--messages", paramLabel = "M", defaultValue = "100",
            description = "messages per client; 0 = until --duration ends; 0 with no --duration = connect and join only (default: ${DEFAULT-VALUE})")
    long messages;
    @Option(names = "--rate", paramLabel = "PER_SECOND", defaultValue = "0",
            description = "messages per second per client; 0 = as fast as --window allows (default: ${DEFAULT-VALUE})")
    double rate;
    @Option(names = "--window", paramLabel = "MESSAGES", defaultValue = "16",
            description = "unconfirmed messages per client (default: ${DEFAULT-VALUE})")
    int window;
    @Option(names = "--size", paramLabel = "BYTES", defaultValue = "64", description = "payload bytes per message, at least the header (default: ${DEFAULT-VALUE})")
    int size;
    @Option(names = "--warmup", defaultValue = "0", paramLabel = "SECONDS",
            description = "traffic at the start that is checked but left out of latency and rates (default: ${DEFAULT-VALUE})")
    double warmup;
    @Option(names = "--duration", defaultValue = "0", paramLabel = "SECONDS",
            description = "stop sending after the warmup plus this long; 0 = no time limit (default: ${DEFAULT-VALUE})")
    double duration;
    @Option(names = "--drain-timeout", defaultValue = "10", paramLabel = "SECONDS",
            description = "give up on missing deliveries after this long without progress (default: ${DEFAULT-VALUE})")
    double drainTimeout;
    @Option(names = "--connect-timeout", defaultValue = "300", paramLabel = "SECONDS",
            description = "limit for connecting and joining all clients (default: ${DEFAULT-VALUE})")
    double connectTimeout;
    @Option(names = "--connect-batch", paramLabel = "CLIENTS", defaultValue = "10",
            description = "clients connecting and registering at the same time; keep it within the server's listen backlog (default: ${DEFAULT-VALUE})")
    int connectBatch;
    @Option(names = "--nick-prefix", paramLabel = "PREFIX", defaultValue = "bench", description = "nicks are this plus the client number (default: ${DEFAULT-VALUE})")
    String nickPrefix;
    @Option(names = "--room-prefix", paramLabel = "PREFIX", defaultValue = "#bench", description = "rooms are this plus the room number (default: ${DEFAULT-VALUE})")
    String roomPrefix;
    @Option(names = "--server-pid", paramLabel = "PID", defaultValue = "0",
            description = "read this process's RSS and CPU from /proc before and after (default: not read)")
    long serverPid;
    @Option(names = "--caps", paramLabel = "CAP[,CAP...]", defaultValue = "",
            description = "IRCv3 capabilities every client requests before registering, e.g. "
                    + "message-tags,server-time,echo-message; own echoes are counted apart (default: none)")
    String caps;
    @Option(names = "--jit-warmup", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "before connecting, run a short bench against a relay inside this process so the JIT has "
                    + "compiled the bench's hot paths before the server is measured; the server sees none of it "
                    + "(default: on; --no-jit-warmup to measure a cold bench)")
    boolean jitWarmup;
    @Option(names = "--tls", description = "connect over TLS (to the server's TLS port, e.g. --port 6697), accepting "
            + "any certificate; connect time then includes the handshakes")
    boolean tls;
    @Option(names = "--json", description = "print the result as one JSON object instead of the summary line")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        BenchOptions options;
        try {
            java.util.List<Integer> nodes = ports == null || ports.isEmpty() ? java.util.List.of(port) : ports;
            options = new BenchOptions(host, nodes.get(0), rooms, clients, messages, rate, window, size, warmup,
                    duration, drainTimeout, connectTimeout, connectBatch, nickPrefix, roomPrefix, serverPid, caps, nodes);
        } catch (IllegalArgumentException invalid) {
            err.println("bench: " + invalid.getMessage());
            return EXIT_USAGE;
        }
        ProgressBoard board = new ProgressBoard();
        Thread progress = System.console() != null ? startProgress(board, err) : null;
        BenchResult result;
        try {
            if (jitWarmup && !options.idleOnly()) {
                warmUp(options, board, err);
            }
            result = new BenchRun(options, board, jitWarmup, tls).execute();
        } finally {
            if (progress != null) {
                progress.interrupt();
                progress.join();
                err.print("\r\033[K");
                err.flush();
            }
        }
        out.println(json ? ResultFormat.json(result) : ResultFormat.summary(result));
        out.flush();
        if (result.failure() != null) {
            return EXIT_FAILED;
        }
        return result.clean() ? 0 : EXIT_UNCLEAN;
    }

    private static void warmUp(BenchOptions options, ProgressBoard board, PrintWriter err) {
        try {
            BenchResult warmup = JitWarmup.run(options, board);
            if (!warmup.clean()) {
                err.println("bench: the JIT warm-up did not complete (" + warmup.failure() + "); measuring anyway");
            }
        } catch (java.io.IOException e) {
            err.println("bench: the JIT warm-up failed (" + e.getMessage() + "); measuring anyway");
        }
    }

    /** Rewrites one status line in place; only started when a person is watching a terminal. */
    private static Thread startProgress(ProgressBoard board, PrintWriter err) {
        Thread thread = new Thread(() -> {
            try {
                while (true) {
                    Thread.sleep(PROGRESS_INTERVAL_MILLIS);
                    err.print("\r\033[K" + board.line());
                    err.flush();
                }
            } catch (InterruptedException done) {
                Thread.currentThread().interrupt();
            }
        }, "bench-progress");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** The version from the jar manifest, or "dev" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = BenchCommand.class.getPackage().getImplementationVersion();
            return new String[] {"chat bench " + (version == null ? "dev" : version)};
        }
    }
}
