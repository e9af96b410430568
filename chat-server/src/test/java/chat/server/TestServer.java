package chat.server;

import static org.junit.jupiter.api.Assertions.fail;

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

/** An in-process server on 127.0.0.1, port 0, with a piped operator console whose output is captured. */
final class TestServer implements AutoCloseable {
    static final String NAME = "test.server";

    final ChatServer server;
    private final PipedOutputStream consoleIn;
    private final BlockingQueue<String> consoleLines = new LinkedBlockingQueue<>();

    private TestServer(Settings settings) throws IOException {
        consoleIn = new PipedOutputStream();
        PipedInputStream stdin = new PipedInputStream(consoleIn, 8192);
        PrintStream stdout = new PrintStream(new LineCollector(consoleLines), true, StandardCharsets.UTF_8);
        server = ChatServer.start(settings.build(), stdin, stdout);
    }

    static TestServer start() throws IOException {
        return new TestServer(new Settings());
    }

    static TestServer start(Settings settings) throws IOException {
        return new TestServer(settings);
    }

    int port() {
        return server.port();
    }

    void console(String line) throws IOException {
        consoleIn.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        consoleIn.flush();
    }

    void closeConsole() throws IOException {
        consoleIn.close();
    }

    /** The next console output line containing {@code part}; fails after the client read timeout. */
    String expectConsole(String part) throws InterruptedException {
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

    /** Test configuration: defaults of the real server, port 0, a fixed server name. */
    static final class Settings {
        String password;
        int maxClients = ServerConfig.DEFAULT_MAX_CLIENTS;
        int sendQueueSoftBytes = ServerConfig.DEFAULT_SENDQ_SOFT_BYTES;
        int sendQueueHardBytes = ServerConfig.DEFAULT_SENDQ_HARD_BYTES;
        double floodLinesPerSecond = 0;
        int floodBurstLines = ServerConfig.DEFAULT_FLOOD_BURST_LINES;
        int floodMaxDelayedLines = ServerConfig.DEFAULT_FLOOD_MAX_DELAYED_LINES;
        long registrationTimeoutMillis = ServerConfig.DEFAULT_REGISTRATION_TIMEOUT_MILLIS;
        long pingIntervalMillis = ServerConfig.DEFAULT_PING_INTERVAL_MILLIS;
        long pingTimeoutMillis = ServerConfig.DEFAULT_PING_TIMEOUT_MILLIS;
        List<String> motd = List.of();

        ServerConfig build() {
            return new ServerConfig("127.0.0.1", 0, "#lobby", NAME, password, maxClients, sendQueueSoftBytes,
                    sendQueueHardBytes, floodLinesPerSecond, floodBurstLines, floodMaxDelayedLines,
                    registrationTimeoutMillis, pingIntervalMillis, pingTimeoutMillis, motd);
        }
    }

    /** Splits printed console output into lines. */
    private static final class LineCollector extends OutputStream {
        private final BlockingQueue<String> lines;
        private final java.io.ByteArrayOutputStream current = new java.io.ByteArrayOutputStream();

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
