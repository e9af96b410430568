package chat.client.session;

import chat.protocol.IrcMessage;
import chat.protocol.IrcNames;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Gathers a NAMES reply, which may span several 353 lines, until its 366 (RFC 2812 3.2.5). */
final class NamesCollector {
    /** RFC 2812 5.1 353: a member's nick may carry a status prefix (op, voice, ...) that is not part of the nick. */
    private static final String MEMBER_PREFIXES = "@+%~&!";

    private final Map<String, List<String>> arriving = new HashMap<>();

    /** 353 <me> <=|*|@> <room> :<nick> <nick> ... */
    void arrived(IrcMessage reply) {
        String room = reply.param(2);
        if (room == null || reply.paramCount() < 4) {
            return;
        }
        List<String> names = arriving.computeIfAbsent(IrcNames.fold(room), r -> new ArrayList<>());
        for (String entry : reply.lastParam().split(" ")) {
            if (!nickOf(entry).isEmpty()) {
                names.add(entry);
            }
        }
    }

    /** The nick of a 353 entry, without its status prefixes ("@+bob" is bob). */
    static String nickOf(String entry) {
        int start = 0;
        while (start < entry.length() && MEMBER_PREFIXES.indexOf(entry.charAt(start)) >= 0) {
            start++;
        }
        return entry.substring(start);
    }

    /** 366 for this room: the entries gathered as the server gave them ("@alice", "+bob"), or null when no 353 came. */
    List<String> complete(String room) {
        return arriving.remove(IrcNames.fold(room));
    }

    void clear() {
        arriving.clear();
    }
}
