package chat.client.ui;

import chat.protocol.IrcNames;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jline.utils.AttributedString;

/**
 * The lines of each window, newest last, up to a bound per window so a busy room left open all day
 * costs a fixed amount of memory. Not thread-safe: {@link JLineScreen} uses it under the reader's lock.
 */
final class Scrollback {
    /** Lines kept for a window without a name (before any room is joined). */
    private static final String NO_WINDOW = "";

    private final int linesPerWindow;
    private final Map<String, Deque<AttributedString>> windows = new HashMap<>();

    Scrollback(int linesPerWindow) {
        this.linesPerWindow = linesPerWindow;
    }

    void add(String window, AttributedString line) {
        Deque<AttributedString> lines = windows.computeIfAbsent(key(window), k -> new ArrayDeque<>());
        lines.addLast(line);
        if (lines.size() > linesPerWindow) {
            lines.removeFirst();
        }
    }

    void clear(String window) {
        windows.remove(key(window));
    }

    /**
     * The newest lines of a window that fill at most {@code rows} terminal rows of this width (a
     * long line takes several), oldest first.
     */
    List<AttributedString> lastScreen(String window, int rows, int width) {
        Deque<AttributedString> lines = windows.getOrDefault(key(window), new ArrayDeque<>());
        List<AttributedString> shown = new ArrayList<>();
        int used = 0;
        for (var it = lines.descendingIterator(); it.hasNext(); ) {
            AttributedString line = it.next();
            int height = rowsOf(line, width);
            if (used + height > rows) {
                break;
            }
            used += height;
            shown.add(0, line);
        }
        return shown;
    }

    static int rowsOf(AttributedString line, int width) {
        return width <= 0 ? 1 : Math.max(1, (line.columnLength() + width - 1) / width);
    }

    private static String key(String window) {
        return window == null ? NO_WINDOW : IrcNames.fold(window);
    }
}
