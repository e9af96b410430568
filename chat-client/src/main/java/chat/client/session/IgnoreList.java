package chat.client.session;

import chat.protocol.IrcNames;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The nicks whose messages, notices, CTCP requests and typing this client hides (/ignore), kept
 * one per line in a file in the config directory so they stay ignored next time. Nicks compare
 * case-folded. Both threads use it; every method is synchronized.
 */
public final class IgnoreList {
    private static final System.Logger LOG = System.getLogger(IgnoreList.class.getName());

    /** null: kept in memory only (no home directory to write to). */
    private final Path file;
    private final Map<String, String> nicks = new TreeMap<>();

    private IgnoreList(Path file) {
        this.file = file;
    }

    /** The list kept in file (read now if it exists; written on every change). */
    public static IgnoreList in(Path file) {
        IgnoreList list = new IgnoreList(file);
        if (file != null && Files.isRegularFile(file)) {
            try {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    String nick = line.strip();
                    if (!nick.isEmpty() && !nick.startsWith("#") && IrcNames.isValidNick(nick)) {
                        list.nicks.put(IrcNames.fold(nick), nick);
                    }
                }
            } catch (IOException unreadable) {
                LOG.log(System.Logger.Level.WARNING, "could not read the ignore list " + file + ": " + unreadable);
            }
        }
        return list;
    }

    /** $XDG_CONFIG_HOME/chat/ignore, else ~/.config/chat/ignore. */
    public static Path defaultFile(Map<String, String> env) {
        String config = env.get("XDG_CONFIG_HOME");
        Path base = config != null && !config.isBlank() ? Path.of(config)
                : Path.of(System.getProperty("user.home"), ".config");
        return base.resolve("chat").resolve("ignore");
    }

    public synchronized boolean ignores(String nick) {
        return nick != null && nicks.containsKey(IrcNames.fold(nick));
    }

    public synchronized List<String> nicks() {
        return new ArrayList<>(nicks.values());
    }

    /** Adds or removes a nick; true when that changed the list. Throws when the file cannot be written. */
    synchronized boolean set(String nick, boolean ignore) throws IOException {
        boolean changed = ignore ? nicks.put(IrcNames.fold(nick), nick) == null : nicks.remove(IrcNames.fold(nick)) != null;
        if (changed && file != null) {
            PrivateFiles.write(file, String.join("\n", nicks.values()) + "\n");
        }
        return changed;
    }
}
