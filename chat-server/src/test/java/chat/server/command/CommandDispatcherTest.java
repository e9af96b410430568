package chat.server.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.server.harness.ChatHarness;
import chat.server.harness.ChatHarness.Peer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The checks every command shares, answered in one place, without a socket. */
@Timeout(10)
class CommandDispatcherTest {
    private final ChatHarness chat = new ChatHarness(ChatHarness.testConfig().build());

    @Test
    void beforeRegistrationOnlyRegistrationCommandsAreTaken() {
        Peer peer = chat.connect();
        peer.send("PASS nothing"); // an IRC registration command first: this is an IRC client
        peer.lines();
        assertEquals(List.of(":test.server 451 * :You have not registered"), peer.ask("JOIN #room"));
        assertEquals(List.of(":test.server 451 * :You have not registered"), peer.ask("FROB"));
        assertEquals(List.of(":test.server PONG test.server x"), peer.ask("PING x"));
    }

    @Test
    void unknownCommandAfterRegistrationIs421AndTooFewParametersIs461() {
        Peer alice = chat.irc("alice");
        assertEquals(List.of(":test.server 421 alice FROB :Unknown command"), alice.ask("FROB"));
        assertEquals(List.of(":test.server 461 alice KICK :Not enough parameters"), alice.ask("KICK #room"));
        assertEquals(List.of(":test.server 461 alice USER :Not enough parameters"), alice.ask("USER a b"));
    }

    @Test
    void commonErrorsHaveOneWording() {
        Peer alice = chat.irc("alice");
        chat.irc("bob").send("JOIN #bobs");
        assertEquals(List.of(":test.server 401 alice zed :No such nick/channel"), alice.ask("PRIVMSG zed :hi"));
        assertEquals(List.of(":test.server 403 alice #none :No such channel"), alice.ask("PART #none"));
        assertEquals(List.of(":test.server 442 alice #bobs :You're not on that channel"), alice.ask("PART #bobs"));
        assertEquals(List.of(":test.server 442 alice #bobs :You're not on that channel"),
                alice.ask("TOPIC #bobs :mine now"));
        alice.send("JOIN #bobs");
        alice.lines();
        assertEquals(List.of(":test.server 482 alice #bobs :You're not channel operator"),
                alice.ask("TOPIC #bobs :mine now"));
        assertEquals(List.of(":test.server 482 alice #bobs :You're not channel operator"), alice.ask("KICK #bobs bob"));
    }

    @Test
    void aRoomMessageReachesEveryOtherMemberOnceAndNotTheSender() {
        Peer alice = chat.irc("alice");
        Peer bob = chat.irc("bob");
        Peer carol = chat.plain("carol");
        alice.send("JOIN #lobby");
        bob.send("JOIN #lobby");
        alice.lines();
        bob.lines();
        carol.lines();
        assertEquals(List.of(), alice.ask("PRIVMSG #lobby :hello"));
        assertEquals(List.of(":alice!alice@127.0.0.1 PRIVMSG #lobby hello"), bob.lines());
        assertEquals(List.of("[#lobby] <alice> hello"), carol.lines());
        assertEquals(1, chat.state().messagesRelayed());
    }

    @Test
    void quitIsSeenByRoommatesOnceAndFreesTheNick() {
        Peer alice = chat.irc("alice");
        Peer bob = chat.irc("bob");
        alice.send("JOIN #a", "JOIN #b");
        bob.send("JOIN #a", "JOIN #b");
        alice.lines();
        bob.lines();
        List<String> last = alice.ask("QUIT :bye");
        assertEquals(List.of("ERROR :Closing Link: 127.0.0.1 (Quit: bye)"), last);
        assertTrue(alice.isClosed());
        assertEquals(List.of(":alice!alice@127.0.0.1 QUIT :Quit: bye"), bob.lines());
        Peer again = chat.irc("alice");
        assertEquals(List.of(), again.ask("PING x").stream().filter(l -> l.contains(" 433 ")).toList());
    }

    @Test
    void nobodyQuitsWithTheServersWordsOrTakesItsName() {
        Peer alice = chat.irc("alice");
        Peer bob = chat.irc("bob");
        alice.send("JOIN #r");
        bob.send("JOIN #r");
        alice.lines();
        bob.lines();
        // A user's own reason always reads "Quit: ...": it can never pass for the server's reasons.
        alice.send("QUIT :Ping timeout: 180 seconds");
        assertEquals(List.of(":alice!alice@127.0.0.1 QUIT :Quit: Ping timeout: 180 seconds"), bob.lines());
        ChatHarness named = new ChatHarness(ChatHarness.testConfig().serverName("irc.example").build());
        Peer peer = named.connect();
        peer.send("NICK irc", "PASS x");
        peer.lines();
        assertEquals(List.of(":irc.example 432 irc IRC.EXAMPLE :Erroneous nickname: a nickname may hold only letters, "
                + "digits, - and []\\`_^{|}"), peer.ask("NICK IRC.EXAMPLE"));
        Peer plain = named.connect(); // the server's name has a dot, which no nick may hold
        plain.lines();
        assertTrue(plain.ask("irc.example").get(0).startsWith("*** Sorry"));
    }

    @Test
    void aServerNameThatCouldBeANickIsRefusedAtStart() {
        IllegalArgumentException refused = org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, () -> ChatHarness.testConfig().serverName("vm").build());
        assertTrue(refused.getMessage().contains("must not be a possible nickname"), refused.getMessage());
    }
}
