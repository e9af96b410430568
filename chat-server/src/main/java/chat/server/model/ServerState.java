package chat.server.model;

import chat.server.account.Identity;
import chat.server.account.Operators;
import chat.protocol.IrcMessage;
import chat.protocol.Numeric;
import chat.protocol.IrcNames;
import chat.server.ServerConfig;
import chat.server.history.HistoryStore;
import chat.server.history.RoomRecord;
import chat.server.net.LinkTable;
import chat.server.net.LoopClock;
import chat.server.net.Outbound;
import chat.server.net.TagSource;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Everything the chat knows: users by nick, rooms, counters, the configuration and the loop's
 * clock. Owned by the loop thread alone, so nothing here locks. Replies live in the command
 * layer, leaving and quitting in the sessions.
 */
public final class ServerState {
    private final ServerConfig config;
    private final LoopClock clock;
    private final LinkTable links;
    private final long startedEpochMillis;
    private final NickRegistry nicks;
    private final RoomRegistry rooms;
    private long messagesRelayed;
    private long linesReceived;
    private int registeredUsers;
    /** Users of other nodes (cluster mode), not counted in {@link #registeredUsers}. */
    private int remoteUsers;
    private Network network = Network.LOCAL;
    /** Registered users with +i, counted as modes change so LUSERS never walks every user. */
    private int invisibleUsers;
    /** Registered users with +o: LUSERS counts them, GLOBOPS and operator notices go to them. */
    private final Set<User> operatorsOnline = new LinkedHashSet<>();
    /** The operators file as last read (--opers); a reload replaces it. */
    private Operators operators;

    private final MessageIds messageIds = new MessageIds();
    private final ServerTime serverTime = new ServerTime();

    private final HistoryStore history;
    private final Identity identity;
    private final Whowas whowas = new Whowas();
    private final Monitors monitors = new Monitors();
    /** Topics that outlive their rooms (and, with history, the server): by folded room name. */
    private final Map<String, RoomRecord> rememberedRooms;

    public ServerState(ServerConfig config, LoopClock clock, LinkTable links, HistoryStore history) {
        this(config, clock, links, history, Identity.inMemory(config.accounts()));
    }

    public ServerState(ServerConfig config, LoopClock clock, LinkTable links, HistoryStore history, Identity identity) {
        this.identity = identity;
        this.config = config;
        this.clock = clock;
        this.links = links;
        this.history = history;
        this.nicks = new NickRegistry(clock::epochMillis, history.enabled());
        this.startedEpochMillis = clock.epochMillis();
        this.rooms = new RoomRegistry(clock);
        this.rememberedRooms = new HashMap<>(history.rooms());
        this.operators = config.operators();
        messageIds.continueAfter(history.newestSequence());
    }

    /** Where messages go beyond this server's own users and who else must hear of a change. */
    public Network network() {
        return network;
    }

    /** Joins this server to a cluster (before the loop runs). */
    public void useNetwork(Network network) {
        this.network = network;
    }

    /**
     * A cluster node's msgid slot (0-255): msgids from here on carry it, so they are unique among
     * all nodes (see {@link MessageIds#useSlot}).
     */
    public void useMessageIdSlot(int slot) {
        messageIds.useSlot(slot);
    }

    /** Accounts, the operator's bans, the login throttle and the hashing pool. */
    public Identity identity() {
        return identity;
    }

    /** Who may become a server operator with OPER, and with which password. */
    public Operators operators() {
        return operators;
    }

    /** The operators file was read again: later OPERs check the new one; operators online stay. */
    public void operators(Operators reloaded) {
        operators = reloaded;
    }

    /** Gives or takes user mode +o, keeping the set of operators online. */
    public void setOperator(User user, boolean on) {
        user.serverOperator(on);
        if (on && user.isRegistered()) {
            operatorsOnline.add(user);
        } else {
            operatorsOnline.remove(user);
        }
    }

    /** The server operators online (read-only). */
    public Set<User> operatorsOnline() {
        return Collections.unmodifiableSet(operatorsOnline);
    }

    /** A server notice to every operator online ({@code *** text}), for what only they should see. */
    public void noticeOperators(String text) {
        noticeOperators(text, null);
    }

    /** As {@link #noticeOperators(String)}, except to {@code except} (who was answered already). */
    public void noticeOperators(String text, User except) {
        for (User operator : operatorsOnline) {
            if (operator != except) {
                operator.send(fromServer(chat.protocol.Command.NOTICE, operator.nick(), "*** " + text));
            }
        }
    }

