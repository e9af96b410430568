package chat.server.cluster;

import chat.protocol.Command;
import chat.protocol.IrcMessage;
import chat.protocol.IrcNames;
import chat.protocol.MalformedMessageException;
import chat.server.model.Capability;
import chat.server.model.Room;
import chat.server.model.RoomModes;
import chat.server.model.ServerState;
import chat.server.model.User;
import chat.server.net.Outbound;
import java.lang.System.Logger.Level;

/**
 * Applies the other nodes' events to this node's replica, on the loop thread, with the same
 * model operations the handlers use, and shows this node's users what they would have seen on
 * one server. Events about users or rooms this node does not know are ignored: a burst brings
 * the whole state after a (re)connection.
 */
final class ClusterApplier {
    private static final System.Logger LOG = System.getLogger(ClusterApplier.class.getName());
    private static final String NO_ACCOUNT = "*";

    private final ServerState state;
    private final NodeTable nodes;
    private final ClusterNetwork network;

    ClusterApplier(ServerState state, NodeTable nodes, ClusterNetwork network) {
        this.state = state;
        this.nodes = nodes;
        this.network = network;
    }

    void apply(Event event) {
        try {
            NodeTable.Node node = nodes.heard(event.node(), state.clock().epochMillis());
            switch (event.type()) {
                case Events.HEARTBEAT -> {
                    // heard() above is all a heartbeat is for
                }
                case Events.HELLO -> network.helloFrom(node, event.field(0));
                case Events.BYE -> network.nodeGone(node, "node stopped");
                case Events.USER -> user(node, event);
                case Events.NICK -> nick(node, event);
                case Events.QUIT -> quit(node, event);
                case Events.JOIN -> join(node, event);
                case Events.PART -> part(node, event);
                case Events.KICK -> kick(event);
                case Events.TOPIC -> topic(event);
                case Events.MODE -> mode(event);
                case Events.INVITE -> invite(node, event);
                case Events.AWAY -> away(node, event);
                case Events.ROOM -> room(event);
                case Events.MESSAGE -> message(node, event);
                case Events.KILL -> kill(event);
                case Events.WALLOPS -> wallops(event);
                case Events.OPERATORS -> state.noticeOperators(event.field(0));
                case Events.LOGIN_FAILED -> state.identity().throttle().failed(event.field(0), event.field(1),
                        state.clock().epochMillis());
                case Events.LOGIN_OK -> state.identity().throttle().succeeded(event.field(0), event.field(1));
                default -> LOG.log(Level.DEBUG, "cluster: unknown event " + event.type() + " from " + event.node());
            }
        } catch (MalformedMessageException | RuntimeException e) {
            LOG.log(Level.WARNING, "cluster: event " + event.type() + " from " + event.node() + " not applied", e);
        }
    }

    // KILL uid killer-prefix killed-text: the user is ours; it goes as if killed here, its QUIT tells everyone
    private void kill(Event event) {
        User victim = network.localUser(event.field(0));
        if (victim == null) {
            return;
        }
        String killed = event.field(2);
        victim.send(IrcMessage.from(event.field(1), Command.KILL, victim.nick(), killed));
        victim.disconnect(killed, "Closing Link: " + victim.host() + " (" + killed + ")");
        LOG.log(Level.INFO, "{0} killed {1} from node {2}: {3}", event.field(1), victim.prefix(), event.node(), killed);
    }

    // WALLOPS LINE: to this node's users with +w
    private void wallops(Event event) throws MalformedMessageException {
        Outbound line = Events.line(state, event, 0);
        for (User listener : state.nicks().all()) {
            if (!listener.isRemote() && listener.isRegistered() && listener.receivesWallops()) {
                listener.send(line);
            }
        }
    }

