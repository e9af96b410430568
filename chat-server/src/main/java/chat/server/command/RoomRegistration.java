package chat.server.command;

import chat.protocol.Command;
import chat.protocol.IrcMessage;
import chat.protocol.IrcNames;
import chat.server.account.Account;
import chat.server.account.RegisteredRoom;
import chat.server.account.RegisteredRooms;
import chat.server.model.Room;
import chat.server.model.RoomModes;
import chat.server.model.ServerState;
import chat.server.model.User;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Registered rooms: the ROOM command (REGISTER, DROP, ACCESS, INFO), operator and voice by account
 * on every join (and on logging in), and the room's settings kept whenever they change, so a
 * registered room comes back as it was after a restart or after its last member left. A room that
 * is registered gives {@code @} only by its access list, not to whoever makes it.
 */
final class RoomRegistration {
    private static final String ROOM = "ROOM";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final String FLAGS = "imnst";

    private final ServerState state;

    RoomRegistration(ServerState state) {
        this.state = state;
    }

    private RegisteredRooms registered() {
        return state.identity().rooms();
    }

    /** A room was just made: a registered one gets its settings back. */
    void created(Room room) {
        RegisteredRoom saved = registered().find(room.name());
        if (saved == null) {
            return;
        }
        RoomModes modes = room.modes();
        for (char flag : FLAGS.toCharArray()) {
            modes.setFlag(flag, saved.flags().indexOf(flag) >= 0);
        }
        modes.key(saved.key());
        modes.limit(saved.limit());
        for (char which : new char[] {'b', 'e', 'I'}) {
            List<RoomModes.Entry> list = modes.list(which);
            list.clear();
            for (String line : saved.lists().getOrDefault(which, List.of())) {
                String[] parts = line.split(" ");
                if (parts.length == 3) {
                    list.add(new RoomModes.Entry(parts[0], parts[1], Long.parseLong(parts[2])));
                }
            }
        }
        if (saved.topic() != null) {
            room.setTopic(saved.topic(), saved.topicSetBy(), saved.topicSetEpochSeconds());
        }
    }

    /**
     * Before the JOIN is shown: in a registered room, the maker gets no {@code @} by being first;
     * returns the access ('o', 'v' or 0) to give once the JOIN has been seen.
     */
    char beforeJoinShown(User user, Room room) {
        RegisteredRoom saved = registered().find(room.name());
        if (saved == null) {
            return 0;
        }
        if (room.isOperator(user)) {
            room.setFlag(user, Room.OPERATOR, false);
        }
        return access(saved, user);
    }

    /** The access ('o', 'v' or 0) {@code user} has in {@code room} by its registration. */
    char accessOf(User user, Room room) {
        RegisteredRoom saved = registered().find(room.name());
        return saved == null ? 0 : access(saved, user);
    }

    /** After the JOIN: the access list's @ or + with a MODE from the server that everyone sees. */
    void grant(User user, Room room, char level) {
        if (level == 0 || !room.contains(user)) {
            return;
        }
        int flag = level == 'o' ? Room.OPERATOR : Room.VOICE;
        if (level == 'o' ? room.isOperator(user) : room.prefixOf(user).equals("+")) {
            return;
        }
        room.setFlag(user, flag, true);
        var mode = state.serverSays(Command.MODE, room.name(), "+" + level, user.nick());
        room.broadcast(mode, null);
        state.remember(room, mode);
        state.network().modesChanged(room, mode);
    }

    /** Someone logged in: their access in the rooms they are in now. */
    void loggedIn(User user) {
        for (Room room : List.copyOf(user.rooms())) {
            RegisteredRoom saved = registered().find(room.name());
            if (saved != null) {
                grant(user, room, access(saved, user));
            }
        }
    }

    private static char access(RegisteredRoom saved, User user) {
        return saved.accessOf(user.account() == null ? null : IrcNames.fold(user.account()), IrcNames.fold(saved.founder()));
    }

    /** The room's modes, lists or topic changed: a registered room keeps them. */
    void changed(Room room) {
        RegisteredRoom saved = registered().find(room.name());
        if (saved != null) {
            registered().save(snapshot(room, saved.founder(), saved.access(), saved.registeredEpochSeconds()));
        }
    }

