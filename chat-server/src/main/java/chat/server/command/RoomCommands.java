package chat.server.command;

import chat.protocol.Command;
import chat.protocol.IrcMessage;
import chat.protocol.IrcNames;
import chat.protocol.Numeric;
import chat.protocol.ProtocolLimits;
import chat.server.model.Capability;
import chat.server.model.Room;
import chat.server.model.RoomModes;
import chat.server.model.ServerState;
import chat.server.model.User;
import chat.server.net.Outbound;

/** JOIN, PART, TOPIC, INVITE, NAMES and LIST (RFC 2812 section 3.2). */
final class RoomCommands {
    /** extended-join's account field for a user who is not logged in; accounts come with their own issue. */
    private static final String NO_ACCOUNT = "*";

    private final ServerState state;
    private final HistoryCommands history;
    private final RoomRegistration registration;

    RoomCommands(ServerState state, HistoryCommands history) {
        this.state = state;
        this.history = history;
        this.registration = new RoomRegistration(state);
    }

    HistoryCommands history() {
        return history;
    }

    RoomRegistration registration() {
        return registration;
    }

    // JOIN <room>{,<room>} [<keys>] | JOIN 0 (leave all rooms)
    void join(User user, IrcMessage message, Replies replies) {
        if (message.param(0).equals("0")) {
            for (Room room : user.rooms().toArray(new Room[0])) {
                leave(user, room, user.nick(), replies);
            }
            return;
        }
        String[] keys = message.paramCount() > 1 ? message.param(1).split(",") : new String[0];
        String[] names = message.param(0).split(",");
        for (int i = 0; i < names.length; i++) {
            String name = names[i];
            if (!IrcNames.isValidRoomName(name)) {
                replies.numeric(Numeric.ERR_NOSUCHCHANNEL, Replies.orStar(name), "Invalid room name");
                continue;
            }
            Room existing = state.rooms().find(name);
            if (existing != null && existing.contains(user)) {
                continue;
            }
            if (user.rooms().size() >= ProtocolLimits.MAX_ROOMS_PER_USER) {
                // RFC 2812 3.2.1 / 005 CHANLIMIT: checked before the room is made, so refused joins
                // cannot leave empty rooms behind.
                replies.numeric(Numeric.ERR_TOOMANYCHANNELS, name, "You have joined too many channels (at most "
                        + ProtocolLimits.MAX_ROOMS_PER_USER + ")");
                continue;
            }
            Room room = existing;
            if (room == null) {
                room = state.rooms().findOrCreate(name);
                state.restoreTopic(room); // a topic outlives its room's last member, and a restart with history
                registration.created(room); // a registered room's modes and lists come back before the checks
            }
            if (refusedEntry(user, room, i < keys.length ? keys[i] : null, replies)) {
                state.rooms().dropIfEmpty(room);
                continue;
            }
            state.rooms().join(room, user);
            room.modes().joined(user.nick());
            char access = registration.beforeJoinShown(user, room);
            announceJoin(user, room, replies);
            if (room.topic() != null) {
                sendTopic(replies, room);
            }
            sendNames(replies, room);
            registration.grant(user, room, access);
            history.replayOnJoin(user, room, replies.session());
        }
    }

    /**
     * Whether the room's modes keep {@code user} out, answering why (RFC 2812 3.2.1): an
     * invitation lets one through +i, +k and +l once; a ban holds unless an exception (+e) matches.
     */
    private boolean refusedEntry(User user, Room room, String key, Replies replies) {
        if (registration.accessOf(user, room) == 'o') {
            return false; // a registered room's operators are never locked out of it
        }
        RoomModes modes = room.modes();
        boolean invited = modes.mayEnterInviteOnly(user);
        String why = null;
        String numeric = null;
        if (modes.isBanned(user)) {
            numeric = Numeric.ERR_BANNEDFROMCHAN;
            why = "Cannot join channel (+b: you are banned)";
        } else if (modes.inviteOnly() && !invited) {
            numeric = Numeric.ERR_INVITEONLYCHAN;
            why = "Cannot join channel (+i: invite only)";
        } else if (modes.key() != null && !modes.key().equals(key) && !invited) {
            numeric = Numeric.ERR_BADCHANNELKEY;
            why = "Cannot join channel (+k: wrong or missing key)";
        } else if (modes.limit() > 0 && room.size() >= modes.limit() && !invited) {
            numeric = Numeric.ERR_CHANNELISFULL;
            why = "Cannot join channel (+l: the room is full)";
        }
        if (numeric != null) {
            replies.numeric(numeric, room.name(), why);
        }
        return numeric != null;
    }

