package chat.client.session;

import chat.protocol.Command;
import chat.protocol.IrcMessage;
import chat.protocol.IrcNames;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Tells the current room or person that I am typing (IRCv3 client tag {@code +typing} on a
 * TAGMSG, which needs message-tags): "active" as a chat line is being typed, repeated at most every
 * 3 seconds, and "done" when the line is emptied or turned into a command. Sending the message
 * needs no "done": receivers end the notice when the message arrives (ircv3.net client-tags/typing).
 * Console thread only; the notices go out through the network thread's queue.
 */
public final class TypingNotifier {
    static final long ACTIVE_EVERY_MILLIS = 3_000;
    private static final String TAG = "+typing";

    private final StateCell state;
    private final Capabilities capabilities;
    private final Consumer<IrcMessage> send;
    private final Clock clock;
    /** Where "active" was last sent and not yet ended, or null. */
    private String activeTarget;
    private long activeSentMillis;

    public TypingNotifier(StateCell state, Capabilities capabilities, Consumer<IrcMessage> send, Clock clock) {
        this.state = state;
        this.capabilities = capabilities;
        this.send = send;
        this.clock = clock;
    }

    /** The input line now reads this (after an edit that changed it). */
    public void edited(String text) {
        ClientState now = state.get();
        if (!capabilities.has(Capabilities.MESSAGE_TAGS) || !now.registered()) {
            activeTarget = null; // nothing was sent on this connection, or nothing can be
            return;
        }
        boolean chatLine = !text.isBlank() && (!text.startsWith("/") || text.startsWith("//"));
        String target = chatLine ? now.target() : null;
        if (activeTarget != null && (target == null || !IrcNames.equalsFolded(activeTarget, target))) {
            send.accept(notice(activeTarget, "done"));
            activeTarget = null;
        }
        if (target == null) {
            return;
        }
        long nowMillis = clock.millis();
        if (activeTarget == null || nowMillis - activeSentMillis >= ACTIVE_EVERY_MILLIS) {
            send.accept(notice(target, "active"));
            activeTarget = target;
            activeSentMillis = nowMillis;
        }
    }

    /** The line was sent: its message ends the notice for those who see it. */
    public void sent() {
        activeTarget = null;
    }

    private static IrcMessage notice(String target, String value) {
        return new IrcMessage(Map.of(TAG, value), null, Command.TAGMSG, List.of(target));
    }
}
