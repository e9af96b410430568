package chat.server.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.server.harness.ChatHarness;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Room modes: +i +k +l +b +e +I +m +n +s +t, their lists, queries and errors. */
class RoomModesTest {
    private final ChatHarness chat = new ChatHarness(ChatHarness.testConfig().build());

    private ChatHarness.Peer op() {
        ChatHarness.Peer alice = chat.irc("alice");
        alice.ask("JOIN #room");
        return alice;
    }

    @Test
    void changesGoToTheRoomAsOneLineAndTheQueryShowsThem() {
        ChatHarness.Peer alice = op();
        ChatHarness.Peer bob = chat.irc("bob");
        bob.ask("JOIN #room");
        alice.lines();
        assertEquals(List.of(":alice!alice@127.0.0.1 MODE #room +mikl secret 5"), alice.ask("MODE #room +mikl secret 5"));
        assertEquals(List.of(":alice!alice@127.0.0.1 MODE #room +mikl secret 5"), bob.lines());
        assertEquals(":test.server 324 bob #room +iklmnt secret 5", bob.ask("MODE #room").get(0));
        ChatHarness.Peer carol = chat.irc("carol");
        assertEquals(":test.server 324 carol #room +iklmnt * 5", carol.ask("MODE #room").get(0), "the key only to members");
        assertEquals(List.of(":test.server 467 alice #room :Channel key already set"), alice.ask("MODE #room +k other"));
        assertEquals(List.of(":test.server 472 alice x :is unknown mode char to me for #room"), alice.ask("MODE #room +x"));
        assertEquals(List.of(":test.server 482 bob #room :You're not channel operator"), bob.ask("MODE #room -m"));
        assertEquals(List.of(":alice!alice@127.0.0.1 MODE #room -mkl *"), alice.ask("MODE #room -mk-l"));
    }

    @Test
    void inviteOnlyLetsTheInvitedInOnce() {
        ChatHarness.Peer alice = op();
        alice.ask("MODE #room +i");
        ChatHarness.Peer bob = chat.irc("bob");
        assertEquals(List.of(":test.server 473 bob #room :Cannot join channel (+i: invite only)"), bob.ask("JOIN #room"));
        assertEquals(List.of(":test.server 341 alice bob #room"), alice.ask("INVITE bob #room"));
        bob.lines();
        assertTrue(bob.ask("JOIN #room").get(0).startsWith(":bob!bob@127.0.0.1 JOIN #room"));
        bob.ask("PART #room");
        assertEquals(List.of(":test.server 473 bob #room :Cannot join channel (+i: invite only)"), bob.ask("JOIN #room"),
                "an invitation is good for one join");
        alice.ask("MODE #room +I bob!*@*");
        assertTrue(bob.ask("JOIN #room").get(0).contains(" JOIN #room"), "an invite exception lets bob in");
        ChatHarness.Peer carol = chat.irc("carol");
        carol.ask("JOIN #room");
        assertEquals(List.of(":test.server 482 bob #room :You're not channel operator"), bob.ask("INVITE carol #room"),
                "on +i only operators invite");
    }

    @Test
    void keyAndLimit() {
        ChatHarness.Peer alice = op();
        alice.ask("MODE #room +kl sesame 2");
        ChatHarness.Peer bob = chat.irc("bob");
        assertEquals(List.of(":test.server 475 bob #room :Cannot join channel (+k: wrong or missing key)"), bob.ask("JOIN #room"));
        assertEquals(List.of(":test.server 475 bob #room :Cannot join channel (+k: wrong or missing key)"), bob.ask("JOIN #room nope"));
        assertTrue(bob.ask("JOIN #room sesame").get(0).contains(" JOIN #room"));
        ChatHarness.Peer carol = chat.irc("carol");
        assertEquals(List.of(":test.server 471 carol #room :Cannot join channel (+l: the room is full)"), carol.ask("JOIN #room sesame"));
    }

