package chat.server.command;

import chat.server.model.Capability;
import chat.server.model.CapabilitySet;
import chat.protocol.IrcMessage;
import chat.protocol.Numeric;
import chat.server.model.ServerState;
import chat.server.model.User;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Runs a command from the {@link CommandTable}, after the checks every command shares, answered in
 * one place (RFC 2812 section 5): 421 unknown command, 451 not registered, 461 too few
 * parameters. It also charges the command's flood cost beyond the one token its line took.
 */
public final class CommandDispatcher {
    private final ServerState state;
    private final Map<String, CommandTable.Entry> table;

    CommandDispatcher(ServerState state, Map<String, CommandTable.Entry> table) {
        this.state = state;
        this.table = table;
    }

    public void dispatch(ClientSession session, IrcMessage message) {
        Replies replies = new Replies(state, session, labelOf(session, message));
        run(session, message, replies);
        replies.finish();
    }

    /**
     * The command's label when the connection negotiated labeled-response and batch (the spec
     * needs both) and the label fits the spec's 64 bytes; otherwise the command is answered unlabeled.
     */
    private static String labelOf(ClientSession session, IrcMessage message) {
        String label = message.tags().get(LabeledResponse.LABEL);
        if (label == null || label.isEmpty() || label.length() > LabeledResponse.MAX_LABEL_BYTES
                || label.getBytes(StandardCharsets.UTF_8).length > LabeledResponse.MAX_LABEL_BYTES) {
            return null;
        }
        CapabilitySet caps = session.capabilities();
        return caps.has(Capability.LABELED_RESPONSE) && caps.has(Capability.BATCH) ? label : null;
    }

    private void run(ClientSession session, IrcMessage message, Replies replies) {
        User user = session.user();
        CommandTable.Entry entry = table.get(message.command());
        if (entry == null) {
            if (user.isRegistered()) {
                replies.numeric(Numeric.ERR_UNKNOWNCOMMAND, message.command(), "Unknown command");
            } else {
                replies.notRegistered();
            }
            return;
        }
        if (!user.isRegistered() && !entry.beforeRegistration()) {
            replies.notRegistered();
            return;
        }
        if (message.paramCount() < entry.minParams()) {
            replies.needMoreParams(message.command());
            return;
        }
        session.link().chargeFlood(entry.cost(message) - 1); // the line itself paid one
        entry.handler().handle(user, message, replies);
    }
}
