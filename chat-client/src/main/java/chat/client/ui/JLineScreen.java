package chat.client.ui;

import chat.client.session.ClientState;

import java.util.List;
import java.util.function.Supplier;
import org.jline.reader.LineReader;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.InfoCmp;
import org.jline.utils.Status;

/**
 * The one owner of a real terminal's screen: every line shown, every prompt change, every window
 * switch and the status bar go through here, from whichever thread, inside the reader's own lock
 * ({@link ConsoleReader#locked}). A line goes through {@link LineReader#printAbove}, which erases
 * the input line, prints, and redraws the prompt with whatever the user had half typed and the
 * cursor where it was. Nothing else in the client writes to the terminal while the chat runs.
 *
 * <p>Each window (room or person) keeps its lines in the {@link Scrollback}; only the current
 * window's lines are printed, so talk elsewhere never scrolls past. A switch clears the screen and
 * draws the new window's last screenful. The status bar under the input line is JLine's
 * {@link Status} (a scroll region that leaves the bottom row alone).
 */
public final class JLineScreen implements Screen {
    private static final String BELL = "\u0007";
    /** Lines kept per window: a day in a busy room, at a fixed cost. */
    private static final int SCROLLBACK_LINES = 2_000;
    private static final int UNKNOWN_HEIGHT_ROWS = 24;

    private final ConsoleReader reader;
    private final Scrollback scrollback = new Scrollback(SCROLLBACK_LINES);
    /** False while the console asks a question (nick, "leave?") whose prompt must stay. */
    private volatile boolean chatPrompt = true;
    /** The status lines as ANSI text, each ending in a newline, to go above the prompt line. */
    private volatile String statusLines = "";
    private volatile int statusLineCount;
    private volatile Supplier<AttributedString> statusBar = () -> null;
    /** The status bar as last drawn (under the lock), so an unchanged one is not drawn again. */
    private AttributedString drawnBar;

    public JLineScreen(ConsoleReader reader) {
        this.reader = reader;
    }

    void chatPrompt(boolean active) {
        chatPrompt = active;
    }

    /** What the status bar under the input line says; asked again at every change and every tick. */
    public void statusBarFrom(Supplier<AttributedString> bar) {
        statusBar = bar;
        refreshStatusBar();
    }

    /**
     * The whole prompt: the status lines, then "#lobby> ". JLine draws a prompt of several lines as
     * part of the input area, so these lines are redrawn in place under every line printed above.
     */
    String prompt(ClientState state) {
        return escapePrompt(statusLines + Prompt.of(state));
    }

    /** JLine expands %-sequences in prompts; a room named #100% must show as typed. */
    static String escapePrompt(String prompt) {
        return prompt.replace("%", "%%");
    }

    @Override
    public boolean windowed() {
        return true;
    }

    @Override
    public void show(MessageRenderer.Rendered line, ClientState state) {
        show(state.target(), line, state);
    }

    @Override
    public void show(String window, MessageRenderer.Rendered line, ClientState state) {
        String into = window == null ? state.target() : window;
        boolean visible = into == null || state.isCurrentTarget(into);
        // A leading CR puts a line printed between two readLine calls at the left margin too.
        String text = "\r" + line.text().toAnsi(reader.getTerminal());
        reader.locked(() -> {
            scrollback.add(into, line.text());
            if (visible) {
                if (chatPrompt && reader.isReading()) {
                    // The current window may have changed; the redraw that printAbove does shows the new prompt.
                    reader.setPrompt(prompt(state));
                }
                reader.printAbove(line.bell() ? text + BELL : text);
            } else if (line.bell()) {
                ring();
            }
            drawStatusBar();
        });
    }

    @Override
    public void switched(ClientState state) {
        reader.locked(() -> redraw(state));
    }

    @Override
    public void cleared(ClientState state) {
        reader.locked(() -> {
            scrollback.clear(state.target());
            redraw(state);
        });
    }

    @Override
    public void status(List<MessageRenderer.Rendered> lines, ClientState state) {
        StringBuilder ansi = new StringBuilder();
        for (MessageRenderer.Rendered line : lines) {
            ansi.append(line.text().toAnsi(reader.getTerminal())).append('\n');
        }
        reader.locked(() -> {
            statusLines = ansi.toString();
            statusLineCount = lines.size();
            if (chatPrompt && reader.isReading()) {
                reader.setPrompt(prompt(state));
                // Draws the new prompt and the half-typed line as printAbove does, without a line above.
                reader.redisplay();
            }
        });
    }

    /** The clock moved on, a line left the send queue: the status bar is drawn again if it changed. */
    public void refreshStatusBar() {
        reader.locked(this::drawStatusBar);
    }

    /** A plain line of the client's own (a problem with what was typed before the chat starts). */
    public void tell(String text) {
        reader.locked(() -> reader.printAbove(text));
    }

    /**
     * Clears the screen and draws the current window's newest lines, bottom-aligned so the input
     * line stays at the foot of the screen; then the prompt with the half-typed line, and the bar.
     */
    private void redraw(ClientState state) {
        Terminal terminal = reader.getTerminal();
        // A terminal that does not know its size (dumb, some pipes) says 0: draw a classic screenful.
        int height = terminal.getHeight() > 0 ? terminal.getHeight() : UNKNOWN_HEIGHT_ROWS;
        int rows = Math.max(1, height - 1 - 1 - statusLineCount); // status bar, input line
        int width = terminal.getWidth();
        List<AttributedString> lines = scrollback.lastScreen(state.target(), rows, width);
        int used = lines.stream().mapToInt(line -> Scrollback.rowsOf(line, width)).sum();
        StringBuilder block = new StringBuilder("\r");
        block.append("\n".repeat(Math.max(0, rows - used)));
        for (AttributedString line : lines) {
            block.append(line.toAnsi(terminal)).append('\n');
        }
        reader.clearScreen(); // also resets JLine's idea of what the input area shows
        Status bar = Status.getStatus(terminal, false);
        if (bar != null) {
            drawnBar = null;
            bar.redraw();
        }
        if (chatPrompt && reader.isReading()) {
            reader.setPrompt(prompt(state));
            reader.printAbove(block.toString());
        } else {
            terminal.writer().print(block);
            terminal.flush();
        }
        drawStatusBar();
    }

    private void drawStatusBar() {
        AttributedString bar = statusBar.get();
        if (bar == null || bar.equals(drawnBar)) {
            return;
        }
        Terminal terminal = reader.getTerminal();
        if (!barSupported(terminal)) {
            return; // a dumb terminal: JLine would make a Status that fails when the terminal closes
        }
        Status status = Status.getStatus(terminal, true);
        if (status == null) {
            return;
        }
        drawnBar = bar;
        status.update(List.of(bar));
    }

    /** What JLine's Status needs: a scroll region, and a cursor that can be saved, moved and restored. */
    private static boolean barSupported(Terminal terminal) {
        return terminal.getStringCapability(InfoCmp.Capability.change_scroll_region) != null
                && terminal.getStringCapability(InfoCmp.Capability.save_cursor) != null
                && terminal.getStringCapability(InfoCmp.Capability.restore_cursor) != null
                && terminal.getStringCapability(InfoCmp.Capability.cursor_address) != null;
    }

    private void ring() {
        reader.getTerminal().writer().write(BELL);
        reader.getTerminal().flush();
    }
}