    /**
     * JOIN to the room and the joiner: extended-join receivers get the account ("*": not logged
     * in) and real name too, with the same time and msgid; away-notify receivers then learn
     * that the newcomer is away.
     */
    private void announceJoin(User user, Room room, Replies replies) {
        Outbound join = state.says(user, Command.JOIN, room.name());
        Outbound extended = join.withBareMessage(IrcMessage.from(user.prefix(), Command.JOIN, room.name(),
                user.account() == null ? NO_ACCOUNT : user.account(), user.realName()));
        room.broadcast(join, extended, Capability.EXTENDED_JOIN, user);
        replies.send(user.capabilities().has(Capability.EXTENDED_JOIN) ? extended : join);
        state.remember(room, join);
        state.network().joined(room, user, join);
        if (user.away() != null) {
            room.broadcast(null, state.says(user, Command.AWAY, user.away()), Capability.AWAY_NOTIFY, user);
        }
    }

    // INVITE <nick> <room> (RFC 2812 3.2.7): any member may invite; on a +i room, operators only.
    void invite(User user, IrcMessage message, Replies replies) {
        User target = state.nicks().findRegistered(message.param(0));
        if (target == null) {
            replies.noSuchNick(message.param(0));
            return;
        }
        Room room = memberRoom(user, message.param(1), replies);
        if (room == null) {
            return;
        }
        if (room.contains(target)) {
            replies.numeric(Numeric.ERR_USERONCHANNEL, target.nick(), room.name(), "is already on channel");
            return;
        }
        if (room.modes().inviteOnly() && !room.isOperator(user)) {
            replies.notChannelOperator(room); // on a +i room, inviting is letting in: operators only
            return;
        }
        room.modes().invite(target.nick());
        Outbound invite = state.says(user, Command.INVITE, target.nick(), room.name());
        replies.numeric(Numeric.RPL_INVITING, target.nick(), room.name());
        target.send(invite);
        room.broadcast(null, invite, Capability.INVITE_NOTIFY, user); // invite-notify: the room learns of it
        state.network().invited(room, target, invite);
        if (target.away() != null) {
            replies.numeric(Numeric.RPL_AWAY, target.nick(), target.away());
        }
    }

    // PART <room>{,<room>} [:<reason>]
    void part(User user, IrcMessage message, Replies replies) {
        String reason = message.paramCount() > 1 ? message.param(1) : null;
        for (String name : message.param(0).split(",")) {
            Room room = memberRoom(user, name, replies);
            if (room != null) {
                leave(user, room, reason, replies);
            }
        }
    }

    private void leave(User user, Room room, String reason, Replies replies) {
        Outbound part = reason == null || reason.isEmpty()
                ? state.says(user, Command.PART, room.name())
                : state.says(user, Command.PART, room.name(), reason);
        tellRoomAndSender(room, part, user, replies);
        state.remember(room, part);
        state.rooms().leave(room, user);
        state.network().parted(room, user, part);
    }

    /**
     * An event to the room, the sender's own copy as a reply: the same bytes unless the command was
     * labeled, when that copy belongs to the labeled response.
     */
    static void tellRoomAndSender(Room room, Outbound event, User sender, Replies replies) {
        room.broadcast(event, sender);
        replies.send(event);
    }

    /** The room if it exists and the user is in it; answers 403 or 442 and returns null otherwise. */
    Room memberRoom(User user, String name, Replies replies) {
        Room room = state.rooms().find(name);
        if (room == null) {
            replies.noSuchChannel(name);
            return null;
        }
        if (!room.contains(user)) {
            replies.notOnChannel(room);
            return null;
        }
        return room;
    }

