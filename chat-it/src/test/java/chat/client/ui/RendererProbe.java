package chat.client.ui;

import chat.client.session.ClientState;

import chat.protocol.IrcMessage;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The integration tests' window into the client's package-private renderer: what a message from the
 * server becomes on screen, as plain text and as the ANSI bytes written to a terminal, with and
 * without colour. Lives in test code only, in the client's package, so the client keeps its API small.
 */
public final class RendererProbe {
    private RendererProbe() {
    }

    /** Every way the message can be shown to {@code myNick}: plain text and ANSI, colour on and off. */
    public static List<String> renderings(IrcMessage message, String myNick) {
        List<String> out = new ArrayList<>();
        for (boolean color : new boolean[] {true, false}) {
            MessageRenderer renderer = new MessageRenderer(new Styles(color));
            ClientState state = ClientState.initial(myNick, "#lobby");
            renderer.render(message, state, LocalTime.NOON).ifPresent(rendered -> {
                out.add(rendered.plain());
                out.add(rendered.text().toAnsi());
            });
        }
        return out;
    }
}
