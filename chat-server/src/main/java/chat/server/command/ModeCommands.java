package chat.server.command;

import chat.protocol.Command;
import chat.protocol.IrcMessage;
import chat.protocol.IrcNames;
import chat.protocol.Numeric;
import chat.protocol.ProtocolLimits;
import chat.server.model.Masks;
import chat.server.model.Room;
import chat.server.model.RoomModes;
import chat.server.model.ServerState;
import chat.server.model.User;
import chat.server.net.Outbound;
import java.util.ArrayList;
import java.util.List;

/**
 * MODE and KICK (RFC 2812 3.1.5, 3.2.3, 3.2.8). Room operators set the room's flags (+i +m +n
 * +s +t), key (+k), limit (+l), ban/exception/invite-exception lists (+b +e +I) and members' @ (o)
 * and + (v); the changes that took effect go to the room as one MODE line.
 */
final class ModeCommands {
    /** Longest key (+k) taken; a longer one is ignored, as on most servers. */
    private static final int MAX_KEY_CHARS = 23;

    private final ServerState state;
    private final RoomCommands roomCommands;

    ModeCommands(ServerState state, RoomCommands roomCommands) {
        this.state = state;
        this.roomCommands = roomCommands;
    }

    // MODE <nick> [<modes>] | MODE <room> [<modes> [<params>]]
    void mode(User user, IrcMessage message, Replies replies) {
        if (IrcNames.isRoomName(message.param(0))) {
            roomMode(user, message, replies);
        } else {
            userMode(user, message, replies);
        }
    }

    private void userMode(User user, IrcMessage message, Replies replies) {
        String target = message.param(0);
        if (state.nicks().find(target) == null) {
            replies.noSuchNick(target);
            return;
        }
        if (!IrcNames.equalsFolded(target, user.nick())) {
            replies.numeric(Numeric.ERR_USERSDONTMATCH, "Cant change mode for other users");
            return;
        }
        if (message.paramCount() == 1) {
            replies.numeric(Numeric.RPL_UMODEIS, user.modes());
            return;
        }
        ModeChange change = new ModeChange();
        boolean adding = true;
        for (char c : message.param(1).toCharArray()) {
            switch (c) {
                case '+' -> adding = true;
                case '-' -> adding = false;
                case 'i' -> {
                    if (user.isInvisible() != adding) {
                        state.setInvisible(user, adding);
                        change.add(adding, c, null);
                    }
                }
                case 'w' -> {
                    if (user.receivesWallops() != adding) {
                        user.wallops(adding);
                        change.add(adding, c, null);
                    }
                }
                case 'B' -> {
                    if (user.isBot() != adding) {
                        user.bot(adding);
                        change.add(adding, c, null);
                    }
                }
                case 'o' -> {
                    // Anyone may drop +o; +o comes only from OPER, and asking for it is ignored (RFC 2812 3.1.5).
                    if (!adding && user.isServerOperator()) {
                        state.setOperator(user, false);
                        change.add(false, c, null);
                    }
                }
                default -> replies.numeric(Numeric.ERR_UMODEUNKNOWNFLAG, "Unknown MODE flag");
            }
        }
        if (!change.isEmpty()) {
            state.network().changed(user);
            String[] params = change.params(user.nick());
            replies.send(IrcMessage.from(user.prefix(), Command.MODE, params));
        }
    }

    /**
     * Room operators run their room; server operators may too, in any room, without being its
     * operator (InspIRCd's override). Each such use is told to the other server operators.
     */
    private boolean mayManage(User user, Room room, String what) {
        if (room.isOperator(user)) {
            return true;
        }
        if (user.isServerOperator()) {
            state.noticeOperators(user.nick() + " used operator override on " + room.name() + ": " + what, user);
            return true;
        }
        return false;
    }

