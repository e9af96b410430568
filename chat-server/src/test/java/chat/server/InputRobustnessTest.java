package chat.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class InputRobustnessTest {
    private TestServer server;

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void overlongLineGets417AndTheConnectionKeepsWorking() throws Exception {
        server = TestServer.start();
        try (TestClient alice = TestClient.irc(server.port(), "alice")) {
            alice.send("PRIVMSG alice :" + "x".repeat(600));
            assertEquals(List.of(":test.server 417 alice :Input line was too long (limit 512 bytes with CRLF); it was ignored"),
                    alice.sync());
            alice.sendRaw("y".repeat(2000).getBytes(StandardCharsets.US_ASCII)); // no newline at all
            assertTrue(alice.readLine().contains(" 417 alice "), "refused before any newline arrives");
            alice.sendRaw("still the same long line\r\n".getBytes(StandardCharsets.US_ASCII));
            assertEquals(List.of(), alice.sync(), "the rest of the long line was discarded");
            alice.send("PRIVMSG alice :" + "z".repeat(400));
            assertEquals(":alice!alice@127.0.0.1 PRIVMSG alice " + "z".repeat(400), alice.readLine());
        }
    }

    @Test
    void invalidUtf8NulAndBareCrGetClearErrors() throws Exception {
        server = TestServer.start();
        try (TestClient alice = TestClient.irc(server.port(), "alice")) {
            alice.sendRaw(new byte[] {'P', 'R', 'I', 'V', 'M', 'S', 'G', ' ', 'a', ' ', (byte) 0xC3, (byte) 0x28, '\r', '\n'});
            assertEquals(List.of(":test.server 400 alice * :Line ignored: it is not valid UTF-8 (at byte 10)"), alice.sync());
            alice.sendRaw("NICK a\0b\r\n".getBytes(StandardCharsets.US_ASCII));
            assertEquals(List.of(":test.server 400 alice * :Line ignored: it holds a NUL byte (at byte 6)"), alice.sync());
            alice.sendRaw("NICK a\rb\r\n".getBytes(StandardCharsets.US_ASCII));
            assertEquals(List.of(":test.server 400 alice * :Line ignored: it holds a bare CR byte (at byte 6)"), alice.sync());
            assertEquals(List.of(":test.server 400 alice * :Malformed line ignored: prefix without a command"), alice.ask(":x"));
            alice.send("PRIVMSG alice :h\u00e9llo w\u00f6rld \u2603");
            assertEquals(":alice!alice@127.0.0.1 PRIVMSG alice :h\u00e9llo w\u00f6rld \u2603", alice.readLine());
        }
    }

    @Test
    void errorRepliesEchoingOddInputStayWellFormed() throws Exception {
        server = TestServer.start();
        try (TestClient alice = TestClient.irc(server.port(), "alice")) {
            assertEquals(List.of(":test.server 432 alice foo_bar :Erroneous nickname: a nickname may hold only letters,"
                    + " digits, - and []\\`_^{|}"), alice.ask("NICK :foo bar"));
            assertEquals(List.of(":test.server 401 alice zed :No such nick/channel", ":test.server 401 alice _b :No such nick/channel"),
                    alice.ask("PRIVMSG zed,:b x"));
            assertEquals(List.of(":test.server 410 alice a_b :Invalid CAP command"), alice.ask("CAP :a b"));
            alice.send("PRIVMSG alice :fine");
            assertEquals(":alice!alice@127.0.0.1 PRIVMSG alice fine", alice.readLine());
        }
    }

    @Test
    void randomGarbageNeverBreaksTheServer() throws Exception {
        server = TestServer.start();
        Random random = new Random(42);
        try (TestClient alice = TestClient.irc(server.port(), "alice");
                TestClient garbage = TestClient.irc(server.port(), "garbage")) {
            byte[] bytes = new byte[20_000];
            random.nextBytes(bytes);
            for (int i = 0; i < bytes.length; i++) {
                if (bytes[i] == '\n' && random.nextInt(4) != 0) {
                    bytes[i] = 'q'; // fewer, longer lines: some over the limit, most not
                }
            }
            garbage.sendRaw(bytes);
            garbage.sendRaw("\r\n".getBytes(StandardCharsets.US_ASCII));
            garbage.sync();
            alice.send("PRIVMSG garbage :still there?");
            assertEquals(":alice!alice@127.0.0.1 PRIVMSG garbage :still there?", garbage.readLine());
        }
    }
}
