package chat.server.cluster;

import chat.server.model.User;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The other nodes this node knows of: their incarnation, when each was last heard, and their
 * users by id. Also this node's own users' ids. Loop thread only.
 */
final class NodeTable {
    /** One other node. */
    static final class Node {
        final String name;
        String incarnation;
        long lastHeardMillis;
        final Map<String, User> users = new HashMap<>();

        Node(String name, long nowMillis) {
            this.name = name;
            this.lastHeardMillis = nowMillis;
        }
    }

    private final Map<String, Node> nodes = new HashMap<>();
    /** Ids of every user this node knows: its own (made here) and the others' (as their nodes gave them). */
    private final Map<User, String> ids = new IdentityHashMap<>();
    private long nextLocalId;

    Node heard(String name, long nowMillis) {
        Node node = nodes.computeIfAbsent(name, n -> new Node(n, nowMillis));
        node.lastHeardMillis = nowMillis;
        return node;
    }

    Node find(String name) {
        return nodes.get(name);
    }

    Node remove(String name) {
        return nodes.remove(name);
    }

    List<Node> all() {
        return new ArrayList<>(nodes.values());
    }

    /** The id of a user of this node, made on first need. */
    String idOf(User user) {
        return ids.computeIfAbsent(user, u -> Long.toString(++nextLocalId, 36));
    }

    void forgetId(User user) {
        ids.remove(user);
    }

    User user(String node, String id) {
        Node known = nodes.get(node);
        return known == null ? null : known.users.get(id);
    }

    void addRemote(Node node, String id, User user) {
        node.users.put(id, user);
        ids.put(user, id);
    }

    void removeRemote(Node node, String id) {
        User user = node.users.remove(id);
        if (user != null) {
            ids.remove(user);
        }
    }
}
