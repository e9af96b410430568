package chat.server;

import static org.junit.jupiter.api.Assertions.fail;

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

/**
 * An in-process server on 127.0.0.1 (port 0 unless told), with a piped operator console whose output
 * is captured. Published in this module's test-jar for the integration tests.
 */
public final class TestServer implements AutoCloseable {
    public static final String NAME = "test.server";

    public final ChatServer server;
    private final PipedOutputStream consoleIn;
    private final BlockingQueue<String> consoleLines = new LinkedBlockingQueue<>();

    private TestServer(Settings settings) throws IOException {
        consoleIn = new PipedOutputStream();
        PipedInputStream stdin = new PipedInputStream(consoleIn, 8192);
        PrintStream stdout = new PrintStream(new LineCollector(consoleLines), true, StandardCharsets.UTF_8);
        server = ChatServer.start(settings.build(), stdin, stdout);
    }

    public static TestServer start() throws IOException {
        return new TestServer(new Settings());
    }

    public static TestServer start(Settings settings) throws IOException {
        return new TestServer(settings);
    }

    public int port() {
        return server.port();
    }

    public void console(String line) throws IOException {
        consoleIn.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        consoleIn.flush();
    }

    public void closeConsole() throws IOException {
        consoleIn.close();
    }

    /** The next console output line containing {@code part}; fails after the client read timeout. */
    public String expectConsole(String part) throws InterruptedException {
        while (true) {
            String line = consoleLines.poll(TestClient.READ_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
            if (line == null) {
                fail("no console line containing '" + part + "'");
            }
            if (line.contains(part)) {
                return line;
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        server.close();
    }

    /** Test configuration: defaults of the real server, port 0, a fixed server name, flood control off. */
    public static final class Settings {
        /** 0 = an ephemeral port; a test that restarts a server on the same port sets it. */
        public int port;
        public String password;
        public int maxClients = ServerConfig.DEFAULT_MAX_CLIENTS;
        public int sendQueueSoftBytes = ServerConfig.DEFAULT_SENDQ_SOFT_BYTES;
        public int sendQueueHardBytes = ServerConfig.DEFAULT_SENDQ_HARD_BYTES;
        public double floodLinesPerSecond = 0;
        public int floodBurstLines = ServerConfig.DEFAULT_FLOOD_BURST_LINES;
        public int floodMaxDelayedLines = ServerConfig.DEFAULT_FLOOD_MAX_DELAYED_LINES;
        public long registrationTimeoutMillis = ServerConfig.DEFAULT_REGISTRATION_TIMEOUT_MILLIS;
        public long pingIntervalMillis = ServerConfig.DEFAULT_PING_INTERVAL_MILLIS;
        public long pingTimeoutMillis = ServerConfig.DEFAULT_PING_TIMEOUT_MILLIS;
        public List<String> motd = List.of();

        public ServerConfig build() {
            return new ServerConfig("127.0.0.1", port, "#lobby", NAME, password, maxClients, sendQueueSoftBytes,
                    sendQueueHardBytes, floodLinesPerSecond, floodBurstLines, floodMaxDelayedLines,
                    registrationTimeoutMillis, pingIntervalMillis, pingTimeoutMillis, motd);
        }
    }

    /** Splits printed console output into lines. */
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