    private void roomMode(User user, IrcMessage message, Replies replies) {
        Room room = state.rooms().find(message.param(0));
        if (room == null) {
            replies.noSuchChannel(message.param(0));
            return;
        }
        if (message.paramCount() == 1) {
            List<String> shown = new ArrayList<>();
            shown.add(room.name());
            shown.addAll(room.modes().describe(room.contains(user)));
            replies.numeric(Numeric.RPL_CHANNELMODEIS, shown.toArray(new String[0]));
            replies.numeric(Numeric.RPL_CREATIONTIME, room.name(), Long.toString(room.createdEpochSeconds()));
            return;
        }
        String modes = message.param(1);
        String bare = modes.startsWith("+") ? modes.substring(1) : modes;
        if (message.paramCount() == 2 && bare.length() == 1 && "beI".indexOf(bare.charAt(0)) >= 0) {
            sendList(user, room, bare.charAt(0), replies);
            return;
        }
        if (!mayManage(user, room, "MODE " + String.join(" ", message.params().subList(1, message.paramCount())))) {
            replies.notChannelOperator(room);
            return;
        }
        ModeChange change = new ModeChange();
        boolean adding = true;
        int nextArg = 2;
        int withParams = 0;
        for (char c : modes.toCharArray()) {
            switch (c) {
                case '+' -> adding = true;
                case '-' -> adding = false;
                case 'i', 'm', 'n', 's', 't' -> {
                    room.modes().setFlag(c, adding);
                    change.add(adding, c, null);
                }
                case 'k', 'l', 'o', 'v', 'b', 'e', 'I' -> {
                    boolean takesParam = adding || c != 'l'; // -l takes none; -k takes one if given
                    String param = takesParam ? message.param(nextArg) : null;
                    if (takesParam && param != null) {
                        nextArg++;
                    }
                    if (param == null && !(c == 'l' && !adding) && !(c == 'k' && !adding)) {
                        if ("beI".indexOf(c) >= 0) {
                            sendList(user, room, c, replies);
                        }
                        continue; // the others need their parameter
                    }
                    if (++withParams > ProtocolLimits.MAX_MODES_WITH_PARAMS) {
                        continue; // 005 MODES=4: the rest of the line is ignored, as on most servers
                    }
                    apply(user, room, adding, c, param, change, replies);
                }
                default -> replies.numeric(Numeric.ERR_UNKNOWNMODE, String.valueOf(c),
                        "is unknown mode char to me for " + room.name());
            }
        }
        if (!change.isEmpty()) {
            Outbound said = state.says(user, Command.MODE, change.params(room.name()));
            RoomCommands.tellRoomAndSender(room, said, user, replies);
            state.remember(room, said);
            roomCommands.registration().changed(room);
            state.network().modesChanged(room, said);
        }
    }

    /** One mode with a parameter; adds what took effect to {@code change}. */
    private void apply(User user, Room room, boolean adding, char c, String param, ModeChange change,
            Replies replies) {
        RoomModes modes = room.modes();
        switch (c) {
            case 'o', 'v' -> {
                User member = memberNamed(param, room, replies);
                if (member != null) {
                    room.setFlag(member, c == 'o' ? Room.OPERATOR : Room.VOICE, adding);
                    change.add(adding, c, member.nick());
                }
            }
            case 'k' -> {
                if (!adding) {
                    if (modes.key() != null) {
                        modes.key(null);
                        change.add(false, 'k', "*");
                    }
                } else if (modes.key() != null) {
                    replies.numeric(Numeric.ERR_KEYSET, room.name(), "Channel key already set");
                } else if (!param.isEmpty() && param.indexOf(',') < 0 && param.length() <= MAX_KEY_CHARS) {
                    modes.key(param);
                    change.add(true, 'k', param);
                }
            }
            case 'l' -> {
                if (!adding) {
                    if (modes.limit() > 0) {
                        modes.limit(0);
                        change.add(false, 'l', null);
                    }
                    return;
                }
                int limit = positiveInt(param);
                if (limit > 0) {
                    modes.limit(limit);
                    change.add(true, 'l', Integer.toString(limit));
                }
            }
            default -> { // b, e, I
                // "$a:account" (EXTBAN=$,a) names an account and is kept as given.
                String mask = param.regionMatches(true, 0, "$a:", 0, 3) ? "$a:" + param.substring(3) : Masks.normalize(param);
                List<RoomModes.Entry> list = modes.list(c);
                boolean present = list.stream().anyMatch(e -> IrcNames.equalsFolded(e.mask(), mask));
                if (adding && !present) {
                    if (list.size() >= RoomModes.MAX_LIST_ENTRIES) {
                        replies.numeric(Numeric.ERR_BANLISTFULL, room.name(), mask, "Channel list is full");
                        return;
                    }
                    // The setter's nick, as ngIRCd and InspIRCd show it in 367/348/346.
                    list.add(new RoomModes.Entry(mask, user.nick(), state.clock().epochSeconds()));
                    change.add(true, c, mask);
                } else if (!adding && present) {
                    list.removeIf(e -> IrcNames.equalsFolded(e.mask(), mask));
                    change.add(false, c, mask);
                }
            }
        }
    }

