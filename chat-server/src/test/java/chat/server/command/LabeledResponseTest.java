package chat.server.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.server.harness.ChatHarness;
import java.util.List;
import org.junit.jupiter.api.Test;

/** labeled-response with batch: one labeled line, a batch for many, ACK for none. */
class LabeledResponseTest {
    private final ChatHarness chat = new ChatHarness(ChatHarness.testConfig().build());

    private ChatHarness.Peer labeledClient(String nick) {
        ChatHarness.Peer peer = chat.irc(nick);
        assertEquals(List.of(":test.server CAP " + nick + " ACK :batch labeled-response"),
                peer.ask("CAP REQ :batch labeled-response"));
        return peer;
    }

    @Test
    void aSingleLineReplyCarriesTheLabel() {
        ChatHarness.Peer alice = labeledClient("alice");
        assertEquals(List.of("@label=a1 :test.server 401 alice nobody :No such nick/channel"),
                alice.ask("@label=a1 PRIVMSG nobody :hi"));
        assertEquals(List.of("@label=a2 :test.server PONG test.server x"), alice.ask("@label=a2 PING x"));
    }

    @Test
    void aCommandWithNoReplyGetsALabeledAck() {
        ChatHarness.Peer alice = labeledClient("alice");
        chat.irc("bob");
        assertEquals(List.of("@label=q :test.server ACK"), alice.ask("@label=q PRIVMSG bob :hi"));
    }

    @Test
    void manyLinesAreOneBatchWhoseStartCarriesTheLabel() {
        ChatHarness.Peer alice = labeledClient("alice");
        List<String> join = alice.ask("@label=j JOIN #lobby");
        assertEquals(5, join.size(), join::toString);
        assertEquals("@label=j :test.server BATCH +1 labeled-response", join.get(0));
        assertTrue(join.get(1).matches("@batch=1 :alice!\\S+ JOIN #lobby"), join.get(1));
        assertEquals("@batch=1 :test.server 353 alice = #lobby @alice", join.get(2));
        assertEquals("@batch=1 :test.server 366 alice #lobby :End of /NAMES list.", join.get(3));
        assertEquals(":test.server BATCH -1", join.get(4));

        List<String> who = alice.ask("@label=w WHO #lobby");
        assertEquals("@label=w :test.server BATCH +2 labeled-response", who.get(0), who::toString);
        assertTrue(who.subList(1, who.size() - 1).stream().allMatch(line -> line.startsWith("@batch=2 ")), who::toString);
        assertEquals(":test.server BATCH -2", who.get(who.size() - 1));
    }

    @Test
    void othersSeeTheEventWithoutLabelAndEchoesAreLabeledOnlyForTheSender() {
        ChatHarness.Peer alice = chat.irc("alice");
        alice.ask("CAP REQ :batch labeled-response echo-message");
        ChatHarness.Peer bob = chat.irc("bob");
        bob.send("JOIN #lobby");
        alice.send("JOIN #lobby");
        alice.lines();
        bob.lines();

        List<String> echo = alice.ask("@label=m PRIVMSG #lobby :hello");
        assertEquals(1, echo.size(), echo::toString);
        assertTrue(echo.get(0).matches("@label=m :alice!\\S+ PRIVMSG #lobby hello"), echo.get(0));
        List<String> seen = bob.lines();
        assertEquals(1, seen.size(), seen::toString);
        assertTrue(seen.get(0).matches(":alice!\\S+ PRIVMSG #lobby hello"), seen.get(0));
    }

    @Test
    void aMessageToOneselfIsLabeledOnlyOnTheEcho() {
        ChatHarness.Peer alice = chat.irc("alice");
        alice.ask("CAP REQ :batch labeled-response echo-message");
        List<String> got = alice.ask("@label=s PRIVMSG alice :note to self");
        assertEquals(2, got.size(), got::toString);
        assertEquals(1, got.stream().filter(line -> line.startsWith("@label=s ")).count(), got::toString);
    }

    @Test
    void labelsAreIgnoredWithoutBatchOrPastSixtyFourBytes() {
        ChatHarness.Peer alice = chat.irc("alice");
        alice.ask("CAP REQ labeled-response");
        assertEquals(List.of(":test.server PONG test.server x"), alice.ask("@label=a PING x"));
        ChatHarness.Peer bob = labeledClient("bob");
        assertEquals(List.of(":test.server PONG test.server y"), bob.ask("@label=" + "x".repeat(65) + " PING y"));
    }

    @Test
    void aClientThatAskedForNothingSeesNoLabel() {
        ChatHarness.Peer carol = chat.irc("carol");
        assertEquals(List.of(":test.server PONG test.server z"), carol.ask("@label=c PING z"));
    }
}
