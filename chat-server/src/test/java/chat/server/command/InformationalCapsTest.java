package chat.server.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.server.harness.ChatHarness;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The capabilities that change what a client is told: multi-prefix, userhost-in-names,
 * extended-join, away-notify, setname, invite-notify, standard-replies. Each is checked against
 * a client that asked for nothing, which must see exactly what it saw before.
 */
class InformationalCapsTest {
    private final ChatHarness chat = new ChatHarness(ChatHarness.testConfig().build());

    private ChatHarness.Peer withCaps(String nick, String caps) {
        ChatHarness.Peer peer = chat.irc(nick);
        List<String> ack = peer.ask("CAP REQ :" + caps);
        assertEquals(1, ack.size(), ack::toString);
        assertTrue(ack.get(0).replace(" ACK :", " ACK ").equals(":test.server CAP " + nick + " ACK " + caps), ack.get(0));
        return peer;
    }

    @Test
    void multiPrefixAndUserhostInNamesShowEverythingPlainNamesShowsTheHighest() {
        ChatHarness.Peer alice = chat.irc("alice");
        alice.send("JOIN #lobby", "MODE #lobby +v alice");
        alice.lines();
        ChatHarness.Peer bob = withCaps("bob", "multi-prefix userhost-in-names");
        List<String> bobJoin = bob.ask("JOIN #lobby");
        assertTrue(bobJoin.contains(":test.server 353 bob = #lobby :@+alice!alice@127.0.0.1 bob!bob@127.0.0.1"),
                bobJoin::toString);
        List<String> plain = alice.ask("NAMES #lobby");
        assertEquals(":test.server 353 alice = #lobby :@alice bob", plain.get(0), "one prefix without multi-prefix");
        List<String> who = bob.ask("WHO #lobby");
        assertTrue(who.get(0).contains(" H@+ :0 "), who.get(0));
    }

    @Test
    void extendedJoinCarriesAccountAndRealNameWithTheSameMsgid() {
        ChatHarness.Peer alice = withCaps("alice", "extended-join message-tags");
        ChatHarness.Peer carol = withCaps("carol", "message-tags");
        alice.send("JOIN #lobby");
        carol.send("JOIN #lobby");
        alice.lines();
        carol.lines();
        ChatHarness.Peer bob = chat.irc("bob");
        bob.send("JOIN #lobby");
        String extended = alice.lines().get(0);
        String plain = carol.lines().get(0);
        assertTrue(extended.matches("@msgid=(\\w+) :bob!bob@\\S+ JOIN #lobby \\* :?bob"), extended);
        assertTrue(plain.matches("@msgid=\\w+ :bob!bob@\\S+ JOIN #lobby"), plain);
        assertEquals(extended.substring(0, extended.indexOf(' ')), plain.substring(0, plain.indexOf(' ')),
                "one event, one msgid");
    }

    @Test
    void awayNotifyTellsRoommatesWhoAskedAndIsSentAfterAnAwayUsersJoin() {
        ChatHarness.Peer alice = withCaps("alice", "away-notify");
        ChatHarness.Peer bob = chat.irc("bob");
        ChatHarness.Peer carol = chat.irc("carol");
        alice.send("JOIN #lobby");
        bob.send("JOIN #lobby");
        alice.lines();
        bob.lines();
        bob.send("AWAY :lunch");
        assertTrue(alice.lines().get(0).matches(":bob!\\S+ AWAY lunch"));
        bob.send("AWAY");
        assertTrue(alice.lines().get(0).matches(":bob!\\S+ AWAY"));
        bob.lines();
        carol.send("AWAY :gone", "JOIN #lobby");
        List<String> seen = alice.lines();
        assertEquals(2, seen.size(), seen::toString);
        assertTrue(seen.get(0).matches(":carol!\\S+ JOIN #lobby") && seen.get(1).matches(":carol!\\S+ AWAY gone"), seen::toString);
        assertEquals(1, bob.lines().size(), "bob asked for nothing: only the JOIN");
    }

    @Test
    void setnameChangesTheRealNameAndTellsThoseWhoAsked() {
        ChatHarness.Peer alice = withCaps("alice", "setname");
        ChatHarness.Peer bob = chat.irc("bob");
        alice.send("JOIN #lobby");
        bob.send("JOIN #lobby");
        alice.lines();
        bob.lines();
        assertTrue(alice.ask("SETNAME :Alice Liddell").get(0).matches(":alice!\\S+ SETNAME :Alice Liddell"));
        assertEquals(List.of(), bob.lines(), "no SETNAME to a client without the capability");
        assertTrue(bob.ask("WHOIS alice").get(0).endsWith(":Alice Liddell"));
        assertEquals(List.of(":test.server FAIL SETNAME INVALID_REALNAME :Realname is not valid (1 to 50 characters)"),
                alice.ask("SETNAME :" + "x".repeat(51)));
        assertEquals(List.of(), bob.ask("SETNAME :Robert"), "silently, without the capability");
        assertTrue(alice.lines().get(0).matches(":bob!\\S+ SETNAME Robert"));
    }

    @Test
    void inviteReachesTheInviteeAndInviteNotifyMembers() {
        ChatHarness.Peer alice = chat.irc("alice");
        ChatHarness.Peer bob = withCaps("bob", "invite-notify");
        ChatHarness.Peer carol = chat.irc("carol");
        ChatHarness.Peer dave = chat.irc("dave");
        alice.send("JOIN #lobby");
        bob.send("JOIN #lobby");
        dave.send("JOIN #lobby");
        alice.lines();
        bob.lines();
        dave.lines();
        assertEquals(List.of(":test.server 341 alice carol #lobby"), alice.ask("INVITE carol #lobby"));
        assertTrue(carol.lines().get(0).matches(":alice!\\S+ INVITE carol #lobby"));
        assertTrue(bob.lines().get(0).matches(":alice!\\S+ INVITE carol #lobby"));
        assertEquals(List.of(), dave.lines(), "invite-notify only");
        assertEquals(List.of(":test.server 443 alice bob #lobby :is already on channel"), alice.ask("INVITE bob #lobby"));
        assertEquals(List.of(":test.server 442 carol #lobby :You're not on that channel"), carol.ask("INVITE dave #lobby"));
        assertEquals(List.of(":test.server 401 alice nobody :No such nick/channel"), alice.ask("INVITE nobody #lobby"));
    }

    @Test
    void standardRepliesTurnInvalidUtf8IntoAFail() {
        ChatHarness.Peer alice = withCaps("alice", "standard-replies");
        ChatHarness.Peer bob = chat.irc("bob");
        byte[] bad = "PRIVMSG bob :\u00ff\r\n".getBytes(StandardCharsets.ISO_8859_1);
        alice.sendRaw(bad);
        List<String> got = alice.lines();
        assertTrue(got.get(0).startsWith(":test.server FAIL * INVALID_UTF8 :Line ignored: it is not valid UTF-8"), got::toString);
        bob.sendRaw(bad);
        assertTrue(bob.lines().get(0).startsWith(":test.server 400 bob * :Line ignored"));
    }
}
