package chat.client.session;

import chat.protocol.IrcNames;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who else is typing where (IRCv3 client tag {@code +typing}). "active" holds for 6 seconds unless
 * renewed (the sender repeats it at most every 3), "done", "paused" or a message from that person
 * ends it at once (ircv3.net client-tags/typing). Times are milliseconds of the injected clock.
 * Fed by the network thread, read when the status area is drawn.
 */
public final class TypingIndicator {
    static final long ACTIVE_FOR_MILLIS = 6_000;

    /** Conversation (room, or the other person in a private chat) and nick, both folded. */
    private record Key(String conversation, String nick) {
        static Key of(String conversation, String nick) {
            return new Key(IrcNames.fold(conversation), IrcNames.fold(nick));
        }
    }

    private final Map<Key, Typist> typing = new LinkedHashMap<>();

    private record Typist(String nick, long untilMillis) {
    }

    /** A {@code +typing} tag from nick in a conversation. */
    synchronized void tag(String conversation, String nick, String value, long nowMillis) {
        Key key = Key.of(conversation, nick);
        typing.remove(key); // re-inserted last: names are listed in the order people started
        if ("active".equals(value)) {
            typing.put(key, new Typist(nick, nowMillis + ACTIVE_FOR_MILLIS));
        }
    }

    /** A message from nick ends their typing there (the sender need not send "done" after it); true if it did. */
    synchronized boolean spoke(String conversation, String nick) {
        return typing.remove(Key.of(conversation, nick)) != null;
    }

    /** Nick left (quit, or parted this room when it is given): whatever they typed will not be sent; true if shown. */
    synchronized boolean left(String nick, String room) {
        String folded = IrcNames.fold(nick);
        return typing.keySet().removeIf(key -> key.nick().equals(folded)
                && (room == null || key.conversation().equals(IrcNames.fold(room))));
    }

    /** "bob is typing…" for this conversation, or nothing when no one is. */
    synchronized Optional<String> describe(String conversation, long nowMillis) {
        typing.values().removeIf(t -> t.untilMillis() <= nowMillis);
        if (conversation == null) {
            return Optional.empty();
        }
        String folded = IrcNames.fold(conversation);
        List<String> names = new ArrayList<>();
        typing.forEach((key, typist) -> {
            if (key.conversation().equals(folded)) {
                names.add(typist.nick());
            }
        });
        return switch (names.size()) {
            case 0 -> Optional.empty();
            case 1 -> Optional.of(names.get(0) + " is typing…");
            case 2 -> Optional.of(names.get(0) + " and " + names.get(1) + " are typing…");
            case 3 -> Optional.of(names.get(0) + ", " + names.get(1) + " and " + names.get(2) + " are typing…");
            default -> Optional.of("several people are typing…");
        };
    }
}
