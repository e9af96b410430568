package chat.client.ui;

import chat.client.session.ClientState;

/** Where lines for the user go; callable from any thread. */
public interface Screen {
    /** Shows one line above the input line; the state is the one the line belongs to (for the prompt). */
    void show(MessageRenderer.Rendered line, ClientState state);

    /**
     * Replaces the lines kept above the prompt (messages awaiting the server's echo, who is typing).
     * Output that cannot change a line once written (a pipe, a log file) has no such place and
     * ignores them: there only what is final is written, the confirmed or undelivered line.
     */
    default void status(java.util.List<MessageRenderer.Rendered> lines, ClientState state) {
    }
}
