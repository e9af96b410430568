package chat.server.cluster;

import chat.protocol.Command;
import chat.protocol.IrcNames;
import chat.protocol.ProtocolLimits;
import chat.server.model.Network;
import chat.server.model.Room;
import chat.server.model.ServerState;
import chat.server.model.StampFields;
import chat.server.model.User;
import chat.server.net.Outbound;
import java.lang.System.Logger.Level;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The {@link Network} of a node in a cluster (docs/SCALING.md). Loop thread only, except
 * {@link #listener()}, whose calls come from the bus threads and are handed to the loop.
 *
 * <p>While the node is <em>whole</em> (both Redis connections up, resynchronised), room messages
 * go to Redis and are delivered here when they come back, in Redis's one order; state changes
 * are published as they happen. While it is split, it is one server on its own: the other
 * nodes' users were shown as quit, messages are delivered at once, nicks are held locally and
 * claimed again when it heals.
 */
public final class ClusterNetwork implements Network {
    private static final System.Logger LOG = System.getLogger(ClusterNetwork.class.getName());
    /** A node not heard for this long is lost (heartbeats every 2 s). */
    static final long NODE_TIMEOUT_MILLIS = 10_000;
    static final String SPLIT_NOTICE = "The network is split: users on other nodes are out of reach until it heals; "
            + "your messages reach the users of this node only";
    static final String WHOLE_NOTICE = "The network is whole again";
    static final String SPLIT_HISTORY_NOTICE = ", and are not kept in the history";

    /** A room message sent to Redis and not yet back: delivered here when it is (or at a split). */
    private record InFlight(long sequence, Room room, Outbound said, User sender, Consumer<Outbound> echo) {
    }

    private final ServerState state;
    private final String me;
    private final String incarnation;
    private final NodeTable nodes = new NodeTable();
    private final ClusterApplier applier;
    /**
     * In the order they were published: one connection publishes them and Redis delivers them back
     * in that order, so the one coming back is nearly always the first (no map, no boxing).
     */
    private final ArrayDeque<InFlight> inFlight = new ArrayDeque<>();
    /** The folded nicks each local user holds a claim on in Redis (the current one, and any not yet released). */
    private final Map<User, Set<String>> claims = new IdentityHashMap<>();
    /** Releases that could not be sent during a split: sent first when it heals. */
    private final List<String[]> pendingReleases = new ArrayList<>();
    private final SecureRandom random = new SecureRandom();
    private Bus bus;
    /** The shared history this node keeps its lines in (null: --no-history). */
    private ClusterHistory history;
    private Executor loop;
    /** Null unless the accounts live in Redis (they do whenever the node was started by ChatServer). */
    private AccountSync accounts;
    private boolean whole;
    /** True once the node has been whole: the first connection is no "heal" to announce. */
    private boolean wasWhole;
    /**
     * This node's HELLO and burst went to chat:all and its HELLO has not come back yet. A HELLO
     * from another node heard meanwhile is earlier in Redis's order than our burst, and its node
     * subscribed before saying it: it gets our burst on chat:all, so we send it no second one
     * (when Redis restarts, every node heals at once and would otherwise get every burst twice).
     */
    private boolean ownHelloInFlight;

    public ClusterNetwork(ServerState state, String nodeName) {
        this.state = state;
        this.me = nodeName;
        byte[] bytes = new byte[6];
        random.nextBytes(bytes);
        this.incarnation = java.util.HexFormat.of().formatHex(bytes);
        this.applier = new ClusterApplier(state, nodes, this);
    }

    /** Keeps history in Redis streams (docs/SCALING.md); before {@link #start}. */
    public void keepHistory(ClusterHistory clusterHistory) {
        this.history = clusterHistory;
    }

    /**
     * Connects to Redis and starts the bus; the node starts split and heals as soon as its
     * subscription is up. {@code loopTasks} is the loop's task queue.
     *
     * @throws ClusterUnavailableException when Redis cannot be reached or the name is in use
     */
    public void start(ClusterConfig config, Executor loopTasks) throws ClusterUnavailableException {
        this.loop = loopTasks;
        if (state.identity().store() instanceof RedisAccountStore accountStore) {
            accounts = new AccountSync(state, accountStore, loopTasks, me);
        }
        this.bus = new Bus(config, incarnation, listener());
        if (history != null) {
            history.attach(this, bus);
        }
        int slot = bus.start();
        state.useMessageIdSlot(slot);
        LOG.log(Level.INFO, "cluster: node " + me + " joined through Redis at " + config.redisAddress()
                + " (msgid slot " + slot + ")");
    }

    /** Tells the others this node stops, then closes the connections (after the users' QUITs went out). */
    public void stop() {
        if (bus == null) {
            return;
        }
        if (whole) {
            bus.publish(Bus.ALL, Events.of(Events.BYE, me).encode());
            bus.forget(me, incarnation);
        }
        bus.close(2_000);
    }

    /** The loop's turn ends: what it published goes to Redis together (loop thread). */
    public void endTurn() {
        if (bus != null) {
            bus.endTurn();
        }
    }

    public String nodeName() {
        return me;
    }

    private Bus.Listener listener() {
        return new Bus.Listener() {
            @Override
            public void events(List<Event> events) {
                // One task for the whole payload: one wake-up of the loop, and its deliveries
                // share the loop turn's flush.
                loop.execute(() -> {
                    for (Event event : events) {
                        onEvent(event);
                    }
                });
            }

            @Override
            public void up(int slot) {
                loop.execute(() -> heal(slot));
            }

            @Override
            public void down(String why) {
                loop.execute(() -> split(why));
            }

            @Override
            public void tick() {
                loop.execute(ClusterNetwork.this::checkNodes);
            }
        };
    }

    // ---- what the handlers tell the network -------------------------------------------------

    @Override
    public boolean toRoom(Room room, Outbound said, User sender, Consumer<Outbound> echo) {
        if (!whole) {
            room.broadcast(said, sender);
            return false;
        }
        // The nodes with members: a list, not a set, as a room spans few nodes.
        List<String> targets = new ArrayList<>(4);
        boolean here = echo != null;
        for (User member : room.memberSnapshot()) {
            if (member.isRemote()) {
                if (!targets.contains(member.node())) {
                    targets.add(member.node());
                }
            } else if (member != sender) {
                here = true;
            }
        }
        List<String> channels = new ArrayList<>(targets.size() + 1);
        if (here) {
            channels.add(bus.channelOf(me));
        }
        for (String node : targets) {
            channels.add(bus.channelOf(node));
        }
        List<String> kept = keeps(said) ? List.of(IrcNames.fold(room.name())) : List.of();
        if (channels.isEmpty()) {
            keep(kept, said);
            return false;
        }
        send(channels, Events.withLine(Events.MESSAGE, me, said, nodes.idOf(sender)), said, kept);
        if (here) {
            inFlight.addLast(new InFlight(ServerState.sequenceOf(said), room, said, sender, echo));
        }
        return echo != null;
    }

    @Override
    public void toUser(User recipient, Outbound said, User sender) {
        List<String> kept = whole && keeps(said)
                ? List.of(ServerState.conversationKey(sender.nick(), recipient.nick())) : List.of();
        if (!recipient.isRemote()) {
            recipient.send(said);
            keep(kept, said);
        } else if (whole) {
            send(List.of(bus.channelOf(recipient.node())), Events.withLine(Events.MESSAGE, me, said, nodes.idOf(sender)),
                    said, kept);
        }
    }

    /**
     * Whether a message goes into the shared history: only with history on (else its targets are
     * not worked out for every message), and only PRIVMSG and NOTICE; TAGMSG (typing) is not
     * history, as on one server.
     */
    private boolean keeps(Outbound said) {
        String command = said.command();
        return history != null && (command.equals(Command.PRIVMSG) || command.equals(Command.NOTICE));
    }

    /**
     * Publishes {@code event} to {@code channels} and, with history, keeps {@code line} in the
     * history of {@code targets} in the same step, so each history's order is Redis's order.
     */
    private void send(List<String> channels, Event event, Outbound line, List<String> targets) {
        StampFields stamp = history == null || targets.isEmpty() ? null : ServerState.stampFields(line);
        if (stamp == null) {
            bus.publishToAll(channels, event.encode());
        } else {
            bus.publishAndKeep(channels, event.encode(), streams(targets), HistoryStreams.entry(history.config(), stamp, line));
        }
    }

    /** Keeps a line that is published nowhere (said to this node's users only) while whole. */
    private void keep(List<String> targets, Outbound line) {
        StampFields stamp = history == null || targets.isEmpty() ? null : ServerState.stampFields(line);
        if (stamp != null && whole) {
            bus.publishAndKeep(List.of(), new byte[0], streams(targets), HistoryStreams.entry(history.config(), stamp, line));
        }
    }

    private static List<String> streams(List<String> targets) {
        List<String> keys = new ArrayList<>(targets.size());
        targets.forEach(target -> keys.add(HistoryStreams.key(target)));
        return keys;
    }

    /** The history targets of a line about {@code user} in all its rooms (NICK, QUIT). */
    private static List<String> roomsOf(User user) {
        List<String> targets = new ArrayList<>();
        for (Room room : user.rooms()) {
            targets.add(IrcNames.fold(room.name()));
        }
        return targets;
    }

    /** An event with its line, to every node, the line kept in the history of {@code room}. */
    private void publishAll(Event event, Outbound line, List<String> targets) {
        send(List.of(Bus.ALL), event, line, targets);
    }

    @Override
    public void claimNick(User user, String nick, Consumer<Boolean> answer) {
        String folded = IrcNames.fold(nick);
        claims.computeIfAbsent(user, u -> new LinkedHashSet<>()); // present while the user is here
        if (!whole) {
            claims.get(user).add(folded); // held here alone; claimed again when the network heals
            answer.accept(true);
            return;
        }
        String holder = holder(user);
        bus.claim(List.of(folded, holder), result -> loop.execute(() -> {
            Set<String> held = claims.get(user);
            if (result != null && result.get(0) != 1L) {
                answer.accept(false);
            } else if (held == null) {
                if (result != null) {
                    bus.release(folded, holder); // the user left while the claim was on its way
                }
            } else {
                // Held (or Redis failed meanwhile: held here alone until the heal claims it again).
                held.add(folded);
                answer.accept(true);
            }
        }));
    }

    private void remember(User user, String folded) {
        claims.computeIfAbsent(user, u -> new LinkedHashSet<>()).add(folded);
    }

    @Override
    public void registered(User user) {
        releaseAllBut(user, user.nick());
        if (whole) {
            publishAll(Events.user(me, nodes.idOf(user), user));
        }
    }

    @Override
    public void changed(User user) {
        if (whole && user.isRegistered()) {
            publishAll(Events.user(me, nodes.idOf(user), user));
        }
    }

    @Override
    public void renamed(User user, String oldNick, Outbound line) {
        releaseAllBut(user, user.nick());
        if (whole) {
            publishAll(Events.withLine(Events.NICK, me, line, nodes.idOf(user), user.nick()), line, roomsOf(user));
        }
    }

    @Override
    public void quit(User user, Outbound line) {
        if (whole && line != null) {
            publishAll(Events.withLine(Events.QUIT, me, line, nodes.idOf(user)), line, roomsOf(user));
        }
        releaseAll(user);
        nodes.forgetId(user);
    }

    @Override
    public void joined(Room room, User user, Outbound line) {
        if (!whole) {
            return;
        }
        if (room.size() == 1) {
            publishAll(Events.room(me, room)); // a room new to the network: its topic and modes first
        }
        String flags = (room.isOperator(user) ? "o" : "") + (room.mayAlwaysSpeak(user) && !room.isOperator(user) ? "v" : "");
        publishAll(Events.withLine(Events.JOIN, me, line, nodes.idOf(user), room.name(), flags), line, inRoom(room));
    }

    @Override
    public void parted(Room room, User user, Outbound line) {
        if (whole) {
            publishAll(Events.withLine(Events.PART, me, line, nodes.idOf(user), room.name()), line, inRoom(room));
        }
    }

    @Override
    public void kicked(Room room, User target, Outbound line) {
        if (whole) {
            publishAll(Events.withLine(Events.KICK, me, line, nodes.idOf(target), target.isRemote() ? target.node() : me,
                    room.name()), line, inRoom(room));
        }
    }

    @Override
    public void topicChanged(Room room, Outbound line) {
        if (whole) {
            publishAll(Events.withLine(Events.TOPIC, me, line, room.name(), room.topic(), room.topicSetBy(),
                    Long.toString(room.topicSetEpochSeconds())), line, inRoom(room));
        }
    }

    @Override
    public void modesChanged(Room room, Outbound line) {
        if (whole) {
            publishAll(Events.withLine(Events.MODE, me, line, room.name()), line, inRoom(room));
        }
    }

    @Override
    public void invited(Room room, User target, Outbound line) {
        if (whole) {
            publishAll(Events.withLine(Events.INVITE, me, line, room.name(), target.nick()));
        }
    }

    @Override
    public void away(User user, Outbound line) {
        if (whole) {
            publishAll(Events.withLine(Events.AWAY, me, line, nodes.idOf(user)));
        }
    }

    @Override
    public void kill(User victim, String killer, String killed) {
        if (whole && victim.isRemote()) {
            bus.publish(bus.channelOf(victim.node()), Events.of(Events.KILL, me, nodes.idOf(victim), killer, killed).encode());
        }
    }

    @Override
    public void wallops(Outbound line) {
        if (whole) {
            publishAll(Events.withLine(Events.WALLOPS, me, line));
        }
    }

    @Override
    public void loginFailed(String address, String account) {
        if (whole) {
            publishAll(Events.of(Events.LOGIN_FAILED, me, address, account));
        }
    }

    @Override
    public void loginSucceeded(String address, String account) {
        if (whole) {
            publishAll(Events.of(Events.LOGIN_OK, me, address, account));
        }
    }

    @Override
    public void toOperators(String text) {
        if (whole) {
            publishAll(Events.of(Events.OPERATORS, me, text));
        }
    }

    @Override
    public String nodeOf(User user, String serverName) {
        return user.isRemote() ? user.node() : me;
    }

    /** Users per node, this one first: LUSERS shows them. */
    @Override
    public Map<String, Integer> usersPerNode() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put(me, state.registeredCount());
        for (NodeTable.Node node : nodes.all()) {
            counts.put(node.name, node.users.size());
        }
        return counts;
    }

    public boolean isWhole() {
        return whole;
    }

    private void publishAll(Event event) {
        bus.publish(Bus.ALL, event.encode());
    }

    private static List<String> inRoom(Room room) {
        return List.of(IrcNames.fold(room.name()));
    }

    private String holder(User user) {
        return me + " " + incarnation + " " + nodes.idOf(user);
    }

    private void releaseAll(User user) {
        releaseAllBut(user, null);
        claims.remove(user);
    }

    /** Releases every claim of {@code user} except the one on {@code keep} (null: all). */
    private void releaseAllBut(User user, String keep) {
        Set<String> held = claims.get(user);
        if (held == null) {
            return;
        }
        String kept = keep == null ? null : IrcNames.fold(keep);
        String holder = holder(user);
        held.removeIf(folded -> {
            if (folded.equals(kept)) {
                return false;
            }
            if (whole) {
                bus.release(folded, holder);
            } else {
                pendingReleases.add(new String[] {folded, holder});
            }
            return true;
        });
    }

    // ---- what comes from the bus (on the loop) -----------------------------------------------

    private void onEvent(Event event) {
        if (accounts != null && AccountSync.handles(event)) {
            accounts.onEvent(event); // every node's changes, this one's too, in Redis's order
            return;
        }
        if (event.node().equals(me) && event.type().equals(Events.HELLO)) {
            ownHelloInFlight = false;
            return;
        }
        if (!event.node().equals(me)) {
            if (whole) {
                applier.apply(event);
            }
            return;
        }
        if (event.type().equals(Events.MESSAGE)) {
            backFromRedis(Events.sequence(event, 1));
        }
    }

    /**
     * Delivers here the message with {@code sequence}, back from Redis. Any sent before it that has
     * not come back never will (Redis keeps one connection's order): those are delivered here too,
     * first, rather than kept waiting for ever.
     */
    private void backFromRedis(long sequence) {
        InFlight first = inFlight.peekFirst();
        if (first == null || (first.sequence() != sequence && !waits(sequence))) {
            return; // not one of ours that waits (a message to no member here is not echoed)
        }
        InFlight sent;
        do {
            sent = inFlight.pollFirst();
            deliver(sent);
        } while (sent.sequence() != sequence);
    }

    private boolean waits(long sequence) {
        for (InFlight sent : inFlight) {
            if (sent.sequence() == sequence) {
                return true;
            }
        }
        return false;
    }

    /** One of this node's room messages, back from Redis: now its members here get it. */
    private void deliver(InFlight sent) {
        Room room = state.rooms().find(sent.room().name());
        if (room != null) {
            room.broadcast(sent.said(), sent.sender());
        }
        if (sent.echo() != null) {
            sent.echo().accept(sent.said());
        }
    }

    /** A connection failed: one NOTICE to every user here, the other nodes' users quit, messages in flight delivered here. */
    private void split(String why) {
        if (!whole) {
            return;
        }
        whole = false;
        ownHelloInFlight = false;
        if (accounts != null) {
            accounts.split();
        }
        LOG.log(Level.WARNING, "cluster: split from the network (" + why + "); serving this node's users alone");
        for (InFlight sent : inFlight.toArray(new InFlight[0])) {
            deliver(sent);
        }
        inFlight.clear();
        for (NodeTable.Node node : nodes.all()) {
            applier.drop(node, "network split");
            nodes.remove(node.name);
        }
        tellEveryone(history == null ? SPLIT_NOTICE : SPLIT_NOTICE + SPLIT_HISTORY_NOTICE);
    }

    /**
     * Both connections are up: claim this node's nicks again (a nick taken meanwhile elsewhere is
     * lost by ours, renamed), then HELLO and this node's burst; the others answer with theirs.
     */
    private void heal(int slot) {
        state.useMessageIdSlot(slot);
        for (String[] release : pendingReleases) {
            bus.release(release[0], release[1]);
        }
        pendingReleases.clear();
        List<User> users = new ArrayList<>();
        List<String> pairs = new ArrayList<>();
        for (User user : state.nicks().all().toArray(new User[0])) {
            if (!user.isRemote() && user.nick() != null) {
                users.add(user);
                pairs.add(IrcNames.fold(user.nick()));
                pairs.add(holder(user));
            }
        }
        if (pairs.isEmpty()) {
            becomeWhole();
            return;
        }
        bus.claim(pairs, answers -> loop.execute(() -> {
            if (answers == null) {
                return; // Redis failed again: the next "up" starts over
            }
            for (int i = 0; i < users.size(); i++) {
                User user = users.get(i);
                if (answers.get(i) == 1L) {
                    remember(user, pairs.get(2 * i));
                } else if (user.nick() != null && IrcNames.fold(user.nick()).equals(pairs.get(2 * i))) {
                    loseNick(user);
                }
            }
            becomeWhole();
        }));
    }

    private void becomeWhole() {
        if (whole) {
            return;
        }
        whole = true;
        if (accounts != null) {
            accounts.heal();
        }
        publishAll(Events.of(Events.HELLO, me, incarnation));
        ownHelloInFlight = true;
        burst(Bus.ALL);
        if (wasWhole) {
            tellEveryone(WHOLE_NOTICE);
        }
        wasWhole = true;
        LOG.log(Level.INFO, "cluster: node " + me + " is part of the network");
    }

    /** Another node said HELLO: its users as known here are stale (it resends them all), and it gets our burst. */
    void helloFrom(NodeTable.Node node, String nodeIncarnation) {
        applier.drop(node, "network split");
        node.incarnation = nodeIncarnation;
        if (ownHelloInFlight) {
            LOG.log(Level.DEBUG, "cluster: " + node.name + " said HELLO before ours came back: it gets our burst on chat:all");
            return;
        }
        burst(bus.channelOf(node.name));
    }

    /** This node's users and rooms, to {@code channel}: USER each, then per room its settings and its members here. */
    private void burst(String channel) {
        for (User user : state.nicks().all()) {
            if (!user.isRemote() && user.isRegistered()) {
                bus.publish(channel, Events.user(me, nodes.idOf(user), user).encode());
            }
        }
        for (Room room : state.rooms().all()) {
            boolean announced = false;
            for (User member : room.memberSnapshot()) {
                if (member.isRemote() || !member.isRegistered()) {
                    continue;
                }
                if (!announced) {
                    bus.publish(channel, Events.room(me, room).encode());
                    announced = true;
                }
                String flags = (room.isOperator(member) ? "o" : "") + (room.prefixOf(member).equals("+") ? "v" : "");
                bus.publish(channel, Events.withLine(Events.JOIN, me, state.says(member, Command.JOIN, room.name()),
                        nodes.idOf(member), room.name(), flags).encode());
            }
        }
    }

    /** Once a second: a node not heard for 10 s is lost; its users quit, its nicks are freed in Redis. */
    private void checkNodes() {
        if (!whole) {
            return;
        }
        long now = state.clock().epochMillis();
        for (NodeTable.Node node : nodes.all()) {
            if (now - node.lastHeardMillis > NODE_TIMEOUT_MILLIS) {
                LOG.log(Level.WARNING, "cluster: node " + node.name + " lost (not heard for "
                        + (now - node.lastHeardMillis) / 1000 + " s)");
                nodeGone(node, "node lost");
                if (node.incarnation != null) {
                    bus.forget(node.name, node.incarnation);
                }
            }
        }
    }

    void nodeGone(NodeTable.Node node, String reason) {
        applier.drop(node, reason);
        nodes.remove(node.name);
    }

    boolean isMe(String node) {
        return me.equals(node);
    }

    /** A user of this node by its id, or null. */
    User localUser(String id) {
        for (User user : state.nicks().all()) {
            if (!user.isRemote() && id.equals(nodes.idOf(user))) {
                return user;
            }
        }
        return null;
    }

    /**
     * This node's {@code user} lost its nick to a user of another node (the claim there won):
     * it gets a free one, told by NICK and a NOTICE.
     */
    void loseNick(User user) {
        String old = user.nick();
        String base = old.length() > ProtocolLimits.MAX_NICK_CHARS - 5 ? old.substring(0, ProtocolLimits.MAX_NICK_CHARS - 5) : old;
        String fresh;
        do {
            fresh = base + "-" + (1000 + random.nextInt(9000));
        } while (state.nicks().find(fresh) != null);
        if (user.isRegistered()) {
            user.send(state.changeNick(user, fresh));
        } else {
            state.nicks().rename(user, fresh);
        }
        String freshNick = fresh;
        claimNick(user, fresh, held -> {
        });
        user.send(state.fromServer(Command.NOTICE, freshNick, "While the network was split, " + old
                + " was taken on another node; you are " + freshNick + " now"));
    }

    private void tellEveryone(String text) {
        for (User user : state.nicks().all()) {
            if (!user.isRemote() && user.isRegistered()) {
                user.send(state.fromServer(Command.NOTICE, user.nick(), "*** " + text));
            }
        }
    }
}