    private static RegisteredRoom snapshot(Room room, String founder, Map<String, Character> access, long registered) {
        RoomModes modes = room.modes();
        String flags = room.modes().describe(true).get(0).replaceAll("[^" + FLAGS + "]", "");
        Map<Character, List<String>> lists = new HashMap<>();
        for (char which : new char[] {'b', 'e', 'I'}) {
            List<String> lines = new ArrayList<>();
            for (RoomModes.Entry entry : modes.list(which)) {
                lines.add(entry.mask() + " " + entry.setBy() + " " + entry.setAtEpochSeconds());
            }
            lists.put(which, lines);
        }
        return new RegisteredRoom(room.name(), founder, access, flags, modes.key(), modes.limit(), lists, room.topic(),
                room.topicSetBy(), room.topicSetEpochSeconds(), registered);
    }

    // ROOM REGISTER <#room> | ROOM DROP <#room> | ROOM ACCESS <#room> [ADD <account> op|voice | DEL <account> | LIST]
    // | ROOM INFO <#room>. Errors as FAIL ROOM <code>; successes as a NOTICE, which every client shows.
    void room(User user, IrcMessage message, Replies replies) {
        String sub = message.param(0).toUpperCase(Locale.ROOT);
        String name = message.param(1);
        if (name == null || name.isEmpty()) {
            replies.fail(ROOM, "NEED_MORE_PARAMS", sub, "Usage: ROOM REGISTER|DROP|ACCESS|INFO #room ...");
            return;
        }
        boolean changes = sub.equals("REGISTER") || sub.equals("DROP")
                || sub.equals("ACCESS") && message.paramCount() > 2 && !message.param(2).equalsIgnoreCase("LIST");
        String readOnly = changes ? state.identity().readOnlyReason() : null;
        if (readOnly != null) {
            replies.fail(ROOM, "TEMPORARILY_UNAVAILABLE", name, readOnly);
            return;
        }
        switch (sub) {
            case "REGISTER" -> register(user, name, replies);
            case "DROP" -> drop(user, name, replies);
            case "ACCESS" -> access(user, name, message, replies);
            case "INFO" -> info(user, name, replies);
            default -> replies.fail(ROOM, "UNKNOWN_SUBCOMMAND", Replies.asWord(sub),
                    "ROOM takes REGISTER, DROP, ACCESS or INFO");
        }
    }

    private void register(User user, String name, Replies replies) {
        Room room = state.rooms().find(name);
        if (user.account() == null) {
            replies.fail(ROOM, "ACCOUNT_REQUIRED", name, "Log in to an account first (SASL, or REGISTER to make one)");
        } else if (room == null || !room.contains(user)) {
            replies.fail(ROOM, "NOT_ON_CHANNEL", name, "Join the room first");
        } else if (!room.isOperator(user)) {
            replies.fail(ROOM, "CHANOP_REQUIRED", name, "Only a room operator may register it");
        } else if (registered().find(name) != null) {
            replies.fail(ROOM, "ALREADY_REGISTERED", name, "The room is registered to " + registered().find(name).founder());
        } else {
            registered().save(snapshot(room, user.account(), Map.of(), state.clock().epochSeconds()));
            tell(replies, room.name() + " is registered to your account " + user.account()
                    + ": you get @ on every join, and its topic, modes and lists are kept. ROOM ACCESS " + room.name()
                    + " ADD account op|voice gives others @ or +.");
        }
    }

    private void drop(User user, String name, Replies replies) {
        RegisteredRoom saved = founded(user, name, replies);
        if (saved != null) {
            registered().remove(name);
            tell(replies, saved.name() + " is no longer registered");
        }
    }

