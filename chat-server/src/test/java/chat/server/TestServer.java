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

    /** The TLS port; -1 without one. */
    public int tlsPort() {
        return server.tlsPort();
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
        private static final ServerConfig DEFAULTS = ServerConfig.builder().serverName(NAME).build();
        public int maxClients = DEFAULTS.maxClients();
        public int sendQueueSoftBytes = DEFAULTS.sendQueueSoftBytes();
        public int sendQueueHardBytes = DEFAULTS.sendQueueHardBytes();
        public long sendQueueSoftMillis = DEFAULTS.sendQueueSoftMillis();
        public long sendQueueTotalBytes = DEFAULTS.sendQueueTotalBytes();
        public double floodLinesPerSecond = 0;
        public int floodBurstLines = DEFAULTS.floodBurstLines();
        public int floodMaxDelayedLines = DEFAULTS.floodMaxDelayedLines();
        public long registrationTimeoutMillis = DEFAULTS.registrationTimeoutMillis();
        public long pingIntervalMillis = DEFAULTS.pingIntervalMillis();
        public long pingTimeoutMillis = DEFAULTS.pingTimeoutMillis();
        public List<String> motd = List.of();
        /** Off: tests connect hundreds of clients from 127.0.0.1; the limits have tests of their own. */
        public int maxPerIp = 0;
        public int connectsPerMinute = 0;
        /** Where accounts (and bans) are kept; null: in memory. */
        public java.nio.file.Path accountsDirectory;
        /** No TLS port unless a test sets one (e.g. {@code TlsConfig.on(0, dataDir)}). */
        public chat.server.tls.TlsConfig tls = chat.server.tls.TlsConfig.disabled();

        public ServerConfig build() {
            return DEFAULTS.toBuilder().port(port).password(password).maxClients(maxClients)
                    .sendQueueSoftBytes(sendQueueSoftBytes).sendQueueHardBytes(sendQueueHardBytes)
                    .sendQueueSoftMillis(sendQueueSoftMillis).sendQueueTotalBytes(sendQueueTotalBytes)
                    .floodLinesPerSecond(floodLinesPerSecond).floodBurstLines(floodBurstLines)
                    .floodMaxDelayedLines(floodMaxDelayedLines).registrationTimeoutMillis(registrationTimeoutMillis)
                    .pingIntervalMillis(pingIntervalMillis).pingTimeoutMillis(pingTimeoutMillis).motdLines(motd)
                    .maxPerIp(maxPerIp).connectsPerMinute(connectsPerMinute)
                    .accounts(new chat.server.account.AccountConfig(accountsDirectory, true, true)).tls(tls).build();
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
