package chat.server.model;

import chat.protocol.IrcNames;
import chat.server.net.LoopClock;
import chat.server.net.Outbound;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * All rooms by folded name; together with each user's rooms a two-way index of who is where.
 * A room exists while it has members.
 */
public final class RoomRegistry {
    private final Map<String, Room> rooms = new HashMap<>();
    /**
     * The same rooms in name order, for LIST's cursor: it remembers the last name it gave and asks
     * for the next one, so a listing streamed over many turns survives rooms coming and going
     * without a snapshot per asker. Lookups (on every message) stay on the hash map.
     */
    private final NavigableMap<String, Room> inNameOrder = new TreeMap<>();
    private final LoopClock clock;

    RoomRegistry(LoopClock clock) {
        this.clock = clock;
    }

    public Room find(String name) {
        return rooms.get(IrcNames.fold(name));
    }

    public Room findOrCreate(String name) {
        return rooms.computeIfAbsent(IrcNames.fold(name), key -> {
            Room room = new Room(name, clock.epochSeconds());
            inNameOrder.put(key, room);
            return room;
        });
    }

    public void join(Room room, User member) {
        room.add(member);
        member.rooms.join(room);
    }

    public void leave(Room room, User member) {
        room.remove(member);
        member.rooms.leave(room);
        if (room.isEmpty()) {
            String key = IrcNames.fold(room.name());
            rooms.remove(key);
            inNameOrder.remove(key);
        }
    }

    /** Forgets a room nobody joined after all (made for a JOIN that was then refused). */
    public void dropIfEmpty(Room room) {
        if (room.isEmpty()) {
            String key = IrcNames.fold(room.name());
            rooms.remove(key, room);
            inNameOrder.remove(key, room);
        }
    }

    /** Leaves every room {@code member} is in. */
    public void leaveAll(User member) {
        for (Room room : member.rooms.snapshot()) {
            leave(room, member);
        }
    }

    /** Sends once to everyone who shares at least one room with {@code source} (not to source itself). */
    public void sendToRoommates(User source, Outbound message) {
        sendToRoommates(source, message, null);
    }

    /** As {@link #sendToRoommates(User, Outbound)}, only to those whose connection enabled {@code cap} (null: all). */
    public void sendToRoommates(User source, Outbound message, Capability cap) {
        Set<User> seen = new LinkedHashSet<>();
        for (Room room : source.rooms) {
            for (User member : room.members()) {
                if (member != source && (cap == null || member.capabilities().has(cap)) && seen.add(member)) {
                    member.send(message);
                }
            }
        }
    }

    /** The first room whose folded name comes after {@code foldedName} (null: the first room), or null. */
    public Map.Entry<String, Room> after(String foldedName) {
        return foldedName == null ? inNameOrder.firstEntry() : inNameOrder.higherEntry(foldedName);
    }

    public Collection<Room> all() {
        return rooms.values();
    }

    public int count() {
        return rooms.size();
    }
}
