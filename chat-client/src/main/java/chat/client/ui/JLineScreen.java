package chat.client.ui;

import chat.client.session.ClientState;

import java.util.List;
import org.jline.reader.LineReader;

/**
 * The one owner of a real terminal's screen: every line shown and every prompt change goes through
 * here, from whichever thread, inside the reader's own lock ({@link ConsoleReader#locked}). A line
 * goes through {@link LineReader#printAbove}, which erases the input line, prints, and redraws the
 * prompt with whatever the user had half typed and the cursor where it was. Nothing else in the
 * client writes to the terminal while the chat runs.
 */
public final class JLineScreen implements Screen {
    private static final String BELL = "\u0007";

    private final ConsoleReader reader;
    /** False while the console asks a question (nick, "leave?") whose prompt must stay. */
    private volatile boolean chatPrompt = true;
    /** The status lines as ANSI text, each ending in a newline, to go above the prompt line. */
    private volatile String statusLines = "";

    public JLineScreen(ConsoleReader reader) {
        this.reader = reader;
    }

    void chatPrompt(boolean active) {
        chatPrompt = active;
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
    public void show(MessageRenderer.Rendered line, ClientState state) {
        // A leading CR puts a line printed between two readLine calls at the left margin too.
        String text = "\r" + line.text().toAnsi(reader.getTerminal());
        reader.locked(() -> {
            if (chatPrompt && reader.isReading()) {
                // The unread count may have changed; the redraw that printAbove does shows the new prompt.
                reader.setPrompt(prompt(state));
            }
            reader.printAbove(line.bell() ? text + BELL : text);
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
            if (chatPrompt && reader.isReading()) {
                reader.setPrompt(prompt(state));
                // Draws the new prompt and the half-typed line as printAbove does, without a line above.
                reader.redisplay();
            }
        });
    }

    /** A plain line of the client's own (a problem with what was typed before the chat starts). */
    public void tell(String text) {
        reader.locked(() -> reader.printAbove(text));
    }
}
