package chat.client.session;

import chat.protocol.IrcNames;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * What the client remembers of each room and private conversation for history: the msgids it has
 * shown (the newest few thousand, so a line that comes both live and in a history batch is shown
 * once), the oldest one shown (where /history goes on from) and the newest one seen (where a
 * catch-up after a reconnect starts). Read by the console thread (/history, /query) and written by
 * the network thread, so every method holds the lock, briefly, and never calls out.
 */
final class Conversations {
    private static final class Conversation {
        /** The name as first seen, for requests and separators; the map key is its folded form. */
        final String name;
        final LinkedHashSet<String> seen = new LinkedHashSet<>();
        String oldest;
        String newest;
        boolean opened;

        Conversation(String name) {
            this.name = name;
        }
    }

    private final int remembered;
    private final Map<String, Conversation> byName = new HashMap<>();

    /** Remembers at most this many msgids per conversation, forgetting the earliest seen first. */
    Conversations(int remembered) {
        this.remembered = remembered;
    }

    /** Records a msgid as shown; false when it already was (the line is a duplicate). */
    synchronized boolean remember(String name, String msgid) {
        Conversation conversation = of(name);
        if (!conversation.seen.add(msgid)) {
            return false;
        }
        if (conversation.seen.size() > remembered) {
            Iterator<String> earliest = conversation.seen.iterator();
            earliest.next();
            earliest.remove();
        }
        return true;
    }

    synchronized String oldest(String name) {
        Conversation conversation = byName.get(IrcNames.fold(name));
        return conversation == null ? null : conversation.oldest;
    }

    synchronized String newest(String name) {
        Conversation conversation = byName.get(IrcNames.fold(name));
        return conversation == null ? null : conversation.newest;
    }

    synchronized void oldest(String name, String msgid) {
        of(name).oldest = msgid;
    }

    synchronized void newest(String name, String msgid) {
        of(name).newest = msgid;
    }

    /** True the first time only: history is fetched once when a conversation is opened. */
    synchronized boolean open(String name) {
        Conversation conversation = of(name);
        boolean first = !conversation.opened;
        conversation.opened = true;
        return first;
    }

    /** The names of the conversations whose newest msgid is known: those a reconnect catches up. */
    synchronized List<String> withNewest() {
        List<String> names = new ArrayList<>();
        for (Conversation conversation : byName.values()) {
            if (conversation.newest != null) {
                names.add(conversation.name);
            }
        }
        return names;
    }

    private Conversation of(String name) {
        return byName.computeIfAbsent(IrcNames.fold(name), folded -> new Conversation(name));
    }
}