    private void access(User user, String name, IrcMessage message, Replies replies) {
        RegisteredRoom saved = registered().find(name);
        if (saved == null) {
            replies.fail(ROOM, "NOT_REGISTERED", name, "The room is not registered");
            return;
        }
        String action = message.paramCount() > 2 ? message.param(2).toUpperCase(Locale.ROOT) : "LIST";
        if (action.equals("LIST")) {
            tell(replies, saved.name() + ": founder " + saved.founder());
            saved.access().forEach((account, level) -> tell(replies, saved.name() + ": " + account + " "
                    + (level == 'o' ? "op" : "voice")));
            return;
        }
        String accountName = message.param(3);
        if (accountName == null || accountName.isEmpty()) {
            replies.fail(ROOM, "NEED_MORE_PARAMS", saved.name(), "Usage: ROOM ACCESS #room ADD account op|voice, DEL account, LIST");
            return;
        }
        char level = 0;
        if (action.equals("ADD")) {
            String given = message.param(4) == null ? "" : message.param(4).toLowerCase(Locale.ROOT);
            level = given.equals("op") ? 'o' : given.equals("voice") ? 'v' : 0;
            if (level == 0) {
                replies.fail(ROOM, "INVALID_LEVEL", saved.name(), "The level is op or voice");
                return;
            }
        } else if (!action.equals("DEL")) {
            replies.fail(ROOM, "UNKNOWN_SUBCOMMAND", Replies.asWord(action), "ROOM ACCESS takes ADD, DEL or LIST");
            return;
        }
        char mine = access(saved, user);
        // The founder manages everything; those with op manage voice.
        boolean allowed = mine == 'o' && (IrcNames.equalsFolded(user.account(), saved.founder()) || level == 'v'
                || (level == 0 && saved.access().get(IrcNames.fold(accountName)) != null
                        && saved.access().get(IrcNames.fold(accountName)) == 'v'));
        if (!allowed) {
            replies.fail(ROOM, "ACCESS_DENIED", saved.name(), "Only the founder gives or takes op; ops give or take voice");
            return;
        }
        Account account = state.identity().accounts().find(accountName);
        if (account == null) {
            replies.fail(ROOM, "NO_SUCH_ACCOUNT", Replies.asWord(accountName), "No such account");
            return;
        }
        Map<String, Character> access = new HashMap<>(saved.access());
        if (level == 0) {
            access.remove(IrcNames.fold(account.name()));
        } else {
            access.put(IrcNames.fold(account.name()), level);
        }
        registered().save(new RegisteredRoom(saved.name(), saved.founder(), access, saved.flags(), saved.key(),
                saved.limit(), saved.lists(), saved.topic(), saved.topicSetBy(), saved.topicSetEpochSeconds(),
                saved.registeredEpochSeconds()));
        tell(replies, saved.name() + ": " + account.name() + (level == 0 ? " removed from the access list"
                : " gets " + (level == 'o' ? "@" : "+") + " on joining"));
        Room room = state.rooms().find(saved.name());
        if (room != null && level != 0) {
            for (User member : room.memberSnapshot()) {
                if (account.name().equals(member.account())) {
                    grant(member, room, level);
                }
            }
        }
    }

    private void info(User user, String name, Replies replies) {
        RegisteredRoom saved = registered().find(name);
        if (saved == null) {
            tell(replies, name + " is not registered");
        } else {
            tell(replies, saved.name() + " is registered to " + saved.founder() + " since "
                    + WHEN.format(Instant.ofEpochSecond(saved.registeredEpochSeconds())) + "; " + saved.access().size()
                    + " more on its access list");
        }
    }

    /** The registered room if {@code user} is its founder; else says why and returns null. */
    private RegisteredRoom founded(User user, String name, Replies replies) {
        RegisteredRoom saved = registered().find(name);
        if (saved == null) {
            replies.fail(ROOM, "NOT_REGISTERED", name, "The room is not registered");
            return null;
        }
        if (user.account() == null || !IrcNames.equalsFolded(user.account(), saved.founder())) {
            replies.fail(ROOM, "ACCESS_DENIED", saved.name(), "Only its founder (" + saved.founder() + ") may do that");
            return null;
        }
        return saved;
    }

    private void tell(Replies replies, String text) {
        replies.send(state.fromServer(Command.NOTICE, replies.session().user().nickOrStar(), text));
    }
}
