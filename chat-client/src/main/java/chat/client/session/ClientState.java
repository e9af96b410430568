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
 * What the client knows at one instant: its nick (and user modes), the rooms it is in (and who is
 * in each), where typed text goes (the current window), and the windows with what waits unread in
 * each. Immutable, so the socket thread can publish a new snapshot while the console thread reads
 * the old one without locks.
 *
 * <p>Map keys are {@link IrcNames#fold folded} names; the values keep the spelling the server used.
 */
public record ClientState(String nick, boolean registered, List<String> rooms, String target,
        Windows windows, Map<String, Set<String>> members, String modes) {

    private static final Comparator<String> BY_FOLDED_NAME = Comparator.comparing(IrcNames::fold);

    public ClientState {
        rooms = List.copyOf(rooms);
        members = Map.copyOf(members);
    }

    /** Before connecting: typed lines already go to the room about to be joined (they wait for the join). */
    public static ClientState initial(String nick, String room) {
        return new ClientState(nick, false, List.of(), room, Windows.none(), Map.of(), "");
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

    /** Messages waiting unseen per window (folded name to count), for windows with any. */
    public Map<String, Integer> unread() {
        Map<String, Integer> waiting = new LinkedHashMap<>();
        windows.list().stream().filter(w -> w.unread() > 0).forEach(w -> waiting.put(IrcNames.fold(w.name()), w.unread()));
        return waiting;
    }

    public int unreadTotal() {
        return windows.list().stream().mapToInt(Windows.Window::unread).sum();
    }

    public ClientState withNick(String newNick) {
        return new ClientState(newNick, registered, rooms, target, windows, members, modes);
    }

    public ClientState withRegistered(boolean now) {
        return new ClientState(nick, now, rooms, target, windows, members, modes);
    }

    /** My user modes as the server last told them ("+iw"; empty when none). */
    public ClientState withModes(String now) {
        return new ClientState(nick, registered, rooms, target, windows, members, now);
    }

    /**
     * Makes a room or person the current window (opening one for a person, as /query does); what
     * waited in it is read now.
     */
    public ClientState withTarget(String newTarget) {
        Windows now = newTarget == null ? windows : windows.opened(newTarget).seen(newTarget);
        return new ClientState(nick, registered, rooms, newTarget, now, members, modes);
    }

    /** With a window for this conversation (my own /msg opens one, as irssi does), not made current. */
    public ClientState withWindow(String window) {
        Windows now = windows.opened(window);
        return now == windows ? this : new ClientState(nick, registered, rooms, target, now, members, modes);
    }

    /** The same state seen from another window: how a line for that window is drawn in it. */
    public ClientState viewedFrom(String window) {
        return window == null ? this : new ClientState(nick, registered, rooms, window, windows, members, modes);
    }

    /** A message arrived in a window other than the current one (for me: private, or my nick in it). */
    public ClientState withActivity(String window, boolean forMe) {
        return isCurrentTarget(window) ? this
                : new ClientState(nick, registered, rooms, target, windows.active(window, forMe), members, modes);
    }

    /** The window is closed; if it was the current one, its neighbour becomes current. */
    public ClientState withWindowClosed(String window) {
        String next = isCurrentTarget(window) ? windows.afterClosing(window).orElse(null) : target;
        Windows fewer = windows.closed(window);
        return new ClientState(nick, registered, rooms, next, next == null ? fewer : fewer.seen(next), members, modes);
    }

    /**
     * Joined (the server's JOIN for me): the room is remembered (for rejoin after a reconnect) and
     * has a window; it becomes the current one when asked ({@code show}) or when there is none.
     */
    public ClientState withRoomJoined(String room, boolean show) {
        List<String> more = new ArrayList<>(rooms);
        if (!inRoom(room)) {
            more.add(room);
        }
        Map<String, Set<String>> people = new LinkedHashMap<>(members);
        people.putIfAbsent(IrcNames.fold(room), Set.of());
        String newTarget = show || target == null ? room : target;
        Windows now = windows.opened(room);
        return new ClientState(nick, registered, more, newTarget, show ? now.seen(room) : now, people, modes);
    }

    public ClientState withRoomJoined(String room) {
        return withRoomJoined(room, false);
    }

    /** Left: forgotten with its window; if it was the current one, the window beside it is current now. */
    public ClientState withRoomLeft(String room) {
        List<String> fewer = new ArrayList<>(rooms);
        fewer.removeIf(r -> IrcNames.equalsFolded(r, room));
        Map<String, Set<String>> people = new LinkedHashMap<>(members);
        people.remove(IrcNames.fold(room));
        ClientState closed = new ClientState(nick, registered, fewer, target, windows, people, modes).withWindowClosed(room);
        if (closed.target == null && !fewer.isEmpty()) {
            return closed.withTarget(fewer.get(0));
        }
        return closed;
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

    /**
     * Someone quit or changed nick: applied in every room; a new nick takes their window (and the
     * target when it was that person) with it.
     */
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
        if (newNick != null && !isMe(newNick)) {
            String newTarget = isCurrentTarget(oldNick) ? newNick : next.target;
            next = new ClientState(next.nick, next.registered, next.rooms, newTarget,
                    next.windows.renamed(oldNick, newNick), next.members, next.modes);
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
        return new ClientState(nick, registered, rooms, target, windows, people, modes);
    }
}
