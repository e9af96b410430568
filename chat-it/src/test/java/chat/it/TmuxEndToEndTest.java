package chat.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client's own end-to-end script (three real clients in tmux windows: room chat, one-to-one,
 * a half-typed line that survives incoming messages, 88) run against OUR packaged server.
 * Skipped where tmux is not installed; CI installs it.
 */
class TmuxEndToEndTest {
    @TempDir
    Path work;

    @Test
    @Timeout(value = 150, unit = TimeUnit.SECONDS)
    void threeRealClientsInTmuxChatThroughOurServer() throws Exception {
        Assumptions.assumeTrue(onPath("tmux"), "tmux is not installed");
        Path script = Jars.root().resolve("chat-client/src/test/e2e/tmux-e2e.sh");
        Path serverJar = Jars.server();
        Jars.client(); // the script would build a missing jar itself; the reactor has built it already
        Path output = work.resolve("e2e.log");
        ProcessBuilder e2eBuilder = new ProcessBuilder("bash", script.toString(), "-p", String.valueOf(freePort()),
                "'" + Jars.java() + "' -jar '" + serverJar + "' --port {port} --server-name e2e.test --data-dir '"
                        + work.resolve("data") + "'")
                .directory(Jars.root().toFile()).redirectErrorStream(true).redirectOutput(output.toFile());
        e2eBuilder.environment().put("E2E_HISTORY", "1"); // our server keeps history: check catching up after a restart
        Process e2e = e2eBuilder.start();
        boolean finished = e2e.waitFor(140, TimeUnit.SECONDS);
        if (!finished) {
            e2e.destroy(); // the script's trap kills its tmux server and our server
            e2e.waitFor(10, TimeUnit.SECONDS);
        }
        String log = Files.readString(output);
        assertTrue(finished, "the e2e script did not finish:\n" + log);
        assertEquals(0, e2e.exitValue(), log);
        assertTrue(log.contains("e2e: PASS"), log);
    }

    /** A port the kernel just handed out and nothing holds: the script's server binds it next. */
    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    private static boolean onPath(String command) throws Exception {
        Process which = new ProcessBuilder("bash", "-c", "command -v " + command).start();
        return which.waitFor(10, TimeUnit.SECONDS) && which.exitValue() == 0;
    }
}