    // USER uid nick user host realname account away signon invisible bot operator
    private void user(NodeTable.Node node, Event event) {
        String id = event.field(0);
        String nick = event.field(1);
        User user = node.users.get(id);
        if (user == null) {
            User holder = state.nicks().find(nick);
            if (holder != null && !holder.isRemote()) {
                network.loseNick(holder); // its node holds the claim; ours was made during a split
            } else if (holder != null) {
                return; // two remote nodes disagree for a moment; the claim decides, the burst follows
            }
            user = User.remote(node.name, event.field(3), Long.parseLong(event.field(7)), state.clock().now());
            user.userName(event.field(2));
            user.realName(event.field(4));
            user.account(event.field(5));
            user.away(event.field(6));
            state.setInvisible(user, "1".equals(event.field(8)));
            user.bot("1".equals(event.field(9)));
            state.nicks().rename(user, nick);
            nodes.addRemote(node, id, user);
            state.markRegistered(user);
            state.setOperator(user, "1".equals(event.field(10))); // WHOIS 313, WHO's *, LUSERS: the network's operators
            return;
        }
        String account = event.field(5);
        if (!java.util.Objects.equals(account, user.account())) {
            user.account(account);
            state.rooms().sendToRoommates(user, state.says(user, Command.ACCOUNT, account == null ? NO_ACCOUNT : account),
                    Capability.ACCOUNT_NOTIFY);
        }
        String realName = event.field(4);
        if (!java.util.Objects.equals(realName, user.realName())) {
            user.realName(realName);
            state.rooms().sendToRoommates(user, state.says(user, Command.SETNAME, realName), Capability.SETNAME);
        }
        user.away(event.field(6));
        state.setInvisible(user, "1".equals(event.field(8)));
        user.bot("1".equals(event.field(9)));
        state.setOperator(user, "1".equals(event.field(10)));
    }

    // NICK uid newnick LINE
    private void nick(NodeTable.Node node, Event event) throws MalformedMessageException {
        User user = node.users.get(event.field(0));
        if (user == null) {
            return;
        }
        String wanted = event.field(1);
        User holder = state.nicks().find(wanted);
        if (holder != null && holder != user && !holder.isRemote()) {
            network.loseNick(holder);
        }
        Outbound line = Events.line(state, event, 2);
        state.rooms().sendToRoommates(user, line);
        state.rememberInRoomsOf(user, line);
        state.whowas().left(user, state.clock().epochMillis());
        String old = user.nick();
        state.nicks().rename(user, wanted);
        state.announcePresence(user, old, false);
        state.announcePresence(user, wanted, true);
    }

    // QUIT uid LINE
    private void quit(NodeTable.Node node, Event event) throws MalformedMessageException {
        User user = node.users.get(event.field(0));
        if (user == null) {
            return;
        }
        if (event.field(1 + Events.LINE_FIELDS - 1) != null) {
            Outbound line = Events.line(state, event, 1);
            state.rooms().sendToRoommates(user, line);
            state.rememberInRoomsOf(user, line);
        }
        nodes.removeRemote(node, event.field(0));
        state.remove(user);
    }

    /** A user of a lost or split node leaves with {@code reason}, as a QUIT its roommates here see. */
    void drop(NodeTable.Node node, String reason) {
        for (User user : node.users.values().toArray(new User[0])) {
            Outbound line = state.says(user, Command.QUIT, reason);
            state.rooms().sendToRoommates(user, line);
            state.rememberInRoomsOf(user, line);
            state.remove(user);
            nodes.forgetId(user);
        }
        node.users.clear();
    }

    // JOIN uid room flags LINE
    private void join(NodeTable.Node node, Event event) throws MalformedMessageException {
        User user = node.users.get(event.field(0));
        if (user == null || !IrcNames.isValidRoomName(event.field(1))) {
            return;
        }
        Room room = state.rooms().findOrCreate(event.field(1));
        if (room.contains(user)) {
            return;
        }
        state.rooms().join(room, user);
        room.modes().joined(user.nick());
        String flags = event.field(2) == null ? "" : event.field(2);
        room.setFlag(user, Room.OPERATOR, flags.indexOf('o') >= 0);
        room.setFlag(user, Room.VOICE, flags.indexOf('v') >= 0);
        Outbound join = Events.line(state, event, 3);
        Outbound extended = join.withBareMessage(IrcMessage.from(user.prefix(), Command.JOIN, room.name(),
                user.account() == null ? NO_ACCOUNT : user.account(), user.realName()));
        room.broadcast(join, extended, Capability.EXTENDED_JOIN, user);
        state.remember(room, join);
        if (user.away() != null) {
            room.broadcast(null, state.says(user, Command.AWAY, user.away()), Capability.AWAY_NOTIFY, user);
        }
    }

    // PART uid room LINE
    private void part(NodeTable.Node node, Event event) throws MalformedMessageException {
        User user = node.users.get(event.field(0));
        Room room = state.rooms().find(event.field(1));
        if (user == null || room == null || !room.contains(user)) {
            return;
        }
        Outbound line = Events.line(state, event, 2);
        room.broadcast(line, user);
        state.remember(room, line);
        state.rooms().leave(room, user);
    }

