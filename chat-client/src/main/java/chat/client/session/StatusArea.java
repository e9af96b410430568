package chat.client.session;

import chat.client.ui.MessageRenderer;
import chat.client.ui.Screen;
import java.time.Clock;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The lines that live above the prompt and change in place, because a terminal cannot change a
 * line once it has scrolled into the history: my messages still waiting for the server's echo
 * (dim), then who is typing in the current conversation. Both threads refresh it; the refresh is
 * serialised so the newest picture is always the one left on the screen.
 */
public final class StatusArea {
    private final DeliveryTracker delivery;
    private final TypingIndicator typing;
    private final MessageRenderer renderer;
    private final Screen screen;
    private final Clock clock;

    public StatusArea(DeliveryTracker delivery, TypingIndicator typing, MessageRenderer renderer, Screen screen,
            Clock clock) {
        this.delivery = delivery;
        this.typing = typing;
        this.renderer = renderer;
        this.screen = screen;
        this.clock = clock;
    }

    public synchronized void refresh(ClientState state) {
        List<MessageRenderer.Rendered> lines = new ArrayList<>();
        for (DeliveryTracker.Pending line : delivery.waiting()) {
            lines.add(renderer.pending(line.message().withPrefix(state.nick()), state, LocalTime.now(clock)));
        }
        typing.describe(state.target(), clock.millis()).ifPresent(who -> lines.add(renderer.typing(who)));
        screen.status(lines, state);
    }
}
