package chat.server.command;

import chat.protocol.IrcMessage;
import chat.protocol.Numeric;
import chat.server.model.Capability;
import chat.server.model.Room;
import chat.server.model.RoomRegistry;
import chat.server.model.User;
import chat.server.net.ReplyStream;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The long replies as cursors ({@link ReplyStream}), produced a line at a time as the client
 * drains its queue. Each cursor holds a position, never a copy of the list: LIST remembers the last
 * room name it gave, WHO and NAMES hold the room's member array, which joins and parts replace
 * rather than change, so any number of askers share one. Members who left since the question are
 * skipped; rooms made since may appear, rooms gone since do not.
 */
final class ReplyStreams {
    /** Room list bytes per 353 line, well under the 512-byte limit with prefix and room name. */
    private static final int NAMES_LINE_BUDGET_CHARS = 380;

    private ReplyStreams() {
    }

    /** LIST without parameters: a 322 per room, in name order. */
    static ReplyStream rooms(RoomRegistry rooms, Replies replies) {
        return rooms(rooms, replies, room -> true);
    }

    /** LIST: the rooms passing {@code keep} (LIST >n / <n), in name order. */
    static ReplyStream rooms(RoomRegistry rooms, Replies replies, Predicate<Room> keep) {
        return new ReplyStream() {
            private String lastFoldedName;

            @Override
            public IrcMessage next() {
                while (true) {
                    Map.Entry<String, Room> entry = rooms.after(lastFoldedName);
                    if (entry == null) {
                        return null;
                    }
                    lastFoldedName = entry.getKey();
                    if (visibleTo(entry.getValue(), replies.session().user()) && keep.test(entry.getValue())) {
                        return listEntry(replies, entry.getValue());
                    }
                }
            }
        };
    }

    /** A +s room is listed, named and shown in WHOIS only to its members. */
    static boolean visibleTo(Room room, User asker) {
        return !room.modes().secret() || room.contains(asker);
    }

    /** One 322 line: room, member count, topic. */
    static IrcMessage listEntry(Replies replies, Room room) {
        return replies.numericMessage(Numeric.RPL_LIST, room.name(), Integer.toString(room.size()),
                room.topic() == null ? "" : room.topic());
    }

    /** One line per user of a snapshot that still passes {@code keep} when its turn comes (WHO mask). */
    static ReplyStream users(User[] users, Predicate<User> keep, Function<User, IrcMessage> lineFor) {
        return new ReplyStream() {
            private int next;

            @Override
            public IrcMessage next() {
                while (next < users.length) {
                    User user = users[next++];
                    if (keep.test(user)) {
                        return lineFor.apply(user);
                    }
                }
                return null;
            }
        };
    }

    /** One line per member still in the room that passes {@code keep} (WHO). */
    static ReplyStream members(Room room, Predicate<User> keep, Function<User, IrcMessage> lineFor) {
        return users(room.memberSnapshot(), member -> room.contains(member) && keep.test(member), lineFor);
    }

    /**
     * 353 lines of prefixed nicks, as many per line as fit (NAMES); the 366 is the caller's. With
     * userhost-in-names each entry is nick!user@host.
     */
    static ReplyStream names(Room room, Replies replies) {
        User[] members = room.memberSnapshot();
        boolean longForm = replies.session().capabilities().has(Capability.USERHOST_IN_NAMES);
        return new ReplyStream() {
            private int next;

            @Override
            public IrcMessage next() {
                StringBuilder line = new StringBuilder();
                while (next < members.length && line.length() <= NAMES_LINE_BUDGET_CHARS) {
                    User member = members[next++];
                    if (room.contains(member)) {
                        line.append(line.length() == 0 ? "" : " ").append(replies.memberPrefix(room, member))
                                .append(longForm ? member.prefix() : member.nick());
                    }
                }
                return line.length() == 0 ? null
                        : replies.numericMessage(Numeric.RPL_NAMREPLY, "=", room.name(), line.toString());
            }
        };
    }
}