    // KICK target-uid target-node room LINE
    private void kick(Event event) throws MalformedMessageException {
        String targetNode = event.field(1);
        User target = network.isMe(targetNode) ? network.localUser(event.field(0)) : nodes.user(targetNode, event.field(0));
        Room room = state.rooms().find(event.field(2));
        if (target == null || room == null || !room.contains(target)) {
            return;
        }
        Outbound line = Events.line(state, event, 3);
        room.broadcast(line, null);
        state.remember(room, line);
        state.rooms().leave(room, target);
    }

    // TOPIC room topic setby setat LINE
    private void topic(Event event) throws MalformedMessageException {
        Room room = state.rooms().find(event.field(0));
        if (room == null) {
            return;
        }
        room.setTopic(event.field(1), event.field(2), Long.parseLong(event.field(3)));
        Outbound line = Events.line(state, event, 4);
        room.broadcast(line, null);
        state.remember(room, line);
        state.rememberTopic(room);
    }

    // MODE room LINE
    private void mode(Event event) throws MalformedMessageException {
        Room room = state.rooms().find(event.field(0));
        if (room == null) {
            return;
        }
        Outbound line = Events.line(state, event, 1);
        RemoteModes.apply(state, room, line.bareMessage(), state.clock().epochSeconds());
        room.broadcast(line, null);
        state.remember(room, line);
    }

    // INVITE room target-nick LINE
    private void invite(NodeTable.Node node, Event event) throws MalformedMessageException {
        Room room = state.rooms().find(event.field(0));
        if (room == null) {
            return;
        }
        String nick = event.field(1);
        room.modes().invite(nick);
        Outbound line = Events.line(state, event, 2);
        User target = state.nicks().findRegistered(nick);
        if (target != null && !target.isRemote()) {
            target.send(line);
        }
        room.broadcast(null, line, Capability.INVITE_NOTIFY, null);
    }

    // AWAY uid LINE
    private void away(NodeTable.Node node, Event event) throws MalformedMessageException {
        User user = node.users.get(event.field(0));
        if (user == null) {
            return;
        }
        Outbound line = Events.line(state, event, 1);
        IrcMessage bare = line.bareMessage();
        user.away(bare.paramCount() == 0 || bare.param(0).isEmpty() ? null : bare.param(0));
        state.rooms().sendToRoommates(user, line, Capability.AWAY_NOTIFY);
    }

    // ROOM room created topic setby setat flags key limit bans excepts invex
    private void room(Event event) {
        if (!IrcNames.isValidRoomName(event.field(0))) {
            return;
        }
        Room room = state.rooms().findOrCreate(event.field(0));
        long theirs = Long.parseLong(event.field(1));
        boolean fresh = room.size() == 0;
        String topic = event.field(2);
        long topicAt = Long.parseLong(event.field(4));
        if (topic != null && (room.topic() == null || topicAt > room.topicSetEpochSeconds())) {
            room.setTopic(topic, event.field(3), topicAt); // the newest topic wins
        }
        if (fresh || theirs < room.createdEpochSeconds()) {
            // The older room keeps its modes, as TS6 servers decide a netjoin.
            RoomModes modes = room.modes();
            String flags = event.field(5) == null ? "" : event.field(5);
            for (char flag : "imnst".toCharArray()) {
                modes.setFlag(flag, flags.indexOf(flag) >= 0);
            }
            modes.key(event.field(6));
            modes.limit(Integer.parseInt(event.field(7)));
            replace(modes, 'b', event.field(8));
            replace(modes, 'e', event.field(9));
            replace(modes, 'I', event.field(10));
        }
    }

    private static void replace(RoomModes modes, char which, String entries) {
        var list = modes.list(which);
        list.clear();
        list.addAll(Events.parseEntries(entries));
    }

    // MSG uid LINE: to a room (members here) or to a person here
    private void message(NodeTable.Node node, Event event) throws MalformedMessageException {
        Outbound line = Events.line(state, event, 1);
        String target = NodeLine.firstParam(line.bareLine()); // no parse: most lines go on as bytes
        boolean text = !line.command().equals(Command.TAGMSG);
        if (target != null && IrcNames.isRoomName(target)) {
            Room room = state.rooms().find(target);
            if (room != null) {
                room.broadcast(line, node.users.get(event.field(0)));
                state.countRelayed();
                if (text) {
                    state.remember(room, line);
                }
            }
            return;
        }
        User recipient = target == null ? null : state.nicks().findRegistered(target);
        if (recipient != null && !recipient.isRemote()) {
            recipient.send(line);
            state.countRelayed();
            if (text) {
                state.remember(ServerState.conversationKey(line.bareMessage().sourceNick(),
                        recipient.nick()), line);
            }
        }
    }
}
