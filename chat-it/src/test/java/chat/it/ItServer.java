package chat.it;

import static org.junit.jupiter.api.Assertions.fail;

import chat.server.ChatServer;
import chat.server.TestServer;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server's own {@link TestServer} (in-process, piped operator console), plus what only the
 * integration tests need: the server's counters read through the console with {@code /stats}.
 */
final class ItServer implements AutoCloseable {
    private static final Pattern STATS = Pattern.compile(
            "connections (\\d+) \\(registered (\\d+)\\), rooms (\\d+), messages relayed (\\d+), lines received (\\d+), bytes queued (\\d+)");

    private final TestServer test;
    final ChatServer server;

    private ItServer(TestServer test) {
        this.test = test;
        this.server = test.server;
    }

    static ItServer start(TestServer.Settings settings) throws IOException {
        return new ItServer(TestServer.start(settings));
    }

    /**
     * A restarted server on the port of an earlier one. The port can stay taken for a moment (any
     * process's outgoing connection may be given it as its local port), so binding is retried for
     * a few seconds rather than failing the test on the machine's timing.
     */
    static ItServer restartOn(int port) throws IOException, InterruptedException {
        TestServer.Settings samePort = new TestServer.Settings();
        samePort.port = port;
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
        while (true) {
            try {
                return start(samePort);
            } catch (java.net.BindException taken) {
                if (System.nanoTime() > deadline) {
                    throw taken;
                }
                Thread.sleep(50);
            }
        }
    }

    static ItServer start() throws IOException {
        return new ItServer(TestServer.start());
    }

    int port() {
        return test.port();
    }

    /** The server's own counters, read through the operator console. */
    record Stats(int connections, int registered, int rooms, long relayed, long linesReceived, long bytesQueued) {
    }

    synchronized Stats stats() throws IOException, InterruptedException {
        test.console("/stats");
        String line = test.expectConsole("messages relayed");
        Matcher m = STATS.matcher(line);
        if (!m.find()) {
            fail("the console's /stats line is not in the expected form: " + line);
        }
        return new Stats(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                Long.parseLong(m.group(4)), Long.parseLong(m.group(5)), Long.parseLong(m.group(6)));
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

    int tlsPort() {
        return test.tlsPort();
    }

    private static final Pattern TLS_STATS = Pattern.compile("TLS handshakes done (\\d+), failed (\\d+), timed out (\\d+)");

    /** The TLS line of the console's /stats. */
    record TlsStats(long done, long failed, long timedOut) {
    }

    synchronized TlsStats tlsStats() throws IOException, InterruptedException {
        test.console("/stats");
        String line = test.expectConsole("TLS handshakes");
        Matcher m = TLS_STATS.matcher(line);
        if (!m.find()) {
            fail("the console's TLS stats line is not in the expected form: " + line);
        }
        return new TlsStats(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)));
    }

    /** Sends a console command and returns the first answer line containing {@code part}. */
    synchronized String console(String command, String part) throws IOException, InterruptedException {
        test.console(command);
        return test.expectConsole(part);
    }

    @Override
    public void close() throws InterruptedException {
        test.close();
    }
}