    // TOPIC <room> [:<topic>]: query, or set (room operators only: the room is +t).
    void topic(User user, IrcMessage message, Replies replies) {
        String name = message.param(0);
        if (message.paramCount() == 1) {
            Room room = state.rooms().find(name);
            if (room == null) {
                replies.noSuchChannel(name);
            } else if (room.topic() == null) {
                replies.numeric(Numeric.RPL_NOTOPIC, room.name(), "No topic is set");
            } else {
                sendTopic(replies, room);
            }
            return;
        }
        Room room = memberRoom(user, name, replies);
        if (room == null) {
            return;
        }
        if (room.modes().topicLocked() && !room.isOperator(user)) {
            replies.notChannelOperator(room);
            return;
        }
        String topic = message.param(1);
        if (topic.length() > ProtocolLimits.MAX_TOPIC_CHARS) {
            topic = topic.substring(0, ProtocolLimits.MAX_TOPIC_CHARS);
        }
        room.setTopic(topic, user.prefix(), state.clock().epochSeconds());
        Outbound change = state.says(user, Command.TOPIC, room.name(), topic);
        tellRoomAndSender(room, change, user, replies);
        state.remember(room, change);
        state.rememberTopic(room);
        state.network().topicChanged(room, change);
        registration.changed(room);
    }

    private void sendTopic(Replies replies, Room room) {
        replies.numeric(Numeric.RPL_TOPIC, room.name(), room.topic());
        replies.numeric(Numeric.RPL_TOPICWHOTIME, room.name(), room.topicSetBy(),
                Long.toString(room.topicSetEpochSeconds()));
    }

    // NAMES [<room>{,<room>}]: a room that does not exist gets only 366 (RFC 2812 3.2.5).
    void names(User user, IrcMessage message, Replies replies) {
        if (message.paramCount() == 0) {
            for (Room room : user.rooms()) {
                sendNames(replies, room);
            }
            if (user.rooms().isEmpty()) {
                replies.numeric(Numeric.RPL_ENDOFNAMES, "*", "End of /NAMES list.");
            }
            return;
        }
        for (String name : message.param(0).split(",")) {
            Room room = state.rooms().find(name);
            if (room == null || !ReplyStreams.visibleTo(room, user)) {
                replies.numeric(Numeric.RPL_ENDOFNAMES, Replies.orStar(name), "End of /NAMES list.");
            } else {
                sendNames(replies, room);
            }
        }
    }

    /** 353 lines as the client drains them, then 366 (which waits behind them). */
    private void sendNames(Replies replies, Room room) {
        replies.stream(ReplyStreams.names(room, replies));
        replies.numeric(Numeric.RPL_ENDOFNAMES, room.name(), "End of /NAMES list.");
    }

    private static int parseCount(String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    // LIST [<room>{,<room>}] | LIST >n | LIST <n
    void list(User user, IrcMessage message, Replies replies) {
        replies.numeric(Numeric.RPL_LISTSTART, "Channel", "Users  Name");
        String first = message.paramCount() == 0 ? null : message.param(0);
        if (first == null) {
            replies.stream(ReplyStreams.rooms(state.rooms(), replies)); // every room: as the client drains it
        } else if (first.startsWith(">") || first.startsWith("<")) {
            // ELIST=U: LIST >n (more than n users) or <n (fewer than n), as most servers take it
            int n = parseCount(first.substring(1));
            boolean more = first.charAt(0) == '>';
            replies.stream(ReplyStreams.rooms(state.rooms(), replies, room -> more ? room.size() > n : room.size() < n));
        } else {
            for (String name : message.param(0).split(",")) {
                Room room = state.rooms().find(name);
                if (room != null && ReplyStreams.visibleTo(room, user)) {
                    replies.send(ReplyStreams.listEntry(replies, room));
                }
            }
        }
        replies.numeric(Numeric.RPL_LISTEND, "End of /LIST");
    }
}
