package chat.client.session;

import chat.client.ui.MessageRenderer;
import chat.client.ui.Screen;
import chat.protocol.Command;
import chat.protocol.IrcMessage;
import chat.protocol.Numeric;
import java.time.Clock;
import java.time.LocalTime;
import java.util.Optional;
import java.util.Set;

/**
 * How my own messages appear. Without echo-message they are shown as they are written to the
 * connection, as before. With it a message is shown at once as pending in the status area; it is
 * printed for good only when the server echoes it (with the server's time), or printed as not
 * delivered when the server refuses it or the connection drops before the echo.
 */
public final class OwnMessages {
    /**
     * Refusals of a PRIVMSG that name its target as their second parameter: no such nick or room,
     * cannot send to the room, not on it, registered users only (RFC 2812 5.2, Modern IRC 477).
     */
    private static final Set<String> REFUSALS_NAMING_TARGET = Set.of(Numeric.ERR_NOSUCHNICK, Numeric.ERR_NOSUCHCHANNEL,
            Numeric.ERR_CANNOTSENDTOCHAN, Numeric.ERR_NOTONCHANNEL, "477");
    /** Refusals that mark a message failed on a server without echo-message: no such nick, cannot send. */
    private static final Set<String> WITHOUT_ECHO_REFUSALS = Set.of(Numeric.ERR_NOSUCHNICK, Numeric.ERR_CANNOTSENDTOCHAN);
    /** IRCv3 standard replies: FAIL <command> <code> [<context>...] :<description>. */
    private static final String FAIL = "FAIL";

    private final StateCell state;
    private final Capabilities capabilities;
    private final DeliveryTracker delivery;
    private final StatusArea status;
    private final MessageRenderer renderer;
    private final Screen screen;
    private final Clock clock;
    private final SentUnconfirmed unconfirmed = new SentUnconfirmed();

    public OwnMessages(StateCell state, Capabilities capabilities, DeliveryTracker delivery, StatusArea status,
            MessageRenderer renderer, Screen screen, Clock clock) {
        this.state = state;
        this.capabilities = capabilities;
        this.delivery = delivery;
        this.status = status;
        this.renderer = renderer;
        this.screen = screen;
        this.clock = clock;
    }

    /**
     * A message of mine is queued (console thread); returns what to run as it is written (network
     * thread). Whether the server echoes is decided then, on the connection that carries it.
     */
    Runnable queued(IrcMessage message) {
        if (message.command().equals(Command.NOTICE)) {
            return () -> showSent(message);
        }
        if (!message.command().equals(Command.PRIVMSG)) {
            return () -> { };
        }
        if (!capabilities.has(Capabilities.ECHO_MESSAGE)) {
            return () -> showSent(message);
        }
        DeliveryTracker.Pending line = delivery.typed(message);
        status.refresh(state.get());
        return () -> {
            if (capabilities.has(Capabilities.ECHO_MESSAGE)) {
                delivery.sent(line);
            } else {
                delivery.forget(line);
                status.refresh(state.get());
                showSent(message);
            }
        };
    }

    /** A PRIVMSG from me (network thread): if it confirms a pending line, that line leaves the status area. */
    void echoed(IrcMessage echo) {
        if (delivery.echoed(echo).isPresent()) {
            status.refresh(state.get());
        }
    }

    /**
     * A reply from the server (network thread); true when it refused a pending line, which is then
     * shown as not delivered instead of the reply itself.
     */
    boolean refused(IrcMessage reply) {
        Optional<DeliveryTracker.Pending> line;
        if (REFUSALS_NAMING_TARGET.contains(reply.command()) && reply.paramCount() >= 3) {
            line = delivery.refused(reply.param(1));
        } else if (reply.command().equals(Numeric.ERR_INPUTTOOLONG)) {
            line = delivery.refused(null); // 417 names no target; lines are handled in order, so it is the oldest
        } else if (reply.command().equals(FAIL) && Command.PRIVMSG.equals(reply.param(0))) {
            line = failedPrivmsg(reply);
        } else {
            return false;
        }
        line.ifPresent(refused -> notDelivered(refused, reply.lastParam()));
        if (line.isEmpty() && WITHOUT_ECHO_REFUSALS.contains(reply.command()) && reply.paramCount() >= 3) {
            Optional<IrcMessage> shown = unconfirmed.refused(reply.param(1), clock.millis());
            shown.ifPresent(message -> notDelivered(message, reply.lastParam()));
            return shown.isPresent();
        }
        return line.isPresent();
    }

    /** The connection dropped (network thread): lines written but not echoed did not arrive, as far as we know. */
    void connectionLost() {
        delivery.connectionLost().forEach(line -> notDelivered(line, "connection lost"));
        unconfirmed.clear();
    }

    private Optional<DeliveryTracker.Pending> failedPrivmsg(IrcMessage fail) {
        for (int i = 2; i < fail.paramCount() - 1; i++) {
            Optional<DeliveryTracker.Pending> line = delivery.refused(fail.param(i));
            if (line.isPresent()) {
                return line;
            }
        }
        return Optional.empty();
    }

    private void notDelivered(DeliveryTracker.Pending line, String reason) {
        notDelivered(line.message(), reason);
    }

    private void notDelivered(IrcMessage message, String reason) {
        ClientState now = state.get();
        status.refresh(now);
        screen.show(windowOf(message, now), renderer.notDelivered(message, reason, LocalTime.now(clock)), now);
    }

    /**
     * Servers without echo-message do not send a sender's messages back: shown as they go out, in
     * the conversation's window, and remembered a while in case the server refuses them.
     */
    private void showSent(IrcMessage message) {
        ClientState before = state.get();
        IrcMessage mine = message.withPrefix(before.nick());
        String window = windowOf(mine, before);
        ClientState now = before;
        if (message.command().equals(Command.PRIVMSG)) {
            unconfirmed.written(message, clock.millis());
            now = state.update(s -> s.withWindow(window));
        }
        for (String into : window == null ? java.util.Collections.<String>singletonList(null)
                : LineRouting.forMine(window, before, screen.windowed())) {
            ClientState shown = now;
            renderer.render(mine, screen.windowed() ? now.viewedFrom(into) : now, LocalTime.now(clock))
                    .ifPresent(line -> screen.show(into, line, shown));
        }
    }

    /** My message's window: the room, or the person's window (a notice to someone without one: the current window). */
    private static String windowOf(IrcMessage message, ClientState now) {
        String target = message.param(0);
        if (target == null || message.command().equals(Command.NOTICE) && !now.windows().has(target)
                && !chat.protocol.IrcNames.isRoomName(target)) {
            return null;
        }
        return target;
    }
}
