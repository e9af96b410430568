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
}
