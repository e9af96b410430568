package chat.server.account;

import chat.protocol.IrcNames;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * The registered rooms, by folded name, as the loop sees them; each change is also handed to the
 * {@link AccountStore} (if any). Touched only by the loop thread.
 */
public final class RegisteredRooms {
    private final Map<String, RegisteredRoom> byName = new HashMap<>();
    private final AccountStore database;

    public RegisteredRooms(AccountStore database, Collection<RegisteredRoom> loaded) {
        this.database = database;
        loaded.forEach(room -> byName.put(IrcNames.fold(room.name()), room));
    }

    public static RegisteredRooms inMemory() {
        return new RegisteredRooms(null, java.util.List.of());
    }

    public RegisteredRoom find(String name) {
        return byName.get(IrcNames.fold(name));
    }

    public void save(RegisteredRoom room) {
        String folded = IrcNames.fold(room.name());
        byName.put(folded, room);
        if (database != null) {
            database.saveRoom(folded, room);
        }
    }

    public RegisteredRoom remove(String name) {
        String folded = IrcNames.fold(name);
        RegisteredRoom removed = byName.remove(folded);
        if (removed != null && database != null) {
            database.deleteRoom(folded);
        }
        return removed;
    }

    /** The store says {@code folded} is now {@code room} (null: dropped); nothing is written back. */
    public void apply(String folded, RegisteredRoom room) {
        if (room == null) {
            byName.remove(folded);
        } else {
            byName.put(folded, room);
        }
    }

    /** The store's whole content replaces the replica. */
    public void replaceAll(Collection<RegisteredRoom> loaded) {
        byName.clear();
        loaded.forEach(room -> byName.put(IrcNames.fold(room.name()), room));
    }

    /** Drops the rooms of a deleted account; returns how many. */
    public int removeFoundedBy(String account) {
        String folded = IrcNames.fold(account);
        int[] count = {0};
        for (RegisteredRoom room : java.util.List.copyOf(byName.values())) {
            if (IrcNames.fold(room.founder()).equals(folded)) {
                remove(room.name());
                count[0]++;
            }
        }
        return count[0];
    }

    /** Every registered room. */
    public java.util.List<RegisteredRoom> all() {
        return java.util.List.copyOf(byName.values());
    }

    public int count() {
        return byName.size();
    }
}
