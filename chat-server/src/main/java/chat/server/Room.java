package chat.server;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/** One room: members in join order with their status (@ operator, + voice), topic, creation time. */
final class Room {
    static final int OPERATOR = 1;
    static final int VOICE = 2;

    final String name;
    final long createdEpochSeconds = System.currentTimeMillis() / 1000;
    private final Map<Connection, Integer> members = new LinkedHashMap<>();
    /**
     * The same members, in join order, as a plain array for {@link #broadcast}: walking a
     * LinkedHashMap per message was a visible share of the fan-out profile; joins and parts are rare.
     */
    private Connection[] broadcastOrder = new Connection[4];
    private int broadcastCount;
    String topic;
    String topicSetBy;
    long topicSetEpochSeconds;

    Room(String name) {
        this.name = name;
    }

    /** Adds a member; the first one becomes operator (what every IRC server does). */
    void add(Connection member) {
        if (members.putIfAbsent(member, members.isEmpty() ? OPERATOR : 0) != null) {
            return;
        }
        if (broadcastCount == broadcastOrder.length) {
            broadcastOrder = Arrays.copyOf(broadcastOrder, broadcastCount * 2);
        }
        broadcastOrder[broadcastCount++] = member;
    }

    void remove(Connection member) {
        if (members.remove(member) == null) {
            return;
        }
        for (int i = 0; i < broadcastCount; i++) {
            if (broadcastOrder[i] == member) {
                System.arraycopy(broadcastOrder, i + 1, broadcastOrder, i, broadcastCount - i - 1);
                broadcastOrder[--broadcastCount] = null;
                return;
            }
        }
    }

    boolean contains(Connection member) {
        return members.containsKey(member);
    }

    boolean isEmpty() {
        return members.isEmpty();
    }

    int size() {
        return members.size();
    }

    Collection<Connection> members() {
        return members.keySet();
    }

    boolean isOperator(Connection member) {
        return (flags(member) & OPERATOR) != 0;
    }

    void setFlag(Connection member, int flag, boolean on) {
        Integer current = members.get(member);
        if (current != null) {
            members.put(member, on ? current | flag : current & ~flag);
        }
    }

    /** "@", "+" or "" as NAMES and WHO show it (PREFIX=(ov)@+, highest first). */
    String prefixOf(Connection member) {
        int flags = flags(member);
        return (flags & OPERATOR) != 0 ? "@" : (flags & VOICE) != 0 ? "+" : "";
    }

    private int flags(Connection member) {
        Integer flags = members.get(member);
        return flags == null ? 0 : flags;
    }

    /** Queues the same encoded bytes for every member except {@code except} (may be null). */
    void broadcast(Outbound message, Connection except) {
        Connection[] order = broadcastOrder;
        for (int i = 0, n = broadcastCount; i < n; i++) {
            Connection member = order[i];
            if (member != except) {
                member.send(message);
            }
        }
    }
}
