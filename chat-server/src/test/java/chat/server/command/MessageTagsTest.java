package chat.server.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.server.harness.ChatHarness;
import java.util.List;
import org.junit.jupiter.api.Test;

/** server-time, msgid, client-only tags and echo-message on the in-memory harness. */
class MessageTagsTest {
    private final ChatHarness chat = new ChatHarness(ChatHarness.testConfig().build());

    @Test
    void eachReceiverGetsWhatItAskedForAndTheSenderItsEcho() {
        ChatHarness.Peer alice = chat.irc("alice");
        assertEquals(List.of("@time=2027-01-15T08:00:00.000Z :test.server CAP alice ACK :message-tags server-time echo-message"),
                alice.ask("CAP REQ :message-tags server-time echo-message"));
        ChatHarness.Peer bob = chat.irc("bob");
        ChatHarness.Peer carol = chat.irc("carol");
        assertEquals(List.of("@time=2027-01-15T08:00:00.000Z :test.server CAP carol ACK server-time"), carol.ask("CAP REQ server-time"));
        for (ChatHarness.Peer peer : List.of(alice, bob, carol)) {
            peer.send("JOIN #lobby");
        }
        alice.lines();
        bob.lines();
        carol.lines();

        alice.send("@+typing=done;+draft/react=x PRIVMSG #lobby :hello");
        List<String> echo = alice.lines();
        assertEquals(1, echo.size(), echo::toString);
        assertTrue(echo.get(0).matches("@time=\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z;msgid=[0-9a-v]{14};"
                + "\\+typing=done;\\+draft/react=x :alice!alice@\\S+ PRIVMSG #lobby hello"), echo.get(0));
        assertEquals(List.of(echo.get(0).substring(echo.get(0).indexOf(" :alice!") + 1)), bob.lines(),
                "a client that asked for nothing sees today's line");
        String time = echo.get(0).substring(1, echo.get(0).indexOf(';'));
        assertEquals(List.of("@" + time + " :alice!alice@" + echo.get(0).split("@")[2].split(" ")[0]
                + " PRIVMSG #lobby hello"), carol.lines(), "server-time alone: the time tag only");
    }

    @Test
    void clientOnlyTagsPassOnlyFromAConnectionThatNegotiatedMessageTags() {
        ChatHarness.Peer alice = chat.irc("alice");
        ChatHarness.Peer bob = chat.irc("bob");
        bob.ask("CAP REQ message-tags");
        alice.send("@+typing=active PRIVMSG bob :hi");
        List<String> got = bob.lines();
        assertEquals(1, got.size(), got::toString);
        assertTrue(got.get(0).startsWith("@msgid="), got.get(0));
        assertTrue(!got.get(0).contains("typing"), got.get(0));
    }

    @Test
    void tagmsgReachesOnlyReceiversWithMessageTags() {
        ChatHarness.Peer alice = chat.irc("alice");
        ChatHarness.Peer bob = chat.irc("bob");
        ChatHarness.Peer carol = chat.irc("carol");
        assertEquals(List.of(":test.server 421 alice TAGMSG :Unknown command"), alice.ask("@+typing=active TAGMSG #lobby"));
        alice.ask("CAP REQ message-tags");
        bob.ask("CAP REQ message-tags");
        for (ChatHarness.Peer peer : List.of(alice, bob, carol)) {
            peer.send("JOIN #lobby");
        }
        alice.lines();
        bob.lines();
        carol.lines();
        alice.send("@+typing=active TAGMSG #lobby");
        List<String> got = bob.lines();
        assertEquals(1, got.size(), got::toString);
        assertTrue(got.get(0).matches("@msgid=[0-9a-v]{14};\\+typing=active :alice!\\S+ TAGMSG #lobby"), got.get(0));
        assertEquals(List.of(), carol.lines(), "nothing for a receiver without message-tags");
    }

    @Test
    void clientTagsPastTheLimitAreRefusedWith417AndNotRelayed() {
        ChatHarness.Peer alice = chat.irc("alice");
        ChatHarness.Peer bob = chat.irc("bob");
        alice.ask("CAP REQ message-tags");
        bob.ask("CAP REQ message-tags");
        String big = "x".repeat(4094 - "+a=".length()); // 4,094 bytes of tag data: the most a client may send
        assertEquals(List.of(), alice.ask("@+a=" + big + " PRIVMSG bob :fits"));
        assertEquals(1, bob.lines().size());
        assertEquals(List.of(":test.server 417 alice :Input line was too long"),
                alice.ask("@+a=" + big + "y PRIVMSG bob :one byte too many"));
        assertEquals(List.of(), bob.lines());
    }

    @Test
    void joinPartTopicNickAndQuitCarryTimeAndMsgidForThoseWhoAsked() {
        ChatHarness.Peer alice = chat.irc("alice");
        ChatHarness.Peer bob = chat.irc("bob");
        alice.ask("CAP REQ :server-time message-tags");
        alice.send("JOIN #lobby");
        alice.lines();
        bob.send("JOIN #lobby");
        bob.lines();
        alice.send("TOPIC #lobby :plans");
        bob.send("NICK robert");
        bob.send("PART #lobby :later");
        List<String> seen = alice.lines();
        assertEquals(4, seen.size(), seen::toString);
        String stamp = "@time=\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z;msgid=[0-9a-v]{14} ";
        assertTrue(seen.get(0).matches(stamp + ":bob!\\S+ JOIN #lobby"), seen.get(0));
        assertTrue(seen.get(1).matches(stamp + ":alice!\\S+ TOPIC #lobby plans"), seen.get(1));
        assertTrue(seen.get(2).matches(stamp + ":bob!\\S+ NICK robert"), seen.get(2));
        assertTrue(seen.get(3).matches(stamp + ":robert!\\S+ PART #lobby later"), seen.get(3));
        assertTrue(bob.lines().stream().noneMatch(line -> line.startsWith("@")), "bob asked for nothing");
    }

    @Test
    void malformedTagsAreNotRelayedAndMalformedLinesAreRefusedWithTheConnectionKept() {
        ChatHarness.Peer alice = chat.irc("alice");
        ChatHarness.Peer bob = chat.irc("bob");
        alice.ask("CAP REQ message-tags");
        bob.ask("CAP REQ message-tags");
        alice.send("@+a:b=1;+ok=2;+x/y/z=3 PRIVMSG bob :hi");
        List<String> got = bob.lines();
        assertEquals(1, got.size(), got::toString);
        assertTrue(got.get(0).matches("@msgid=\\w+;\\+ok=2 :alice!\\S+ PRIVMSG bob hi"), got.get(0));
        List<String> refused = alice.ask("@=x PRIVMSG bob :hi");
        assertEquals(1, refused.size(), refused::toString);
        assertTrue(refused.get(0).startsWith(":test.server 400 alice * :Malformed line ignored"), refused.get(0));
        assertEquals(List.of(), bob.lines());
        alice.send("PRIVMSG bob :still here");
        assertTrue(bob.lines().get(0).endsWith("still here"));
    }

    @Test
    void aNoticeIsNeverAnsweredWithAnErrorAPrivmsgIs() {
        ChatHarness.Peer alice = chat.irc("alice");
        assertEquals(List.of(), alice.ask("NOTICE nobody :hi"), "RFC 2812 3.3.2: no error reply to a NOTICE");
        assertEquals(List.of(), alice.ask("NOTICE #nowhere :hi"));
        assertEquals(List.of(), alice.ask("NOTICE"));
        assertEquals(List.of(":test.server 401 alice nobody :No such nick/channel"), alice.ask("PRIVMSG nobody :hi"));
    }
}
