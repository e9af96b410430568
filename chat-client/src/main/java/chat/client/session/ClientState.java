package chat.client.session;

import chat.protocol.IrcNames;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the client knows at one instant: its nick, the rooms it is in (and who is in each), where
 * typed text goes, and how many messages wait unread elsewhere. Immutable, so the socket thread can
 * publish a new snapshot while the console thread reads the old one without locks.
 *
 * <p>Map keys are {@link IrcNames#fold folded} names; the values keep the spelling the server used.
 */
public record ClientState(String nick, boolean registered, List<String> rooms, String target,
        Map<String, Integer> unread, Map<String, Set<String>> members) {

    private static final Comparator<String> BY_FOLDED_NAME = Comparator.comparing(IrcNames::fold);

    public ClientState {
        rooms = List.copyOf(rooms);
        unread = Map.copyOf(unread);
        members = Map.copyOf(members);
    }

    /** Before connecting: typed lines already go to the room about to be joined (they wait for the join). */
    public static ClientState initial(String nick, String room) {
        return new ClientState(nick, false, List.of(), room, Map.of(), Map.of());
    }

    public boolean isMe(String someNick) {
        return someNick != null && IrcNames.equalsFolded(someNick, nick);
    }

    public boolean inRoom(String room) {
        return rooms.stream().anyMatch(r -> IrcNames.equalsFolded(r, room));
    }

    public boolean isCurrentTarget(String name) {
        return target != null && name != null && IrcNames.equalsFolded(target, name);
    }

    /** The people in a room, sorted, or none when the room is unknown. */
    public Set<String> membersOf(String room) {
        return members.getOrDefault(IrcNames.fold(room), Set.of());
    }

    public int unreadTotal() {
        return unread.values().stream().mapToInt(Integer::intValue).sum();
    }

    public ClientState withNick(String newNick) {
        return new ClientState(newNick, registered, rooms, target, unread, members);
    }

    public ClientState withRegistered(boolean now) {
        return new ClientState(nick, now, rooms, target, unread, members);
    }

    /** Makes a room or person the current target; its unread count is read now. */
    public ClientState withTarget(String newTarget) {
        Map<String, Integer> stillUnread = new LinkedHashMap<>(unread);
        if (newTarget != null) {
            stillUnread.remove(IrcNames.fold(newTarget));
        }
        return new ClientState(nick, registered, rooms, newTarget, stillUnread, members);
    }

    public ClientState withUnreadIncrement(String source) {
        Map<String, Integer> more = new LinkedHashMap<>(unread);
        more.merge(IrcNames.fold(source), 1, Integer::sum);
        return new ClientState(nick, registered, rooms, target, more, members);
    }

    /** Joined: the room is remembered (for rejoin after a reconnect) and becomes the target if there is none. */
    public ClientState withRoomJoined(String room) {
        List<String> more = new ArrayList<>(rooms);
        if (!inRoom(room)) {
            more.add(room);
        }
        Map<String, Set<String>> people = new LinkedHashMap<>(members);
        people.putIfAbsent(IrcNames.fold(room), Set.of());
        return new ClientState(nick, registered, more, target == null ? room : target, unread, people);
    }

    /** Left: forgotten, and if it was the target the next remaining room becomes the target. */
    public ClientState withRoomLeft(String room) {
        List<String> fewer = new ArrayList<>(rooms);
        fewer.removeIf(r -> IrcNames.equalsFolded(r, room));
        Map<String, Set<String>> people = new LinkedHashMap<>(members);
        people.remove(IrcNames.fold(room));
        Map<String, Integer> stillUnread = new LinkedHashMap<>(unread);
        stillUnread.remove(IrcNames.fold(room));
        String newTarget = isCurrentTarget(room) ? (fewer.isEmpty() ? null : fewer.get(0)) : target;
        return new ClientState(nick, registered, fewer, newTarget, stillUnread, people);
    }

    public ClientState withMembersAdded(String room, List<String> nicks) {
        Set<String> now = new TreeSet<>(BY_FOLDED_NAME);
        now.addAll(membersOf(room));
        now.addAll(nicks);
        return withMembers(room, now);
    }

    public ClientState withMemberRemoved(String room, String who) {
        Set<String> now = new TreeSet<>(BY_FOLDED_NAME);
        now.addAll(membersOf(room));
        now.remove(who);
        return withMembers(room, now);
    }

    /** Someone quit or changed nick: applied in every room, and to the target when it was that person. */
    public ClientState withMemberRenamed(String oldNick, String newNick) {
        ClientState next = this;
        for (String room : rooms) {
            if (membersOf(room).contains(oldNick)) {
                next = next.withMemberRemoved(room, oldNick);
                if (newNick != null) {
                    next = next.withMembersAdded(room, List.of(newNick));
                }
            }
        }
        if (newNick != null && isCurrentTarget(oldNick)) {
            next = new ClientState(next.nick, next.registered, next.rooms, newNick, next.unread, next.members);
        }
        return next;
    }

    /** Which of my rooms a person shares with me: where their QUIT or NICK is shown. */
    public List<String> roomsWith(String who) {
        return rooms.stream().filter(r -> membersOf(r).contains(who)).toList();
    }

    private ClientState withMembers(String room, Set<String> now) {
        Map<String, Set<String>> people = new LinkedHashMap<>(members);
        TreeSet<String> sorted = new TreeSet<>(BY_FOLDED_NAME);
        sorted.addAll(now);
        people.put(IrcNames.fold(room), java.util.Collections.unmodifiableSet(sorted));
        return new ClientState(nick, registered, rooms, target, unread, people);
    }
}