    /** Gives or takes user mode +i, keeping LUSERS' count of invisible users. */
    public void setInvisible(User user, boolean on) {
        if (user.isInvisible() != on && user.isRegistered()) {
            invisibleUsers += on ? 1 : -1;
        }
        user.invisible(on);
    }

    /** Registered users with +i (LUSERS 251). */
    public int invisibleCount() {
        return invisibleUsers;
    }

    public Monitors monitors() {
        return monitors;
    }

    /**
     * MONITOR: tells the watchers of {@code nick} that it came online (730, with nick!user@host)
     * or went offline (731).
     */
    public void announcePresence(User user, String nick, boolean online) {
        for (User watcher : monitors.watchersOf(nick)) {
            if (watcher != user) {
                watcher.send(IrcMessage.from(config.serverName(), online ? Numeric.RPL_MONONLINE : Numeric.RPL_MONOFFLINE, watcher.nickOrStar(),
                        online ? user.prefix() : nick));
            }
        }
    }

    public Whowas whowas() {
        return whowas;
    }

    public HistoryStore history() {
        return history;
    }

    /**
     * Keeps a relayed line in the history of {@code target} (a folded room name, or a
     * {@link #conversationKey}), with the time and msgid its receivers saw. Lines without a stamp
     * (server notices) are not kept. (In a cluster the store ignores this: the node where a line is
     * said keeps it in Redis as it publishes it, see {@code ClusterNetwork}.)
     */
    public void remember(String target, Outbound line) {
        if (history.enabled() && line.tagSource() instanceof MessageStamp stamp) {
            history.append(target, stamp.sequence(), stamp.epochMillis(), line.command(), line.bareLine());
        }
    }

    /** Keeps a line in the history of every room {@code user} is in (QUIT, NICK). */
    public void rememberInRoomsOf(User user, Outbound line) {
        if (history.enabled()) {
            for (Room room : user.rooms()) {
                remember(IrcNames.fold(room.name()), line);
            }
        }
    }

    /** Keeps a line in the history of {@code room}. */
    public void remember(Room room, Outbound line) {
        if (history.enabled()) {
            remember(IrcNames.fold(room.name()), line);
        }
    }

    /** The history key of a private conversation: both folded nicks, in order, after a '@'. */
    public static String conversationKey(String nickA, String nickB) {
        String a = IrcNames.fold(nickA);
        String b = IrcNames.fold(nickB);
        return a.compareTo(b) <= 0 ? "@" + a + " " + b : "@" + b + " " + a;
    }

    /** Applies a remembered topic to a room just made (after a restart, or after it emptied). */
    public void restoreTopic(Room room) {
        RoomRecord record = rememberedRooms.get(IrcNames.fold(room.name()));
        if (record != null && record.topic() != null) {
            room.setTopic(record.topic(), record.topicSetBy(), record.topicSetEpochSeconds());
        }
    }

    /** Remembers a room's topic for when it is made again, and on disk with history. */
    public void rememberTopic(Room room) {
        RoomRecord record = new RoomRecord(IrcNames.fold(room.name()), room.name(), room.topic(), room.topicSetBy(),
                room.topicSetEpochSeconds());
        rememberedRooms.put(record.folded(), record);
        history.saveRoom(record);
    }

    /**
     * The server's stamp for a line a user says: {@code time} (server-time, UTC, milliseconds) and
     * {@code msgid}, then the sender's client-only tags ({@code +name}) when it may send them. Each
     * receiver's wire format keeps the ones its capabilities ask for; none are written out unless
     * a receiver asked for tags.
     */
    public TagSource stamp(Map<String, String> clientTags) {
        return stamp(null, clientTags);
    }

    /** As {@link #stamp(Map)}, for a line {@code sender} says: account-tag receivers see its account. */
    public TagSource stamp(User sender, Map<String, String> clientTags) {
        long now = clock.epochMillis();
        return new MessageStamp(now, messageIds.nextSequence(now), clientTags, serverTime,
                sender == null ? null : sender.account(), sender != null && sender.isBot());
    }

    /**
     * What {@code user} does that others see (JOIN, PART, QUIT, NICK, TOPIC, MODE, KICK), with its
     * source and the server's time and msgid, so clients with server-time show when it happened.
     */
    public Outbound says(User user, String command, String... params) {
        return new Outbound(IrcMessage.from(user.prefix(), command, params), stamp(user, Map.of()));
    }

