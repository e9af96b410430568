package chat.client.ui;

import chat.client.session.ClientState;

/** Where lines for the user go; callable from any thread. */
public interface Screen {
    /** Shows one line in the current window; the state is the one the line belongs to (for the prompt). */
    void show(MessageRenderer.Rendered line, ClientState state);

    /**
     * Shows one line in a window (a room or a person). A screen with windows keeps it in that
     * window's scrollback and prints it only when that window is the one shown; a screen without
     * (a pipe) prints every line as it comes.
     */
    default void show(String window, MessageRenderer.Rendered line, ClientState state) {
        show(line, state);
    }

    /** True when lines are kept per window and drawn from the window's own viewpoint (no "[#room]" on each). */
    default boolean windowed() {
        return false;
    }

    /** The current window changed (state.target()): a screen with windows shows the new one's scrollback. */
    default void switched(ClientState state) {
    }

    /** /clear: the current window's scrollback is forgotten and the screen cleared. */
    default void cleared(ClientState state) {
    }

    /**
     * Replaces the lines kept above the prompt (messages awaiting the server's echo, who is typing).
     * Output that cannot change a line once written (a pipe, a log file) has no such place and
     * ignores them: there only what is final is written, the confirmed or undelivered line.
     */
    default void status(java.util.List<MessageRenderer.Rendered> lines, ClientState state) {
    }
}