    /** 367/368, 348/349 or 346/347: the ban list to anyone, exceptions and invite exceptions to operators. */
    private void sendList(User user, Room room, char which, Replies replies) {
        if (which != 'b' && !mayManage(user, room, "MODE +" + which)) {
            replies.notChannelOperator(room);
            return;
        }
        String entry = which == 'b' ? Numeric.RPL_BANLIST : which == 'e' ? Numeric.RPL_EXCEPTLIST : Numeric.RPL_INVITELIST;
        for (RoomModes.Entry e : room.modes().list(which)) {
            replies.numeric(entry, room.name(), e.mask(), e.setBy(), Long.toString(e.setAtEpochSeconds()));
        }
        switch (which) {
            case 'b' -> replies.numeric(Numeric.RPL_ENDOFBANLIST, room.name(), "End of channel ban list");
            case 'e' -> replies.numeric(Numeric.RPL_ENDOFEXCEPTLIST, room.name(), "End of channel exception list");
            default -> replies.numeric(Numeric.RPL_ENDOFINVITELIST, room.name(), "End of channel invite list");
        }
    }

    private static int positiveInt(String text) {
        try {
            return Math.max(0, Integer.parseInt(text));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The modes that took effect, as one MODE line: "+mk-b key mask". */
    private static final class ModeChange {
        private final StringBuilder letters = new StringBuilder();
        private final List<String> params = new ArrayList<>();
        private Boolean lastSign;

        void add(boolean adding, char mode, String param) {
            if (lastSign == null || lastSign != adding) {
                letters.append(adding ? '+' : '-');
                lastSign = adding;
            }
            letters.append(mode);
            if (param != null) {
                params.add(param);
            }
        }

        boolean isEmpty() {
            return letters.length() == 0;
        }

        String[] params(String room) {
            List<String> all = new ArrayList<>();
            all.add(room);
            all.add(letters.toString());
            all.addAll(params);
            return all.toArray(new String[0]);
        }
    }

    /** The registered user {@code nick} if in {@code room}; answers 401 or 441 and returns null otherwise. */
    private User memberNamed(String nick, Room room, Replies replies) {
        User member = state.nicks().findRegistered(nick);
        if (member == null) {
            replies.noSuchNick(nick);
            return null;
        }
        if (!room.contains(member)) {
            replies.userNotInChannel(member, room);
            return null;
        }
        return member;
    }

    // KICK <room> <nick>{,<nick>} [:<reason>]: room operators only.
    void kick(User user, IrcMessage message, Replies replies) {
        Room room = roomCommands.memberRoom(user, message.param(0), replies);
        if (room == null) {
            return;
        }
        if (!mayManage(user, room, "KICK " + message.param(1))) {
            replies.notChannelOperator(room);
            return;
        }
        String reason = message.paramCount() > 2 ? message.param(2) : user.nick();
        if (reason.length() > ProtocolLimits.MAX_KICK_REASON_CHARS) {
            reason = reason.substring(0, ProtocolLimits.MAX_KICK_REASON_CHARS);
        }
        for (String nick : message.param(1).split(",")) {
            User target = memberNamed(nick, room, replies);
            if (target != null) {
                Outbound kick = state.says(user, Command.KICK, room.name(), target.nick(), reason);
                RoomCommands.tellRoomAndSender(room, kick, user, replies);
                state.remember(room, kick);
                state.rooms().leave(room, target);
                state.network().kicked(room, target, kick);
            }
        }
    }
}
