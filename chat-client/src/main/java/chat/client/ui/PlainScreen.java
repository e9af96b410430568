package chat.client.ui;

import chat.client.session.ClientState;

import java.io.PrintStream;

/**
 * Output when stdout or stdin is not a terminal: one plain line per message, no colour, no bell,
 * no cursor movement, so `chat client > log.txt` records a readable log.
 */
public final class PlainScreen implements Screen {
    private final PrintStream out;

    public PlainScreen(PrintStream out) {
        this.out = out;
    }

    @Override
    public synchronized void show(MessageRenderer.Rendered line, ClientState state) {
        out.println(line.plain());
        out.flush();
    }
}
