package chat.server.model;

import chat.protocol.IrcNames;
import chat.server.net.LoopClock;
import chat.server.net.Outbound;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * All rooms by folded name; together with each user's rooms a two-way index of who is where.
 * A room exists while it has members.
 */
public final class RoomRegistry {
    private final Map<String, Room> rooms = new HashMap<>();
    private final LoopClock clock;

    RoomRegistry(LoopClock clock) {
        this.clock = clock;
    }

    public Room find(String name) {
        return rooms.get(IrcNames.fold(name));
    }

    public Room findOrCreate(String name) {
        return rooms.computeIfAbsent(IrcNames.fold(name), key -> new Room(name, clock.epochSeconds()));
    }

    public void join(Room room, User member) {
        room.add(member);
        member.rooms.join(room);
    }

    public void leave(Room room, User member) {
        room.remove(member);
        member.rooms.leave(room);
        if (room.isEmpty()) {
            rooms.remove(IrcNames.fold(room.name()));
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
        Set<User> seen = new LinkedHashSet<>();
        for (Room room : source.rooms) {
            for (User member : room.members()) {
                if (member != source && seen.add(member)) {
                    member.send(message);
                }
            }
        }
    }

    public Collection<Room> all() {
        return rooms.values();
    }

    public int count() {
        return rooms.size();
    }
}
