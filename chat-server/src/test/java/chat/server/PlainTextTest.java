package chat.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class PlainTextTest extends WithTestServer {
    @Test
    void invalidOrTakenNicknameIsAskedAgainWithTheReason() throws Exception {
        try (TestClient alice = TestClient.irc(server.port(), "alice");
                TestClient plain = new TestClient(server.port())) {
            plain.readLine();
            plain.send("hello there");
            assertTrue(plain.readLine().startsWith("*** Sorry, a nickname may hold only"));
            plain.send("Alice");
            assertEquals("*** Sorry, the nickname Alice is taken. Type another nickname:", plain.readLine());
            plain.send("dave");
            assertEquals("*** Welcome, dave! Type a line to talk, /help for commands, 88 to leave.", plain.readLine());
            assertEquals("* dave joined #lobby", plain.readLine());
            assertEquals("*** Users in #lobby: @dave", plain.readLine());
            assertEquals("*** You are talking in #lobby now.", plain.readLine());
        }
    }

    @Test
    void plainAndIrcUsersShareARoom() throws Exception {
        try (TestClient alice = TestClient.irc(server.port(), "alice")) {
            alice.ask("JOIN #lobby");
            try (TestClient dave = TestClient.plain(server.port(), "dave")) {
                assertEquals(":dave!plain@127.0.0.1 JOIN #lobby", alice.readLine());
                dave.send("hi from nc");
                assertEquals(":dave!plain@127.0.0.1 PRIVMSG #lobby :hi from nc", alice.readLine());
                assertEquals("[#lobby] <dave> hi from nc", dave.readLine(), "echoed with the room it went to");
                alice.send("PRIVMSG #lobby :hi dave");
                assertEquals("[#lobby] <alice> hi dave", dave.readLine());
                alice.send("PRIVMSG dave :secret");
                assertEquals("[private to dave] <alice> secret", dave.readLine());
                alice.send("PRIVMSG #lobby :\u0001ACTION waves\u0001");
                assertEquals("[#lobby] * alice waves", dave.readLine());
                dave.send("/msg alice psst");
                assertEquals(":dave!plain@127.0.0.1 PRIVMSG alice psst", alice.readLine());
                assertEquals("[private to alice] <dave> psst", dave.readLine());
            }
        }
    }

    @Test
    void controlCharactersAreStrippedForPlainTextUsers() throws Exception {
        try (TestClient alice = TestClient.irc(server.port(), "alice");
                TestClient dave = TestClient.plain(server.port(), "dave")) {
            alice.ask("JOIN #lobby");
            dave.readLine(); // alice joined
            alice.send("PRIVMSG #lobby :red \u001b[31malert\u001b[0m \u202eevil\u0007");
            assertEquals("[#lobby] <alice> red [31malert[0m evil", dave.readLine());
        }
    }

    @Test
    void typing88LeavesAndOthersSeeAQuitWithReason88() throws Exception {
        try (TestClient alice = TestClient.irc(server.port(), "alice");
                TestClient dave = TestClient.plain(server.port(), "dave");
                TestClient erin = TestClient.plain(server.port(), "erin")) {
            alice.ask("JOIN #lobby");
            dave.expectContaining("erin joined");
            dave.expectContaining("alice joined");
            dave.send("88");
            List<String> last = dave.readUntilClosed();
            assertEquals(List.of("*** Goodbye!"), last);
            assertEquals(":dave!plain@127.0.0.1 QUIT :Quit: 88", alice.readLine());
            assertEquals("* dave quit (Quit: 88)", erin.expectContaining("dave quit"));
        }
    }

    @Test
    void slashCommandsJoinWhoRoomsNickAndHelp() throws Exception {
        try (TestClient alice = TestClient.irc(server.port(), "alice");
                TestClient dave = TestClient.plain(server.port(), "dave")) {
            alice.ask("JOIN #dev");
            dave.send("/join dev");
            assertEquals("* dave joined #dev", dave.readLine());
            assertEquals("*** Users in #dev: @alice dave", dave.readLine());
            assertEquals("*** You are talking in #dev now.", dave.readLine());
            dave.send("now in dev");
            assertEquals(":dave!plain@127.0.0.1 JOIN #dev", alice.readLine());
            assertEquals(":dave!plain@127.0.0.1 PRIVMSG #dev :now in dev", alice.readLine());
            assertEquals("[#dev] <dave> now in dev", dave.readLine());
            dave.send("/who");
            assertEquals("*** Users in #dev: @alice dave", dave.readLine());
            dave.send("/rooms");
            assertEquals("*** Rooms:", dave.readLine());
            String first = dave.readLine();
            String second = dave.readLine();
            assertTrue(List.of(first, second).containsAll(List.of("***   #dev (2 people)", "***   #lobby (1 person)")),
                    first + " / " + second);
            dave.send("/nick david");
            assertEquals("* dave is now known as david", dave.readLine());
            assertEquals(":dave!plain@127.0.0.1 NICK david", alice.readLine());
            dave.send("/msg nobody hi");
            assertEquals("*** nobody: No such nick/channel", dave.readLine());
            dave.send("/help");
            assertTrue(dave.readLine().startsWith("*** Type a line"));
            assertTrue(dave.expectContaining("88").contains("leave"));
            dave.send("/frob");
            assertEquals("*** Unknown command /frob; type /help for the list.", dave.readLine());
        }
    }
}
