package chat.client.ui;

import chat.client.session.ClientState;

/**
 * The prompt: where typed text goes, "#lobby> ". What waits unread elsewhere is on the status bar
 * under the input line ({@link StatusLine}), where it no longer makes the input line jump.
 */
public final class Prompt {
    private Prompt() {
    }

    public static String of(ClientState state) {
        return (state.target() == null ? "" : VisibleText.of(state.target())) + "> ";
    }
}
