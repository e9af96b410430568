package chat.server.model;

import chat.server.net.Outbound;
import java.util.function.Consumer;

/**
 * The seam between the handlers and the rest of the network. Handlers change the local state as
 * on one server and then tell the network what happened; {@link #LOCAL} (one server) has nothing
 * more to do, a cluster node tells the other nodes. Only the two deliveries whose timing a cluster
 * changes go through here: a message to a room and a message to one person. Called on the loop
 * thread only.
 */
public interface Network {
    /** One server: deliveries as they always were, nothing else to tell anyone. */
    Network LOCAL = new Network() {
    };

    /**
     * A message ({@code PRIVMSG}, {@code NOTICE}, {@code TAGMSG}) from {@code sender} to {@code room}.
     * One server delivers it to the other members at once and returns false: the handler gives the
     * sender its echo-message copy. A cluster node may deliver it later, in the order every node
     * sees, and returns true when it will also give the sender its copy through {@code echo}.
     */
    default boolean toRoom(Room room, Outbound said, User sender, Consumer<Outbound> echo) {
        room.broadcast(said, sender);
        return false;
    }

    /** A message to one person, wherever that person is connected. */
    default void toUser(User recipient, Outbound said, User sender) {
        recipient.send(said);
    }

    /**
     * Asks to hold {@code nick} for {@code user}, network-wide; {@code answer} gets true (held) or
     * false (someone elsewhere holds it), on the loop thread. One server answers at once: its own
     * registry already said the nick is free.
     */
    default void claimNick(User user, String nick, Consumer<Boolean> answer) {
        answer.accept(true);
    }

    /** The user finished registering (it is known everywhere from now on). */
    default void registered(User user) {
    }

    /** Something others see in WHO and WHOIS changed: away, real name, account, +i. */
    default void changed(User user) {
    }

    /** {@code user} took a new nick; {@code line} is the NICK line roommates got (source: the old nick). */
    default void renamed(User user, String oldNick, Outbound line) {
    }

    /** {@code user} left the chat; {@code line} is the QUIT its roommates got. */
    default void quit(User user, Outbound line) {
    }

    /** {@code user} joined {@code room} with the status it has there; {@code line} is the plain JOIN. */
    default void joined(Room room, User user, Outbound line) {
    }

    /** {@code user} left {@code room}; {@code line} is the PART. */
    default void parted(Room room, User user, Outbound line) {
    }

    /** {@code target} was kicked out of {@code room}; {@code line} is the KICK. */
    default void kicked(Room room, User target, Outbound line) {
    }

    /** The room's topic changed (it is in {@code room}); {@code line} is the TOPIC. */
    default void topicChanged(Room room, Outbound line) {
    }

    /** The room's modes or a member's status changed; {@code line} is the MODE, which says what changed. */
    default void modesChanged(Room room, Outbound line) {
    }

    /** {@code target} was invited to {@code room}; {@code line} is the INVITE. */
    default void invited(Room room, User target, Outbound line) {
    }

    /** {@code user} went away or came back ({@code line} is the AWAY for away-notify). */
    default void away(User user, Outbound line) {
    }

    /**
     * An operator here KILLed {@code victim}, a user of another node ({@code killer}: the
     * operator's prefix, {@code killed}: "Killed (nick (reason))"): that node disconnects it, and
     * everyone sees its QUIT. One server has no such users.
     */
    default void kill(User victim, String killer, String killed) {
    }

    /** A WALLOPS {@code line} this node gave its own +w users: every other node gives it to theirs. */
    default void wallops(Outbound line) {
    }

    /** A server notice this node gave its own operators ({@code text}): every other node gives it to theirs. */
    default void toOperators(String text) {
    }

    /**
     * A login failed here ({@code address}, {@code account}: the throttle's keys): every other
     * node counts it too, so guesses spread over nodes are slowed as on one server.
     */
    default void loginFailed(String address, String account) {
    }

    /** A login succeeded here: every other node clears the throttle's count for these keys too. */
    default void loginSucceeded(String address, String account) {
    }

    /** Users per node (LUSERS); empty on one server. */
    default java.util.Map<String, Integer> usersPerNode() {
        return java.util.Map.of();
    }

    /** The name of the node {@code user} is on, as WHOIS and WHO show it. */
    default String nodeOf(User user, String serverName) {
        return serverName;
    }
}
