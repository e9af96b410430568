package chat.server.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.server.ServerConfig;
import chat.server.account.Account;
import chat.server.account.AccountStore;
import chat.server.account.Accounts;
import chat.server.account.Identity;
import chat.server.account.LoginThrottle;
import chat.server.account.Operators;
import chat.server.account.PasswordHasher;
import chat.server.account.PasswordWork;
import chat.server.account.RegisteredRoom;
import chat.server.account.RegisteredRooms;
import chat.server.account.ServerBan;
import chat.server.account.ServerBans;
import chat.server.harness.ChatHarness;
import chat.server.harness.ChatHarness.Peer;
import chat.server.history.History;
import chat.server.model.Network;
import chat.server.model.User;
import chat.server.net.Outbound;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The two seams a cluster node uses for accounts and operators' powers, on the harness: every
 * change reaches the {@link AccountStore} (a new account as a create), a store that says it
 * cannot be written (a split node) refuses REGISTER, ROOM REGISTER, KLINE while logins go on,
 * and KILL, WALLOPS, GLOBOPS and KLINE tell the {@link Network} instead of touching another
 * node's users.
 */
class AccountsOnANetworkTest {
    private static final String HASH = new PasswordHasher().hash("operator secret");

    /** Remembers what it was given; says it is read-only while {@code readOnly} is set. */
    static final class RecordingStore implements AccountStore {
        final List<String> writes = new ArrayList<>();
        String readOnly;

        @Override
        public void save(String folded, Account account) {
            writes.add("save " + folded);
        }

        @Override
        public void create(String folded, Account account) {
            writes.add("create " + folded);
        }

        @Override
        public void delete(String folded) {
            writes.add("delete " + folded);
        }

        @Override
        public void saveRoom(String folded, RegisteredRoom room) {
            writes.add("saveRoom " + folded);
        }

        @Override
        public void deleteRoom(String folded) {
            writes.add("deleteRoom " + folded);
        }

        @Override
        public void saveBan(ServerBan ban) {
            writes.add("saveBan " + ban.mask());
        }

        @Override
        public void deleteBan(String mask) {
            writes.add("deleteBan " + mask);
        }

        @Override
        public String readOnlyReason() {
            return readOnly;
        }

        @Override
        public void close() {
        }
    }

    /** A network that remembers what the operators' powers told it. */
    static final class RecordingNetwork implements Network {
        final List<String> told = new ArrayList<>();

        @Override
        public void kill(User victim, String killer, String killed) {
            told.add("kill " + victim.nick() + " by " + killer + ": " + killed);
        }

        @Override
        public void wallops(Outbound line) {
            told.add("wallops " + line.bareMessage().param(0));
        }

        @Override
        public void toOperators(String text) {
            told.add("operators " + text);
        }
    }

    private final RecordingStore store = new RecordingStore();
    private final RecordingNetwork network = new RecordingNetwork();
    private final ChatHarness chat;

    AccountsOnANetworkTest() {
        ServerConfig config = ChatHarness.testConfig().operators(Operators.parse(List.of("boss " + HASH), null)).build();
        Identity identity = new Identity(config.accounts(), new Accounts(store, List.of(), new byte[32]),
                new ServerBans(store, List.of()), new RegisteredRooms(store, List.of()), new LoginThrottle(),
                PasswordWork.inline(), store);
        chat = new ChatHarness(config, History.disabled(), identity);
        chat.state().useNetwork(network);
    }

    private static boolean has(List<String> lines, String part) {
        return lines.stream().anyMatch(line -> line.contains(part));
    }

    private Peer operator(String nick) {
        Peer peer = chat.irc(nick);
        assertTrue(has(peer.ask("OPER boss :operator secret"), " 381 "));
        return peer;
    }

    /** A user of node "b", as the cluster's applier makes one. */
    private User remote(String nick) {
        User user = User.remote("b", "127.0.0.1", 0, chat.clock.epochMillis());
        user.userName(nick);
        chat.state().nicks().rename(user, nick);
        chat.state().markRegistered(user);
        return user;
    }

    @Test
    void everyChangeReachesTheStoreAndANewAccountIsACreate() {
        Peer alice = chat.irc("alice");
        assertTrue(has(alice.ask("REGISTER * * :correct horse battery"), "REGISTER SUCCESS alice"));
        alice.ask("JOIN #kept");
        assertTrue(has(alice.ask("ROOM REGISTER #kept"), "is registered"));
        Peer boss = operator("boss");
        boss.ask("KLINE someone@example.org 1h :gone");
        boss.ask("UNKLINE someone@example.org");
        assertEquals(List.of("create alice", "saveRoom #kept", "saveBan *!someone@example.org",
                "deleteBan *!someone@example.org"), store.writes);
    }

    @Test
    void aStoreThatCannotBeWrittenRefusesChangesWhileLoginsGoOn() {
        Peer alice = chat.irc("alice");
        alice.ask("REGISTER * * :correct horse battery");
        alice.ask("JOIN #room");
        Peer boss = operator("boss");
        store.readOnly = "the node is split";
        store.writes.clear();

        assertEquals(List.of(":test.server FAIL REGISTER TEMPORARILY_UNAVAILABLE bob :the node is split"),
                chat.irc("bob").ask("REGISTER * * :another password"));
        assertEquals(List.of(":test.server FAIL ROOM TEMPORARILY_UNAVAILABLE #room :the node is split"),
                alice.ask("ROOM REGISTER #room"));
        assertTrue(has(alice.ask("ROOM INFO #room"), "is not registered"), "looking is no change");
        assertEquals(List.of(":test.server NOTICE boss :*** the node is split"), boss.ask("KLINE x@example.org 1h :no"));
        assertEquals(List.of(), store.writes, "nothing was written");

        Peer again = chat.connect();
        again.send("CAP LS 302", "NICK alice2", "USER a 0 * :a", "CAP REQ :sasl", "AUTHENTICATE PLAIN",
                "AUTHENTICATE " + Base64.getEncoder().encodeToString("\0alice\0correct horse battery"
                        .getBytes(StandardCharsets.UTF_8)));
        chat.settle();
        assertTrue(has(again.lines(), " 903 "), "logins are answered from what the node knows");
    }

    @Test
    void operatorsPowersOverAnotherNodesUsersGoThroughTheNetwork() {
        Peer boss = operator("boss");
        Peer local = chat.irc("walter");
        local.ask("MODE walter +w");
        User mallory = remote("mallory");

        boss.send("KILL mallory :spam");
        chat.settle();
        assertTrue(network.told.contains("kill mallory by boss!boss@127.0.0.1: Killed (boss (spam))"), network.told::toString);
        assertTrue(network.told.contains("operators mallory was killed by boss (spam)"), network.told::toString);
        assertTrue(chat.state().nicks().find("mallory") == mallory, "its own node takes it away; its QUIT tells everyone");

        network.told.clear();
        boss.ask("KLINE mallory@127.0.0.1 1h :flooding");
        assertTrue(chat.state().nicks().find("mallory") == mallory, "the ban is enforced by mallory's node");
        assertTrue(network.told.stream().anyMatch(t -> t.startsWith("operators boss added a K-line on *!mallory@127.0.0.1")
                && !t.contains("disconnected")), network.told::toString);

        network.told.clear();
        boss.ask("WALLOPS :maintenance at noon");
        boss.ask("GLOBOPS :opers only");
        assertEquals(List.of("wallops maintenance at noon", "operators GLOBOPS from boss: opers only"), network.told);
        assertTrue(has(local.lines(), "WALLOPS :maintenance at noon"));
        assertFalse(has(local.lines(), "GLOBOPS"));
    }
}
