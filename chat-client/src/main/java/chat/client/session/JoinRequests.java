package chat.client.session;

import chat.protocol.IrcNames;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The rooms the user typed /join for and the server has not answered yet. The server's JOIN for one
 * of them shows its window; a refusal (471, 473, 474, 475, 403, 405 ...) takes it off and leaves
 * the user where they were. The console thread adds, the network thread takes.
 */
public final class JoinRequests {
    private final Set<String> awaited = ConcurrentHashMap.newKeySet();

    void asked(String room) {
        awaited.add(IrcNames.fold(room));
    }

    /** True when this room was asked for (and is no longer awaited). */
    boolean answered(String room) {
        return room != null && awaited.remove(IrcNames.fold(room));
    }

    /** A new connection: the rejoin after it is not the user asking again. */
    void clear() {
        awaited.clear();
    }
}
