package chat.client.ui;

import chat.client.session.ClientState;

/** Where lines for the user go; callable from any thread. */
public interface Screen {
    /** Shows one line above the input line; the state is the one the line belongs to (for the prompt). */
    void show(MessageRenderer.Rendered line, ClientState state);
}