    /**
     * The stamp of a relayed line, as numbers another node can rebuild it from; null for a line
     * without one (a server notice).
     */
    public static StampFields stampFields(Outbound line) {
        return line.tagSource() instanceof MessageStamp stamp
                ? new StampFields(stamp.epochMillis(), stamp.sequence(), stamp.account(), stamp.clientTags(), stamp.bot())
                : null;
    }

    /** The sequence of a line's msgid, or -1 when it has no stamp. */
    public static long sequenceOf(Outbound line) {
        return line.tagSource() instanceof MessageStamp stamp ? stamp.sequence() : -1;
    }

    /**
     * A line another node stamped, its bare form as that node encoded it (CRLF included), checked
     * to parse as a message with {@code command}: parsed only if needed. Its receivers here see the
     * same time and msgid as everywhere.
     */
    public Outbound stamped(String command, byte[] bareLine, StampFields fields) {
        return new Outbound(command, bareLine, stampOf(fields));
    }

    private MessageStamp stampOf(StampFields fields) {
        return fields == null ? null : new MessageStamp(fields.epochMillis(), fields.sequence(), fields.clientTags(),
                serverTime, fields.account(), fields.bot());
    }

    /** What the operator says from the console, stamped like what users say. */
    public Outbound serverSays(String command, String... params) {
        return new Outbound(IrcMessage.from(config.serverName(), command, params), stamp(Map.of()));
    }

    /** An epoch millisecond as server-time writes it (UTC, milliseconds). */
    public String formatTime(long epochMillis) {
        return serverTime.format(epochMillis);
    }

    public ServerConfig config() {
        return config;
    }

    public String serverName() {
        return config.serverName();
    }

    public LoopClock clock() {
        return clock;
    }

    public NickRegistry nicks() {
        return nicks;
    }

    public RoomRegistry rooms() {
        return rooms;
    }

    public long startedEpochMillis() {
        return startedEpochMillis;
    }

    /** A command with the server as source, e.g. NOTICE or PONG. */
    public IrcMessage fromServer(String command, String... params) {
        return IrcMessage.from(config.serverName(), command, params);
    }

    /**
     * A registered user takes a new nick: the NICK line (source: the old nick) to everyone sharing
     * a room, kept in their history, the old nick in WHOWAS, MONITOR told, the network told.
     * Returns the line, for the user's own copy.
     */
    public Outbound changeNick(User user, String wanted) {
        Outbound announcement = says(user, "NICK", wanted);
        rooms.sendToRoommates(user, announcement);
        rememberInRoomsOf(user, announcement);
        whowas.left(user, clock.epochMillis());
        String old = user.nick();
        nicks.rename(user, wanted);
        announcePresence(user, old, false);
        announcePresence(user, wanted, true);
        if (!user.isRemote()) {
            network.renamed(user, old, announcement);
        }
        return announcement;
    }

    /** Marks a user registered; counted here so LUSERS never walks every connection. */
    public void markRegistered(User user) {
        user.markRegistered();
        if (user.isRemote()) {
            remoteUsers++;
        } else {
            registeredUsers++;
        }
        invisibleUsers += user.isInvisible() ? 1 : 0;
        announcePresence(user, user.nick(), true);
        if (!user.isRemote()) {
            network.registered(user);
        }
    }

    /** The user is gone: out of every room and the nick registry; others are told by the caller. */
    public void remove(User user) {
        if (user.isRegistered()) {
            if (user.isRemote()) {
                remoteUsers--;
            } else {
                registeredUsers--;
            }
            invisibleUsers -= user.isInvisible() ? 1 : 0;
            operatorsOnline.remove(user);
            whowas.left(user, clock.epochMillis());
            announcePresence(user, user.nick(), false);
        }
        rooms.leaveAll(user);
        nicks.release(user);
        monitors.clear(user);
    }

    /** Registered users on this server (not counting other nodes'). */
    public int registeredCount() {
        return registeredUsers;
    }

    /** Users of other nodes of the cluster (0 on one server). */
    public int remoteCount() {
        return remoteUsers;
    }

    /** Connections that have not finished registering (LUSERS 253). */
    public int unregisteredCount() {
        return links.size() - registeredUsers;
    }

    /** Every open connection, for /stats. */
    public LinkTable links() {
        return links;
    }

    public void countRelayed() {
        messagesRelayed++;
    }

    public long messagesRelayed() {
        return messagesRelayed;
    }

    public void countLine() {
        linesReceived++;
    }

    public long linesReceived() {
        return linesReceived;
    }
}
