package chat.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class ConsoleAndShutdownTest extends WithTestServer {
    @Test
    void whoRoomsAndStatsDescribeTheServer() throws Exception {
        try (TestClient alice = TestClient.irc(server.port(), "alice");
                TestClient dave = TestClient.plain(server.port(), "dave")) {
            alice.ask("JOIN #lobby");
            alice.ask("PRIVMSG #lobby :counted");
            server.console("/who");
            server.expectConsole("2 users");
            String first = server.expectConsole("  ");
            String second = server.expectConsole("  ");
            assertTrue(first.contains("alice") || second.contains("alice"), first + second);
            assertTrue((first + second).contains("dave") && (first + second).contains("plain"), first + second);
            server.console("/rooms");
            server.expectConsole("1 rooms");
            assertTrue(server.expectConsole("#lobby").contains("2 users"));
            server.console("/stats");
            String stats = server.expectConsole("connections");
            assertTrue(stats.startsWith("connections 2 (registered 2), rooms 1, messages relayed 1"), stats);
        }
    }

    @Test
    void sayWallAndKickReachUsers() throws Exception {
        try (TestClient alice = TestClient.irc(server.port(), "alice");
                TestClient dave = TestClient.plain(server.port(), "dave")) {
            alice.ask("JOIN #lobby");
            dave.expectContaining("alice joined");
            server.console("/say #lobby hello from the operator");
            // The server's notice, never a user's line.
            assertEquals(":test.server NOTICE #lobby :[server] hello from the operator", alice.readLine());
            assertEquals("*** [server] hello from the operator", dave.readLine());
            server.console("/wall maintenance at noon");
            assertEquals(":test.server NOTICE alice :[server] maintenance at noon", alice.readLine());
            assertEquals("*** [server] maintenance at noon", dave.readLine());
            server.console("/kick dave be nice");
            assertEquals(List.of("*** Kicked by the operator: be nice"), dave.readUntilClosed());
            assertEquals(":dave!plain@127.0.0.1 QUIT :Kicked by the operator: be nice", alice.readLine());
            server.console("/frob");
            server.expectConsole("unknown console command");
        }
    }

    @Test
    void eightyEightAtTheConsoleShutsDownGracefully() throws Exception {
        try (TestClient alice = TestClient.irc(server.port(), "alice");
                TestClient dave = TestClient.plain(server.port(), "dave")) {
            server.console("88");
            List<String> aliceLast = alice.readUntilClosed();
            assertEquals("ERROR :Server shutting down", aliceLast.get(aliceLast.size() - 1));
            assertEquals(List.of("*** Server shutting down"), dave.readUntilClosed());
            assertTrue(server.server.awaitStopped(5, TimeUnit.SECONDS));
        }
    }

    @Test
    void shutdownRequestFromAnotherThreadIsGracefulToo() throws Exception {
        try (TestClient alice = TestClient.irc(server.port(), "alice")) {
            alice.ask("JOIN #lobby");
            server.server.shutdown();
            List<String> last = alice.readUntilClosed();
            assertEquals(List.of("ERROR :Server shutting down"), last);
            assertTrue(server.server.awaitStopped(5, TimeUnit.SECONDS));
        }
    }

    @Test
    void closedConsoleLeavesTheServerRunning() throws Exception {
        server.closeConsole();
        try (TestClient alice = TestClient.irc(server.port(), "alice")) {
            alice.sync();
            try (TestClient bob = TestClient.irc(server.port(), "bob")) {
                bob.send("PRIVMSG alice :still up");
                assertEquals(":bob!bob@127.0.0.1 PRIVMSG alice :still up", alice.readLine());
            }
        }
    }
}
