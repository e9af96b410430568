package chat.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The console's accounts and bans on a real server, and that both outlast a restart. */
@Timeout(30)
class ConsoleAccountsTest {
    @TempDir
    Path dataDir;

    private TestServer start() throws Exception {
        TestServer.Settings settings = new TestServer.Settings();
        settings.accountsDirectory = dataDir;
        return TestServer.start(settings);
    }

    @Test
    void aBanKeepsSomeoneOutAcrossReconnectsAndRestartsUntilLifted() throws Exception {
        try (TestServer server = start()) {
            try (TestClient mallory = TestClient.irc(server.port(), "mallory");
                    TestClient dave = TestClient.plain(server.port(), "dave")) {
                server.console("/ban mallory 1h flooding");
                assertTrue(server.expectConsole("banned").startsWith("banned *!*@127.0.0.1 until "));
                List<String> last = mallory.readUntilClosed();
                assertTrue(last.stream().anyMatch(l -> l.contains("You are banned from this server: flooding (until ")),
                        last::toString);
                dave.readUntilClosed(); // same address: the ban is by address
            }
            try (TestClient again = new TestClient(server.port())) {
                again.send("NICK other");
                again.send("USER o 0 * :o");
                List<String> lines = again.readUntilClosed();
                assertTrue(lines.stream().anyMatch(l -> l.contains(" 465 other :You are banned from this server: flooding")),
                        lines::toString);
            }
            server.console("/bans");
            server.expectConsole("1 bans");
            assertTrue(server.expectConsole("*!*@127.0.0.1").contains("flooding"));
        }
        try (TestServer server = start()) {
            try (TestClient again = new TestClient(server.port())) {
                again.send("nick4");
                assertTrue(again.readUntilClosed().stream().anyMatch(l -> l.contains("banned")), "kept over a restart");
            }
            server.console("/unban *!*@127.0.0.1");
            server.expectConsole("unbanned *!*@127.0.0.1");
            try (TestClient back = TestClient.irc(server.port(), "mallory")) {
                assertTrue(back.ask("LUSERS").stream().anyMatch(l -> l.contains(" 251 ")));
            }
        }
    }

    @Test
    void theOperatorAddsChangesAndDeletesAccounts() throws Exception {
        try (TestServer server = start()) {
            server.console("/account add carol short");
            server.expectConsole("cannot add carol: Password too short");
            server.console("/account add carol carols-secret");
            server.expectConsole("account carol added");
            try (TestClient squatter = new TestClient(server.port())) {
                squatter.send("NICK carol");
                squatter.send("USER c 0 * :c");
                assertTrue(squatter.expectContaining(" 433 ").contains("Nickname is registered"));
            }
            server.console("/account passwd carol new-secret-1");
            server.expectConsole("password of carol changed");
            try (TestClient carol = TestClient.plain(server.port(), "someone")) {
                carol.send("/login carol carols-secret");
                assertEquals("*** Login failed: Wrong account name or password.", carol.expectContaining("Login"));
                carol.send("/login carol new-secret-1");
                carol.expectContaining("Logged in as carol.");
                server.console("/account del carol");
                server.expectConsole("account carol deleted; 1 logged out");
                carol.expectContaining("was deleted by the operator");
            }
            server.console("/account list");
            server.expectConsole("0 accounts");
        }
        try (TestServer server = start()) {
            server.console("/account list");
            server.expectConsole("0 accounts");
        }
    }

    @Test
    void consoleSayIsTheServersNoticeAndKickSaysHowToKeepSomeoneOut() throws Exception {
        try (TestServer server = start(); TestClient alice = TestClient.inRoom(server.port(), "alice", "#lobby")) {
            server.console("/say #lobby hello");
            assertEquals(":test.server NOTICE #lobby :[server] hello", alice.readLine());
            server.console("/kick alice bye");
            assertTrue(server.expectConsole("kicked alice").contains("/ban keeps them out"));
        }
    }
}
