package chat.server.model;

import chat.protocol.IrcMessage;
import chat.server.net.Link;
import chat.server.net.Outbound;
import java.util.Set;

/**
 * A person in the chat: nick, user name, real name, host, away text, modes and rooms. Delivery to
 * a user goes to each of its links: today a local user has exactly one; a user with none is
 * remote (another node), and one person may later hold several. Touched only by the loop thread.
 */
public final class User {
    private static final Link[] NO_LINKS = new Link[0];

    /** Today a local user has one link; kept as an array so a user may have none or several. */
    private final Link[] links;
    private final String host;
    /** The node this user is connected to, for a user of another node; null for a local user. */
    private final String node;
    private boolean plainText;
    private final long signonEpochSeconds;
    final UserRooms rooms = new UserRooms();
    private String nick;
    private String userName;
    private String realName;
    private String away;
    /** The account this user is logged in to (its name as registered), or null. */
    private String account;
    private boolean invisible;
    /** User modes +o (a server operator, after OPER), +w (gets WALLOPS) and +B (a bot, IRCv3 bot-mode). */
    private boolean serverOperator;
    private boolean wallops;
    private boolean bot;
    private boolean registered;
    private long lastMessageAtMillis;
    private String prefix;
    /** What the connection asked for with CAP REQ: which lines and tags it is sent. */
    private final CapabilitySet capabilities = new CapabilitySet();

    /** A local user on one link. */
    public User(Link link, String host, long signonEpochSeconds, long nowMillis) {
        this(link, null, host, signonEpochSeconds, nowMillis);
    }

    private User(Link link, String node, String host, long signonEpochSeconds, long nowMillis) {
        this.links = link == null ? NO_LINKS : new Link[] {link};
        this.node = node;
        this.host = host;
        this.signonEpochSeconds = signonEpochSeconds;
        this.lastMessageAtMillis = nowMillis;
    }

    /**
     * A user connected to another node of the cluster: no link here, so whatever is sent to it
     * costs nothing; its node delivers to it. It has no capabilities here (its node chooses the
     * shapes it gets).
     */
    public static User remote(String node, String host, long signonEpochSeconds, long nowMillis) {
        return new User(null, node, host, signonEpochSeconds, nowMillis);
    }

    /** True for a user of another node (see {@link #remote}). */
    public boolean isRemote() {
        return node != null;
    }

    /** The node of a remote user; null for a local one. */
    public String node() {
        return node;
    }

    public CapabilitySet capabilities() {
        return capabilities;
    }

    /** Queues the message on every link of this user (encoded once per format, not per link). */
    public void send(Outbound message) {
        for (Link link : links) {
            link.send(message);
        }
    }

    public void send(IrcMessage message) {
        for (Link link : links) {
            link.send(message);
        }
    }

    /** Asks every link to close at the end of the turn; others see {@code quitReason}. */
    public void disconnect(String quitReason, String errorText) {
        for (Link link : links) {
            link.requestClose(quitReason, errorText);
        }
    }

    /**
     * The user leaves of their own accord. Others see the reason as {@code Quit: <words>}, as on
     * ngIRCd, InspIRCd and Ergo, so no user can quit with what looks like the server's own reason
     * ({@code Ping timeout}, {@code SendQ exceeded}, {@code Kicked by the operator: ...}).
     */
    public void quits(String ownWords, String errorText) {
        disconnect(ownWords == null || ownWords.isEmpty() ? "Client Quit" : "Quit: " + ownWords, errorText);
    }

    public void disconnect(String reason) {
        disconnect(reason, reason);
    }

    /** True when the user is connected, on every link, over TLS (WHOIS 671). */
    public boolean secure() {
        for (Link link : links) {
            if (!link.secure()) {
                return false;
            }
        }
        return links.length > 0;
    }

    /** The nick for numerics: "*" until one is set (RFC 2812 leaves it to servers; all use "*"). */
    public String nickOrStar() {
        return nick == null ? "*" : nick;
    }

    /** nick!user@host, the prefix of everything this user says; rebuilt only when nick or user change. */
    public String prefix() {
        if (prefix == null) {
            prefix = nick + "!" + (userName == null ? "~u" : userName) + "@" + host;
        }
        return prefix;
    }

    public String nick() {
        return nick;
    }

    /** Only {@link NickRegistry} changes nicks, so the registry and the user always agree. */
    void nick(String newNick) {
        nick = newNick;
        prefix = null;
    }

    public String userName() {
        return userName;
    }

    public void userName(String newUserName) {
        userName = newUserName;
        prefix = null;
    }

    public String realName() {
        return realName;
    }

    public void realName(String newRealName) {
        realName = newRealName;
    }

    public String host() {
        return host;
    }

    public boolean isPlainText() {
        return plainText;
    }

    /** The first line showed a person at nc or telnet, not an IRC client. */
    public void markPlainText() {
        plainText = true;
    }

    public String away() {
        return away;
    }

    /** Away text, or null for "back". */
    public void away(String text) {
        away = text;
    }

    public String account() {
        return account;
    }

    /** Logged in to {@code name}, or out with null; the caller tells whoever must hear it. */
    public void account(String name) {
        account = name;
    }

    public boolean isInvisible() {
        return invisible;
    }

    /** Set through {@link ServerState#setInvisible}, which keeps LUSERS' count of invisible users. */
    void invisible(boolean on) {
        invisible = on;
    }

    /** Set through {@link ServerState#setOperator}, which keeps the count of operators online. */
    public boolean isServerOperator() {
        return serverOperator;
    }

    void serverOperator(boolean on) {
        serverOperator = on;
    }

    public boolean receivesWallops() {
        return wallops;
    }

    public void wallops(boolean on) {
        wallops = on;
    }

    public boolean isBot() {
        return bot;
    }

    public void bot(boolean on) {
        bot = on;
    }

    /** The user modes set, as RPL_UMODEIS shows them: "+" and the letters in order, e.g. "+Biow". */
    public String modes() {
        return "+" + (bot ? "B" : "") + (invisible ? "i" : "") + (serverOperator ? "o" : "") + (wallops ? "w" : "");
    }

    public boolean isRegistered() {
        return registered;
    }

    void markRegistered() {
        registered = true;
    }

    public long signonEpochSeconds() {
        return signonEpochSeconds;
    }

    public long lastMessageAtMillis() {
        return lastMessageAtMillis;
    }

    public void spoke(long nowMillis) {
        lastMessageAtMillis = nowMillis;
    }

    /** The rooms this user is in, in join order (read-only; join and leave through {@link RoomRegistry}). */
    public Set<Room> rooms() {
        return rooms;
    }

    @Override
    public String toString() {
        return nick == null ? "" : nick;
    }
}
