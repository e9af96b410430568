package chat.client.ui;

import chat.client.session.ClientState;

import java.util.Map;
import java.util.stream.Collectors;

/** The prompt: where typed text goes, and what waits unread elsewhere: "#lobby [bob:2 #ops:1]> ". */
public final class Prompt {
    private Prompt() {
    }

    public static String of(ClientState state) {
        String target = state.target() == null ? "" : VisibleText.of(state.target());
        if (state.unread().isEmpty()) {
            return target + "> ";
        }
        String waiting = state.unread().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> VisibleText.of(e.getKey()) + ":" + e.getValue())
                .collect(Collectors.joining(" "));
        return target + " [" + waiting + "]> ";
    }
}