    @Test
    void bansKeepOutAndSilenceExceptionsAndVoiceDoNot() {
        ChatHarness.Peer alice = op();
        ChatHarness.Peer bob = chat.irc("bob");
        bob.ask("JOIN #room");
        alice.lines();
        assertEquals(List.of(":alice!alice@127.0.0.1 MODE #room +b *!*@127.0.0.1"), alice.ask("MODE #room +b *@127.0.0.1"));
        bob.lines();
        assertEquals(List.of(":test.server 404 bob #room :Cannot send to channel (you are banned)"), bob.ask("PRIVMSG #room :hi"));
        ChatHarness.Peer carol = chat.irc("carol");
        assertEquals(List.of(":test.server 474 carol #room :Cannot join channel (+b: you are banned)"), carol.ask("JOIN #room"));
        alice.ask("MODE #room +e carol");
        assertTrue(carol.ask("JOIN #room").get(0).contains(" JOIN #room"), "an exception overrides the ban");
        List<String> bans = bob.ask("MODE #room b");
        assertTrue(bans.get(0).matches(":test.server 367 bob #room \\*!\\*@127\\.0\\.0\\.1 alice \\d+"), bans.toString());
        assertEquals(":test.server 368 bob #room :End of channel ban list", bans.get(1));
        assertEquals(List.of(":test.server 482 bob #room :You're not channel operator"), bob.ask("MODE #room e"));
        assertTrue(alice.ask("MODE #room e").get(0).contains(" 348 alice #room carol!*@* "));
        alice.ask("MODE #room +v bob");
        bob.lines();
        assertEquals(List.of(), bob.ask("PRIVMSG #room :voiced now"), "voice speaks through a ban");
    }

    @Test
    void moderatedOutsideMessagesAndTopicLock() {
        ChatHarness.Peer alice = op();
        ChatHarness.Peer bob = chat.irc("bob");
        bob.ask("JOIN #room");
        alice.ask("MODE #room +m");
        bob.lines();
        assertEquals(List.of(":test.server 404 bob #room :Cannot send to channel (+m: only voiced users may speak)"),
                bob.ask("PRIVMSG #room :hi"));
        ChatHarness.Peer carol = chat.irc("carol");
        alice.ask("MODE #room -mnt");
        bob.lines();
        assertEquals(List.of(), carol.ask("PRIVMSG #room :from outside"), "-n lets outsiders speak");
        assertTrue(bob.lines().get(0).endsWith("PRIVMSG #room :from outside"));
        assertTrue(bob.ask("TOPIC #room :anyone may").get(0).endsWith(" TOPIC #room :anyone may"), "-t: anyone sets the topic");
    }

    @Test
    void aSecretRoomIsHiddenFromOutsiders() {
        ChatHarness.Peer alice = op();
        alice.ask("MODE #room +s");
        ChatHarness.Peer bob = chat.irc("bob");
        assertEquals(List.of(":test.server 321 bob Channel :Users  Name", ":test.server 323 bob :End of /LIST"), bob.ask("LIST"));
        assertEquals(List.of(":test.server 366 bob #room :End of /NAMES list."), bob.ask("NAMES #room"));
        assertTrue(bob.ask("WHOIS alice").stream().noneMatch(line -> line.contains(" 319 ")));
        assertTrue(alice.ask("LIST").stream().anyMatch(line -> line.contains(" 322 alice #room ")), "members see it");
    }

    @Test
    void aPlainTextUserIsToldInWords() {
        ChatHarness.Peer alice = op();
        alice.ask("MODE #room +b carol");
        ChatHarness.Peer carol = chat.plain("carol");
        assertEquals(List.of("*** #room: Cannot join channel (+b: you are banned)"), carol.ask("/join #room"));
    }

    @Test
    void plainTextOperatorsModerateInWords() {
        ChatHarness.Peer carol = chat.plain("carol"); // first in #lobby: its operator
        ChatHarness.Peer bob = chat.irc("bob");
        bob.ask("JOIN #lobby");
        carol.lines();
        assertEquals(List.of("* carol set +m: only voiced users may speak (#lobby)"), carol.ask("/mode +m"));
        assertEquals(List.of("* carol set +v bob: bob may speak (voice) (#lobby)"), carol.ask("/voice bob"));
        assertEquals(List.of("* carol set +b dave!*@*: dave!*@* is banned (#lobby)"), carol.ask("/ban dave"));
        assertEquals(List.of("* carol set +k: a key is needed to join (#lobby)"), carol.ask("/key sesame"));
        bob.lines();
        assertEquals(List.of("* bob was kicked from #lobby by carol (enough)"), carol.ask("/kick bob enough"));
        ChatHarness.Peer erin = chat.connect();
        erin.lines();
        assertTrue(erin.ask("erin").contains("*** #lobby: Cannot join channel (+k: wrong or missing key)"),
                "a plain-text user kept out is told why");
        erin.ask("/join #lobby sesame");
        assertEquals(List.of("*** #lobby: You're not channel operator"), erin.ask("/ban x"));
    }
}
