package chat.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs one of the client's tmux end-to-end scripts (chat-client/src/test/e2e) against OUR packaged
 * server on a free port, and asserts it printed "e2e: PASS". Skipped where tmux is not installed.
 */
final class TmuxScripts {
    private TmuxScripts() {
    }

    static void runAgainstOurServer(String script, Path work, Map<String, String> env, long seconds) throws Exception {
        Assumptions.assumeTrue(onPath("tmux"), "tmux is not installed");
        Path path = Jars.root().resolve("chat-client/src/test/e2e").resolve(script);
        Path serverJar = Jars.server();
        Jars.client(); // the script would build a missing jar itself; the reactor has built it already
        Path output = work.resolve(script + ".log");
        ProcessBuilder builder = new ProcessBuilder("bash", path.toString(), "-p", String.valueOf(freePort()),
                "'" + Jars.java() + "' -jar '" + serverJar + "' --port {port} --server-name e2e.test --data-dir '"
                        + work.resolve("data") + "'")
                .directory(Jars.root().toFile()).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().putAll(env);
        Process e2e = builder.start();
        boolean finished = e2e.waitFor(seconds, TimeUnit.SECONDS);
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
