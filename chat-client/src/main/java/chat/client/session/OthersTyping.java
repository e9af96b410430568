package chat.client.session;

import chat.client.net.NetworkLoop;
import chat.protocol.IrcMessage;
import chat.protocol.IrcNames;
import java.time.Clock;

/**
 * Typing notices from others, on the network thread: recorded in the {@link TypingIndicator},
 * shown in the status area, and redrawn when they expire or when the typist's message arrives.
 */
public final class OthersTyping {
    private static final String TAG = "+typing";
    /** The redraw after expiry comes this much later than the expiry, so the notice has surely gone. */
    private static final long EXPIRY_MARGIN_MILLIS = 100;

    private final StateCell state;
    private final TypingIndicator indicator;
    private final StatusArea status;
    private final Clock clock;

    OthersTyping(StateCell state, TypingIndicator indicator, StatusArea status, Clock clock) {
        this.state = state;
        this.indicator = indicator;
        this.status = status;
        this.clock = clock;
    }

    /** A TAGMSG: of its tags only +typing is of use to this client (ircv3.net client-tags/typing). */
    void tagged(IrcMessage tagmsg, NetworkLoop network) {
        String value = tagmsg.tags().get(TAG);
        String conversation = conversation(tagmsg);
        if (value == null || conversation == null || state.get().isMe(tagmsg.sourceNick())) {
            return;
        }
        indicator.tag(conversation, tagmsg.sourceNick(), value, clock.millis());
        status.refresh(state.get());
        network.after(TypingIndicator.ACTIVE_FOR_MILLIS + EXPIRY_MARGIN_MILLIS, () -> status.refresh(state.get()));
    }

    /** A message from someone else ends their typing in that conversation. */
    void spoke(IrcMessage message) {
        String conversation = conversation(message);
        if (conversation != null && indicator.spoke(conversation, message.sourceNick())) {
            status.refresh(state.get());
        }
    }

    /** Someone left a room (PART, KICK) or the network (QUIT, room null): their notices there end. */
    void left(String nick, String room) {
        if (nick != null && indicator.left(nick, room)) {
            status.refresh(state.get());
        }
    }

    /** Where a message belongs: its room, or for a private one the other person; null when unknown. */
    static String conversation(IrcMessage message) {
        String target = message.param(0);
        if (target == null || message.sourceNick() == null) {
            return null;
        }
        return IrcNames.isRoomName(target) ? target : message.sourceNick();
    }
}
