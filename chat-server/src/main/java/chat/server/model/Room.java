package chat.server.model;

import chat.server.net.Outbound;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/** One room: members in join order with their status (@ operator, + voice), topic, creation time. */
public final class Room {
    public static final int OPERATOR = 1;
    public static final int VOICE = 2;
    private static final User[] NO_MEMBERS = new User[0];

    private final String name;
    private final long createdEpochSeconds;
    private final Map<User, Integer> members = new LinkedHashMap<>();
    private final RoomModes modes = new RoomModes();
    /**
     * The same members, in join order, as a plain array for {@link #broadcast}: walking a
     * LinkedHashMap per message was a visible share of the fan-out profile; joins and parts are rare.
     * Copied on every join and part, never changed in place, so a streamed reply (WHO, NAMES) can
     * hold it as a snapshot that costs nothing, however many clients ask at once.
     */
    private User[] broadcastOrder = NO_MEMBERS;
    private String topic;
    private String topicSetBy;
    private long topicSetEpochSeconds;

    Room(String name, long createdEpochSeconds) {
        this.name = name;
        this.createdEpochSeconds = createdEpochSeconds;
    }

    public String name() {
        return name;
    }

    public long createdEpochSeconds() {
        return createdEpochSeconds;
    }

    /** Adds a member; the first one becomes operator (what every IRC server does). */
    void add(User member) {
        if (members.putIfAbsent(member, members.isEmpty() ? OPERATOR : 0) != null) {
            return;
        }
        User[] larger = Arrays.copyOf(broadcastOrder, broadcastOrder.length + 1);
        larger[broadcastOrder.length] = member;
        broadcastOrder = larger;
    }

    void remove(User member) {
        if (members.remove(member) == null) {
            return;
        }
        User[] order = broadcastOrder;
        for (int i = 0; i < order.length; i++) {
            if (order[i] == member) {
                User[] smaller = new User[order.length - 1];
                System.arraycopy(order, 0, smaller, 0, i);
                System.arraycopy(order, i + 1, smaller, i, order.length - i - 1);
                broadcastOrder = smaller;
                return;
            }
        }
    }

    public boolean contains(User member) {
        return members.containsKey(member);
    }

    boolean isEmpty() {
        return members.isEmpty();
    }

    public int size() {
        return members.size();
    }

    public Collection<User> members() {
        return members.keySet();
    }

    /**
     * The members in join order as of now: an array that is never changed (joins and parts make a
     * new one), so it may be held across turns. Do not modify it.
     */
    public User[] memberSnapshot() {
        return broadcastOrder;
    }

    public boolean isOperator(User member) {
        return (flags(member) & OPERATOR) != 0;
    }

    /** +v or +o: may speak in a moderated room. */
    public boolean mayAlwaysSpeak(User member) {
        return (flags(member) & (OPERATOR | VOICE)) != 0;
    }

    public RoomModes modes() {
        return modes;
    }

    public void setFlag(User member, int flag, boolean on) {
        Integer current = members.get(member);
        if (current != null) {
            members.put(member, on ? current | flag : current & ~flag);
        }
    }

    /** "@", "+" or "" as NAMES and WHO show it (PREFIX=(ov)@+, highest first). */
    public String prefixOf(User member) {
        int flags = flags(member);
        return (flags & OPERATOR) != 0 ? "@" : (flags & VOICE) != 0 ? "+" : "";
    }

    /** Every prefix the member has, highest first ("@+"): IRCv3 multi-prefix. */
    public String allPrefixesOf(User member) {
        int flags = flags(member);
        return ((flags & OPERATOR) != 0 ? "@" : "") + ((flags & VOICE) != 0 ? "+" : "");
    }

    private int flags(User member) {
        Integer flags = members.get(member);
        return flags == null ? 0 : flags;
    }

    public String topic() {
        return topic;
    }

    public String topicSetBy() {
        return topicSetBy;
    }

    public long topicSetEpochSeconds() {
        return topicSetEpochSeconds;
    }

    /** Sets the topic ({@code text} empty or null clears it), with who set it and when. */
    public void setTopic(String text, String setBy, long epochSeconds) {
        topic = text == null || text.isEmpty() ? null : text;
        topicSetBy = setBy;
        topicSetEpochSeconds = epochSeconds;
    }

    /** Queues the same encoded bytes for every member except {@code except} (may be null). */
    /**
     * Members whose connection enabled {@code cap} get {@code withCap}, the others {@code without}
     * (null: nothing), e.g. extended-join's longer JOIN, or AWAY only for away-notify. Each form
     * is still encoded once per shape.
     */
    public void broadcast(Outbound without, Outbound withCap, Capability cap, User except) {
        for (User member : broadcastOrder) {
            Outbound form = member.capabilities().has(cap) ? withCap : without;
            if (member != except && form != null) {
                member.send(form);
            }
        }
    }

    public void broadcast(Outbound message, User except) {
        User[] order = broadcastOrder;
        for (int i = 0, n = order.length; i < n; i++) {
            User member = order[i];
            if (member != except) {
                member.send(message);
            }
        }
    }
}
