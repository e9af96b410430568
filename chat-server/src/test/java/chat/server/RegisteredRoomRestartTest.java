package chat.server;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A registered room over real sockets: its settings and its founder's @ come back after a restart. */
@Timeout(30)
class RegisteredRoomRestartTest {
    @TempDir
    Path dataDir;

    private TestServer start() throws Exception {
        TestServer.Settings settings = new TestServer.Settings();
        settings.accountsDirectory = dataDir;
        return TestServer.start(settings);
    }

    private static boolean has(List<String> lines, String part) {
        return lines.stream().anyMatch(line -> line.contains(part));
    }

    @Test
    void aRegisteredRoomKeepsItsModesTopicAndBansAcrossARestart() throws Exception {
        try (TestServer server = start(); TestClient alice = TestClient.irc(server.port(), "alice")) {
            alice.send("REGISTER * * :alice-password");
            alice.expectContaining("REGISTER SUCCESS");
            alice.send("JOIN #ops");
            alice.expectContaining(" 366 ");
            assertTrue(has(alice.ask("ROOM REGISTER #ops"), "#ops is registered to your account alice"));
            alice.ask("MODE #ops +mk sesame");
            alice.ask("MODE #ops +b *!*@10.1.2.3");
            alice.ask("TOPIC #ops :ops only");
        }
        try (TestServer server = start()) {
            try (TestClient early = TestClient.irc(server.port(), "early")) {
                assertTrue(has(early.ask("JOIN #ops"), " 475 early #ops "), "+k came back after the restart");
                List<String> join = early.ask("JOIN #ops sesame");
                assertTrue(has(join, " 332 early #ops :ops only"), join::toString);
                assertTrue(has(join, " 353 early = #ops :early") || has(join, " 353 early = #ops early"),
                        "no @ for making a registered room: " + join);
                try (TestClient alice = new TestClient(server.port())) {
                    alice.send("CAP LS 302"); // registration waits for CAP END, so the login comes first
                    alice.send("NICK alice");
                    alice.send("USER alice 0 * :alice");
                    alice.send("CAP REQ sasl");
                    alice.send("AUTHENTICATE PLAIN");
                    alice.expectContaining("AUTHENTICATE +");
                    alice.send("AUTHENTICATE " + Base64.getEncoder().encodeToString(
                            "\0alice\0alice-password".getBytes(StandardCharsets.UTF_8)));
                    alice.expectContaining(" 903 ");
                    alice.send("CAP END");
                    alice.expectContaining(" 001 alice ");
                    alice.send("JOIN #ops");
                    assertTrue(alice.expectContaining(" MODE #ops +o alice").startsWith(":test.server MODE"),
                            "the founder's @ by the server");
                    List<String> modes = alice.ask("MODE #ops");
                    assertTrue(has(modes, " 324 alice #ops +kmnt sesame"), modes::toString);
                    assertTrue(has(alice.ask("MODE #ops b"), " 367 alice #ops *!*@10.1.2.3 alice "));
                }
            }
        }
    }
}
