package chat.server.command;

import chat.protocol.IrcNames;
import chat.server.model.ServerState;
import java.util.Locale;
import java.util.Set;

/**
 * What may be a nick (or an account name, which is a nick it owns): the syntax of
 * {@link IrcNames#nickProblem}, and no name people would take for the server or a service
 * (NickServ and the like, "server", "global"), so nobody can write lines that look official.
 */
public final class NickRules {
    private static final Set<String> RESERVED = Set.of("server", "services", "global", "system", "console", "operator");

    private NickRules() {
    }

    /** Why {@code nick} cannot be used, in words, or null. */
    public static String problem(ServerState state, String nick) {
        String problem = IrcNames.nickProblem(nick);
        if (problem != null) {
            return problem;
        }
        String lower = nick.toLowerCase(Locale.ROOT);
        if (RESERVED.contains(lower) || lower.endsWith("serv") || lower.equals(state.serverName().toLowerCase(Locale.ROOT))) {
            return "that name is reserved for the server";
        }
        return null;
    }
}
