package chat.client.session;

import chat.protocol.IrcNames;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rooms this client has heard of beyond the ones it is in: each named in a LIST reply, an
 * invitation or a NAMES answer. Tab completion offers them after "/join #". The network thread adds,
 * the console thread reads.
 */
public final class RoomDirectory {
    /** More than any LIST this client will page through; a server listing more is not remembered past it. */
    private static final int MOST_ROOMS = 5_000;

    private final ConcurrentHashMap<String, String> rooms = new ConcurrentHashMap<>();

    public void heardOf(String room) {
        if (room != null && IrcNames.isRoomName(room) && rooms.size() < MOST_ROOMS) {
            rooms.putIfAbsent(IrcNames.fold(room), room);
        }
    }

    public Collection<String> known() {
        return List.copyOf(rooms.values());
    }
}
