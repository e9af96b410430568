package chat.server;

import chat.protocol.IrcNames;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * All rooms by folded name; together with {@link Connection#rooms} a two-way index of who is where.
 * A room exists while it has members.
 */
final class RoomRegistry {
    private final Map<String, Room> rooms = new HashMap<>();

    Room find(String name) {
        return rooms.get(IrcNames.fold(name));
    }

    Room findOrCreate(String name) {
        return rooms.computeIfAbsent(IrcNames.fold(name), key -> new Room(name));
    }

    void join(Room room, Connection member) {
        room.add(member);
        member.rooms.add(room);
    }

    void leave(Room room, Connection member) {
        room.remove(member);
        member.rooms.remove(room);
        if (room.isEmpty()) {
            rooms.remove(IrcNames.fold(room.name));
        }
    }

    Collection<Room> all() {
        return rooms.values();
    }

    int count() {
        return rooms.size();
    }
}
