package chat.server;

import chat.protocol.IrcMessage;
import chat.protocol.Numeric;
import java.util.HashMap;
import java.util.Map;

/**
 * The one table from command word to handler. Answers the three errors every command shares in
 * one place (RFC 2812 section 5): 421 unknown command, 451 not registered, 461 too few parameters.
 */
final class CommandDispatcher {
    private record Entry(CommandHandler handler, int minParams, boolean beforeRegistration) {
    }

    private final ChatState state;
    private final Map<String, Entry> table = new HashMap<>();

    CommandDispatcher(ChatState state) {
        this.state = state;
    }

    /** A command for registered clients only. */
    void register(String command, int minParams, CommandHandler handler) {
        table.put(command, new Entry(handler, minParams, false));
    }

    /** A command that may also come before registration completes (CAP, PASS, NICK, USER, PING, QUIT...). */
    void registerAnytime(String command, int minParams, CommandHandler handler) {
        table.put(command, new Entry(handler, minParams, true));
    }

    void dispatch(Connection connection, IrcMessage message) {
        Entry entry = table.get(message.command());
        if (entry == null) {
            if (connection.registered) {
                state.reply(connection, Numeric.ERR_UNKNOWNCOMMAND, message.command(), "Unknown command");
            } else {
                state.reply(connection, Numeric.ERR_NOTREGISTERED, "You have not registered");
            }
            return;
        }
        if (!connection.registered && !entry.beforeRegistration()) {
            state.reply(connection, Numeric.ERR_NOTREGISTERED, "You have not registered");
            return;
        }
        if (message.paramCount() < entry.minParams()) {
            state.reply(connection, Numeric.ERR_NEEDMOREPARAMS, message.command(), "Not enough parameters");
            return;
        }
        entry.handler().handle(connection, message);
    }
}
