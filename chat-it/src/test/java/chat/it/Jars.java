package chat.it;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** The runnable jars the reactor packages before this module's tests run. */
final class Jars {
    private Jars() {
    }

    static Path root() {
        return Path.of(System.getProperty("chat.root", "..")).toAbsolutePath().normalize();
    }

    static Path server() {
        return existing(root().resolve("chat-server/target/chat-server.jar"));
    }

    static Path client() {
        return existing(root().resolve("chat-client/target/chat-client.jar"));
    }

    static Path java() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /** Run from an IDE without `mvn package` first, the jar may be missing: skip rather than fail. */
    private static Path existing(Path jar) {
        Assumptions.assumeTrue(Files.isRegularFile(jar), jar + " is not built (mvn package builds it)");
        return jar;
    }

    /**
     * The Argon2id hash {@code chat-server --hash-password} prints for {@code password} (the way a
     * person makes one for the --opers file), its stderr in {@code logDir}/hash.log.
     */
    static String hashPassword(Path logDir, String password) throws Exception {
        Process hashing = new ProcessBuilder(java().toString(), "-jar", server().toString(), "--hash-password")
                .redirectError(logDir.resolve("hash.log").toFile()).start();
        try (java.io.OutputStream in = hashing.getOutputStream()) {
            in.write((password + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        String hash = new String(hashing.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
        org.junit.jupiter.api.Assertions.assertEquals(0, hashing.waitFor());
        return hash;
    }

    /**
     * Reads the started server's stdout until it says where it listens; the port, or -1 when the
     * process ended first. The rest of stdout is left unread (the server never blocks on it: its
     * welcome is a few lines).
     */
    static int listeningPort(Process server) throws java.io.IOException {
        java.io.BufferedReader out = new java.io.BufferedReader(
                new java.io.InputStreamReader(server.getInputStream(), java.nio.charset.StandardCharsets.UTF_8));
        java.util.regex.Pattern listening = java.util.regex.Pattern.compile("listening on [0-9.]+:(\\d+)");
        for (String line; (line = out.readLine()) != null; ) {
            java.util.regex.Matcher m = listening.matcher(line);
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
        }
        return -1;
    }
}
