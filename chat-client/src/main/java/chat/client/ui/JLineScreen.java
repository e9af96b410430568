package chat.client.ui;

import chat.client.session.ClientState;

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

    public JLineScreen(ConsoleReader reader) {
        this.reader = reader;
    }

    void chatPrompt(boolean active) {
        chatPrompt = active;
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
                reader.setPrompt(escapePrompt(Prompt.of(state)));
            }
            reader.printAbove(line.bell() ? text + BELL : text);
        });
    }

    /** A plain line of the client's own (a problem with what was typed before the chat starts). */
    public void tell(String text) {
        reader.locked(() -> reader.printAbove(text));
    }
}
