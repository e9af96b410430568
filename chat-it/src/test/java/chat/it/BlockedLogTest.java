package chat.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.server.TestClient;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The log can never freeze the server: the packaged server runs with its stderr a pipe that nobody
 * reads (it fills after 64 KiB, and every later write would block), while connections from 250
 * addresses come, say something long and quit, each leaving a log line. A bystander's round trips
 * must keep coming back throughout.
 */
class BlockedLogTest {
    private static final int CYCLES = 1_500;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aServerWhoseStderrIsNeverReadKeepsServing() throws Exception {
        Process server = new ProcessBuilder(Jars.java().toString(), "-jar", Jars.server().toString(), "--port", "0",
                "--server-name", "log.test", "--max-per-ip", "0", "--connects-per-minute", "0", "--no-history")
                .start(); // stderr stays a pipe this test never reads
        try {
            int port = Jars.listeningPort(server);
            assertTrue(port > 0, "the server did not start");
            String longReason = "x".repeat(300);
            try (TestClient bystander = TestClient.irc(port, "bystander")) {
                for (int i = 0; i < CYCLES; i++) {
                    try (Socket socket = new Socket()) {
                        socket.bind(new InetSocketAddress("127.0.0." + (2 + i % 250), 0));
                        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
                        socket.setSoTimeout(10_000);
                        socket.getOutputStream().write(("NICK u" + i + "\r\nUSER u 0 * :u\r\nQUIT :" + longReason + "\r\n")
                                .getBytes(StandardCharsets.UTF_8));
                        InputStream in = socket.getInputStream();
                        while (in.read(new byte[4096]) >= 0) {
                            // read to the server's close
                        }
                    }
                    if (i % 100 == 99) {
                        bystander.sync(); // fails after the client's read timeout if the loop is stuck
                    }
                }
                bystander.sync();
            }
        } finally {
            server.destroy();
            server.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
