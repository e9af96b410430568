package chat.client.net;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The servers whose self-signed certificates the user accepted, like ssh's known_hosts: one
 * {@code host:port SHA256:AB:...} per line, '#' starts a comment. Kept in
 * {@code $XDG_CONFIG_HOME/chat/known_servers} (default {@code ~/.config/chat/known_servers}),
 * readable by the user alone. Read afresh at each check, so an entry removed by hand counts at once.
 */
public final class KnownServers {
    private final Path file;

    public KnownServers(Path file) {
        this.file = file;
    }

    /** Where the file lives for this environment (XDG Base Directory rules). */
    public static Path defaultFile(Map<String, String> env) {
        String xdg = env.get("XDG_CONFIG_HOME");
        Path config = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".config");
        return config.resolve("chat").resolve("known_servers");
    }

    /** "host:port", with brackets around an IPv6 address as ssh writes it. */
    public static String key(String host, int port) {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    public Path file() {
        return file;
    }

    /** The fingerprints saved for this host:port (several after a planned change); empty when none or no file. */
    public List<Fingerprint> lookup(String hostPort) throws IOException {
        List<Fingerprint> found = new ArrayList<>();
        if (!Files.exists(file)) {
            return found;
        }
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] words = line.strip().split("\\s+");
            if (words.length < 2 || words[0].startsWith("#") || !words[0].equalsIgnoreCase(hostPort)) {
                continue;
            }
            try {
                found.add(Fingerprint.parse(words[1]));
            } catch (IllegalArgumentException damaged) {
                // a line mangled by hand matches nothing; the others still count
            }
        }
        return found;
    }

    /** Adds an entry, creating the directory (0700) and the file (0600) when missing. */
    public void remember(String hostPort, Fingerprint fingerprint) throws IOException {
        Files.createDirectories(file.getParent());
        if (!Files.exists(file)) {
            try {
                createPrivate(file);
            } catch (FileAlreadyExistsException raced) {
                // another client made it a moment ago: append to it
            }
        }
        Files.writeString(file, hostPort + " " + fingerprint + System.lineSeparator(), StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
    }

    private static void createPrivate(Path file) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file); // Windows: the profile directory is private already
        }
    }
}
