package chat.client.ui;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where the input history (Up/Down) is kept when --history-file is not given: one file per server,
 * so what was typed to one network is not offered on another, under the XDG state directory.
 */
public final class HistoryFiles {
    private HistoryFiles() {
    }

    /** $XDG_STATE_HOME/chat/history-HOST-PORT, else ~/.local/state/chat/history-HOST-PORT. */
    public static Path defaultFor(Map<String, String> env, String host, int port) {
        String state = env.get("XDG_STATE_HOME");
        Path base = state != null && !state.isBlank() ? Path.of(state)
                : Path.of(System.getProperty("user.home"), ".local", "state");
        return base.resolve("chat").resolve("history-" + safeName(host) + "-" + port);
    }

    /** A name made of letters, digits, '.', '-' and '_' only, lower case: safe as a file name anywhere. */
    static String safeName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(lower.length());
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            out.append(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '.' || c == '-' || c == '#' ? c : '_');
        }
        String safe = out.toString();
        return safe.isEmpty() || safe.startsWith(".") ? "_" + safe : safe;
    }
}
