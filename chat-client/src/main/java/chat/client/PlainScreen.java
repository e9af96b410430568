package chat.client;

import java.io.PrintStream;

/**
 * Output when stdout or stdin is not a terminal: one plain line per message, no colour, no bell,
 * no cursor movement, so `chat client > log.txt` records a readable log.
 */
final class PlainScreen implements Screen {
    private final PrintStream out;

    PlainScreen(PrintStream out) {
        this.out = out;
    }

    @Override
    public synchronized void show(MessageRenderer.Rendered line, ClientState state) {
        out.println(line.plain());
        out.flush();
    }
}
