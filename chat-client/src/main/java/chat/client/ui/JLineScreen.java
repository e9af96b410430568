package chat.client.ui;

import chat.client.session.ClientState;

import org.jline.reader.LineReader;
import org.jline.reader.impl.LineReaderImpl;

/**
 * Output on a real terminal. Every line goes through {@link LineReader#printAbove}, which erases the
 * input line, prints, and redraws the prompt with whatever the user had half typed and the cursor
 * where it was; it takes the reader's lock, so the socket thread may call it while the console
 * thread sits in readLine. Nothing else here writes to the terminal.
 */
public final class JLineScreen implements Screen {
    private static final String BELL = "\u0007";

    private final LineReader reader;
    /** False while the console asks a question (nick, "leave?") whose prompt must stay. */
    private volatile boolean chatPrompt = true;

    public JLineScreen(LineReader reader) {
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
        if (chatPrompt && reader.isReading() && reader instanceof LineReaderImpl impl) {
            // The unread count may have changed; the redraw that printAbove does shows the new prompt.
            impl.setPrompt(escapePrompt(Prompt.of(state)));
        }
        // A leading CR puts a line printed between two readLine calls at the left margin too.
        String text = "\r" + line.text().toAnsi(reader.getTerminal());
        reader.printAbove(line.bell() ? text + BELL : text);
    }
}
