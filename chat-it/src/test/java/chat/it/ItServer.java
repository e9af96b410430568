package chat.it;

import static org.junit.jupiter.api.Assertions.fail;

import chat.server.ChatServer;
import chat.server.ServerConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real server in this JVM on 127.0.0.1 (port 0 unless told), started through its public API,
 * with a piped operator console so tests can read the server's own counters with {@code /stats}.
 */
final class ItServer implements AutoCloseable {
    static final String NAME = "it.server";
    private static final Pattern STATS = Pattern.compile(
            "connections (\\d+) \\(registered (\\d+)\\), rooms (\\d+), messages relayed (\\d+), lines received (\\d+), bytes queued (\\d+)");

    final ChatServer server;
    final ServerConfig config;
    private final PipedOutputStream consoleIn = new PipedOutputStream();
    private final BlockingQueue<String> consoleLines = new LinkedBlockingQueue<>();

    private ItServer(ServerConfig config) throws IOException {
        this.config = config;
        PipedInputStream stdin = new PipedInputStream(consoleIn, 8192);
        PrintStream stdout = new PrintStream(new LineCollector(consoleLines), true, StandardCharsets.UTF_8);
        server = ChatServer.start(config, stdin, stdout);
    }

    static ItServer start(Settings settings) throws IOException {
        return new ItServer(settings.build());
    }

    static ItServer start() throws IOException {
        return start(new Settings());
    }

    int port() {
        return server.port();
    }

    /** The server's own counters, read through the operator console. */
    record Stats(int connections, int registered, int rooms, long relayed, long linesReceived, long bytesQueued) {
    }

    synchronized Stats stats() throws IOException, InterruptedException {
        consoleLines.clear();
        consoleIn.write("/stats\n".getBytes(StandardCharsets.UTF_8));
        consoleIn.flush();
        while (true) {
            String line = consoleLines.poll(LineClient.READ_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
            if (line == null) {
                fail("the console did not answer /stats");
            }
            Matcher m = STATS.matcher(line);
            if (m.find()) {
                return new Stats(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3)), Long.parseLong(m.group(4)), Long.parseLong(m.group(5)),
                        Long.parseLong(m.group(6)));
            }
        }
    }

    /**
     * Asks /stats until the connection count is {@code expected}: closes of peers that vanished are
     * noticed by the loop asynchronously, so a test waits for the server's own word, not for time.
     */
    Stats awaitConnections(int expected) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        Stats stats;
        do {
            stats = stats();
            if (stats.connections() == expected) {
                return stats;
            }
        } while (System.nanoTime() < deadline);
        fail("the server still counts " + stats.connections() + " connections, expected " + expected + ": " + stats);
        return stats;
    }

    @Override
    public void close() throws InterruptedException {
        server.close();
    }

    /** Configuration for tests: the real defaults, port 0, flood control off unless a test turns it on. */
    static final class Settings {
        int port;
        int maxClients = ServerConfig.DEFAULT_MAX_CLIENTS;
        int sendQueueSoftBytes = ServerConfig.DEFAULT_SENDQ_SOFT_BYTES;
        int sendQueueHardBytes = ServerConfig.DEFAULT_SENDQ_HARD_BYTES;
        double floodLinesPerSecond;
        int floodBurstLines = ServerConfig.DEFAULT_FLOOD_BURST_LINES;
        int floodMaxDelayedLines = ServerConfig.DEFAULT_FLOOD_MAX_DELAYED_LINES;
        long registrationTimeoutMillis = ServerConfig.DEFAULT_REGISTRATION_TIMEOUT_MILLIS;
        long pingIntervalMillis = ServerConfig.DEFAULT_PING_INTERVAL_MILLIS;
        long pingTimeoutMillis = ServerConfig.DEFAULT_PING_TIMEOUT_MILLIS;

        ServerConfig build() {
            return new ServerConfig("127.0.0.1", port, "#lobby", NAME, null, maxClients, sendQueueSoftBytes,
                    sendQueueHardBytes, floodLinesPerSecond, floodBurstLines, floodMaxDelayedLines,
                    registrationTimeoutMillis, pingIntervalMillis, pingTimeoutMillis, List.of());
        }
    }

    /** Splits console output into lines. */
    private static final class LineCollector extends OutputStream {
        private final BlockingQueue<String> lines;
        private final ByteArrayOutputStream current = new ByteArrayOutputStream();

        LineCollector(BlockingQueue<String> lines) {
            this.lines = lines;
        }

        @Override
        public synchronized void write(int b) {
            if (b == '\n') {
                lines.add(current.toString(StandardCharsets.UTF_8));
                current.reset();
            } else {
                current.write(b);
            }
        }
    }
}
