package chat.server.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.server.harness.ChatHarness;
import java.util.List;
import org.junit.jupiter.api.Test;

/** WHO with masks, LIST >n/<n, WHOWAS, ADMIN, INFO, and USER with empty fields. */
class MoreCommandsTest {
    private final ChatHarness chat = new ChatHarness(ChatHarness.testConfig().build());

    @Test
    void whoWithAMaskListsVisibleMatchingUsers() {
        ChatHarness.Peer alice = chat.irc("alice");
        chat.irc("alfred");
        ChatHarness.Peer hidden = chat.irc("alma");
        hidden.ask("MODE alma +i");
        chat.irc("bob");
        List<String> who = alice.ask("WHO al*");
        assertEquals(3, who.size(), who.toString());
        assertTrue(who.stream().anyMatch(line -> line.contains(" alfred H ")) && who.stream().anyMatch(line -> line.contains(" alice H ")),
                who.toString());
        assertTrue(who.stream().noneMatch(line -> line.contains(" alma ")), "alma is +i and shares no room");
        assertEquals(":test.server 315 alice al* :End of /WHO list.", who.get(2));
        assertEquals(4, alice.ask("WHO *!*@127.0.0.1").size(), "masks match nick!user@host too: alice, alfred, bob and 315");
    }

    @Test
    void listFiltersByUserCount() {
        ChatHarness.Peer alice = chat.irc("alice");
        ChatHarness.Peer bob = chat.irc("bob");
        alice.ask("JOIN #big,#small");
        bob.ask("JOIN #big");
        List<String> more = alice.ask("LIST >1");
        assertTrue(more.stream().anyMatch(line -> line.contains(" 322 alice #big 2")), more.toString());
        assertTrue(more.stream().noneMatch(line -> line.contains("#small")), more.toString());
        assertTrue(alice.ask("LIST <2").stream().anyMatch(line -> line.contains(" 322 alice #small 1")));
    }

    @Test
    void whowasRemembersWhoLeftANick() {
        ChatHarness.Peer alice = chat.irc("alice");
        ChatHarness.Peer bob = chat.irc("bob");
        bob.send("NICK robert");
        bob.send("QUIT :bye");
        chat.settle();
        List<String> was = alice.ask("WHOWAS bob");
        assertEquals(":test.server 314 alice bob bob 127.0.0.1 * bob", was.get(0));
        assertTrue(was.get(1).startsWith(":test.server 312 alice bob test.server :"), was.get(1));
        assertEquals(":test.server 369 alice bob :End of WHOWAS", was.get(2));
        assertEquals(":test.server 314 alice robert bob 127.0.0.1 * bob", alice.ask("WHOWAS robert").get(0));
        assertEquals(List.of(":test.server 406 alice nobody :There was no such nickname",
                ":test.server 369 alice nobody :End of WHOWAS"), alice.ask("WHOWAS nobody"));
    }

    @Test
    void adminInfoAndEmptyUserFields() {
        ChatHarness.Peer alice = chat.irc("alice");
        assertEquals(":test.server 256 alice test.server :Administrative info", alice.ask("ADMIN").get(0));
        List<String> info = alice.ask("INFO");
        assertTrue(info.get(0).startsWith(":test.server 371 alice :"), info.toString());
        assertEquals(":test.server 374 alice :End of INFO list", info.get(info.size() - 1));
        ChatHarness.Peer someone = chat.connect();
        someone.lines();
        someone.send("NICK zed");
        assertEquals(List.of(":test.server 461 zed USER :Not enough parameters"), someone.ask("USER zed 0 * :"));
    }
}
