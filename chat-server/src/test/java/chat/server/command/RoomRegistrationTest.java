package chat.server.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.server.harness.ChatHarness;
import chat.server.harness.ChatHarness.Peer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ROOM REGISTER/ACCESS/DROP/INFO, access on joining, and a registered room's settings coming back. */
class RoomRegistrationTest {
    private final ChatHarness chat = new ChatHarness(ChatHarness.testConfig().build());

    private Peer account(String nick) {
        Peer peer = chat.irc(nick);
        assertTrue(peer.ask("REGISTER * * :password-of-" + nick).stream().anyMatch(l -> l.contains("SUCCESS")));
        return peer;
    }

    private static boolean has(List<String> lines, String part) {
        return lines.stream().anyMatch(line -> line.contains(part));
    }

    @Test
    void onlyALoggedInOperatorRegistersAndTheRoomComesBackAsItWas() {
        Peer guest = chat.irc("guest");
        guest.send("JOIN #dev");
        assertEquals(List.of(":test.server FAIL ROOM ACCOUNT_REQUIRED #dev :Log in to an account first (SASL, or REGISTER"
                + " to make one)"), guest.ask("ROOM REGISTER #dev"));
        guest.send("PART #dev");
        Peer alice = account("alice");
        alice.send("JOIN #dev");
        alice.lines();
        assertTrue(has(alice.ask("ROOM REGISTER #dev"), "NOTICE alice :#dev is registered to your account alice"));
        alice.send("MODE #dev +ik secret", "MODE #dev +b *!*@10.9.9.9", "TOPIC #dev :the dev room", "MODE #dev +b $a:mallory");
        alice.send("PART #dev");
        assertTrue(chat.state().rooms().find("#dev") == null, "the room is gone with its last member");

        Peer bob = chat.irc("bob");
        assertTrue(has(bob.ask("JOIN #dev"), " 473 bob #dev "), "+i came back with the room");
        Peer back = chat.connect();
        back.send("NICK alice2", "USER a 0 * :a", "AUTHENTICATE PLAIN",
                "AUTHENTICATE " + java.util.Base64.getEncoder().encodeToString("\0alice\0password-of-alice".getBytes()));
        back.lines();
        List<String> join = back.ask("JOIN #dev secret");
        assertTrue(has(join, " 332 alice2 #dev :the dev room"), join::toString);
        assertTrue(has(join, ":test.server MODE #dev +o alice2"), "@ from the access list, told to all: " + join);
        assertTrue(has(join, " 353 alice2 = #dev @alice2"), join::toString);
        Peer guest2 = chat.irc("guest2");
        alice.send("QUIT");
        back.send("MODE #dev -i");
        List<String> second = guest2.ask("JOIN #dev secret");
        assertTrue(has(second, " 353 guest2 = #dev :@alice2 guest2") || has(second, " 353 guest2 = #dev @alice2 guest2"),
                "a guest gets nothing: " + second);
        assertTrue(has(back.ask("MODE #dev b"), " 367 alice2 #dev *!*@10.9.9.9 "));
        List<String> modes = back.ask("MODE #dev");
        assertTrue(has(modes, " 324 alice2 #dev +knt secret"), modes::toString);
        assertEquals("nt", chat.state().identity().rooms().find("#dev").flags(), "every change is kept");
    }

    @Test
    void accessListsGiveOpAndVoiceAndAccountBansHold() {
        Peer alice = account("alice");
        alice.send("JOIN #r");
        alice.ask("ROOM REGISTER #r");
        Peer bob = account("bob");
        bob.send("JOIN #r");
        bob.lines();
        alice.lines();
        assertTrue(has(alice.ask("ROOM ACCESS #r ADD bob op"), "bob gets @ on joining"));
        assertTrue(has(bob.lines(), ":test.server MODE #r +o bob"), "given at once to a member");
        Peer carol = account("carol");
        assertEquals(List.of(":test.server FAIL ROOM ACCESS_DENIED #r :Only the founder gives or takes op; ops give or take voice"),
                bob.ask("ROOM ACCESS #r ADD carol op"));
        assertTrue(has(bob.ask("ROOM ACCESS #r ADD carol voice"), "carol gets + on joining"));
        assertTrue(has(carol.ask("JOIN #r"), ":test.server MODE #r +v carol"));
        List<String> list = alice.ask("ROOM ACCESS #r LIST");
        assertTrue(has(list, "founder alice") && has(list, "bob op") && has(list, "carol voice"), list::toString);
        Peer mallory = account("mallory");
        alice.send("MODE #r +b $a:mallory");
        assertTrue(has(mallory.ask("JOIN #r"), " 474 mallory #r "), "banned by account");
        assertFalse(has(chat.irc("other").ask("JOIN #r"), " 474 "), "not others");
        assertEquals(List.of(":test.server FAIL ROOM ACCESS_DENIED #r :Only its founder (alice) may do that"),
                bob.ask("ROOM DROP #r"));
        assertTrue(has(alice.ask("ROOM DROP #r"), "#r is no longer registered"));
        assertTrue(has(alice.ask("ROOM INFO #r"), "#r is not registered"));
    }

    @Test
    void plainTextUsersRegisterTheirCurrentRoom() {
        Peer dave = chat.plain("dave");
        dave.ask("/register dave-password");
        assertEquals(List.of("*** #lobby is registered to your account dave: you get @ on every join, and its topic,"
                + " modes and lists are kept. ROOM ACCESS #lobby ADD account op|voice gives others @ or +."),
                dave.ask("/room register"));
        assertEquals(List.of("*** The room is registered to dave"), dave.ask("/room register #lobby"));
    }
}
