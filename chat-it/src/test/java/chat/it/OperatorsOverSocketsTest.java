package chat.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.server.TestClient;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Server operators with the packaged jars, as a person sets them up: a hash from
 * {@code --hash-password}, the --opers file, OPER and KILL over real sockets, WHOX, and the client's
 * {@code --bot} in piped mode, seen by a message-tags client as the {@code bot} tag.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class OperatorsOverSocketsTest {
    @TempDir
    Path work;

    private Process start(Path opers) throws IOException {
        return new ProcessBuilder(Jars.java().toString(), "-jar", Jars.server().toString(), "--port", "0",
                "--server-name", "opers.test", "--data-dir", work.resolve("data").toString(), "--flood-rate", "0",
                "--opers", opers.toString())
                .redirectError(work.resolve("server.log").toFile()).start();
    }

    @Test
    void operKillsWhoxAndABotScript() throws Exception {
        String hash = Jars.hashPassword(work, "operator secret");
        assertTrue(hash.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), hash);
        Path opers = work.resolve("opers.txt");
        Files.writeString(opers, "# the operators\nboss " + hash + "\n");
        Process server = start(opers);
        try {
            int port = Jars.listeningPort(server);
            try (TestClient alice = TestClient.irc(port, "alice");
                    TestClient bob = TestClient.inRoom(port, "bob", "#r");
                    TestClient carol = new TestClient(port)) {
                carol.send("CAP LS 302");
                carol.send("CAP REQ :message-tags");
                carol.send("NICK carol");
                carol.send("USER carol 0 * :Carol");
                carol.send("CAP END");
                carol.expectContaining(" 001 carol ");
                carol.send("JOIN #r");
                carol.expectContaining(" 366 carol #r ");

                alice.send("OPER boss :wrong guess");
                assertEquals(":opers.test 464 alice :Password incorrect", alice.expectContaining(" 464 "));
                alice.send("OPER boss :operator secret");
                assertEquals(":opers.test 381 alice :You are now an IRC operator", alice.expectContaining(" 381 "));

                List<String> whox = carol.ask("WHO #r %tnfa,7");
                assertTrue(whox.contains(":opers.test 354 carol 7 bob H@ 0"), whox::toString);
                assertTrue(whox.contains(":opers.test 354 carol 7 carol H 0"), whox::toString);

                alice.send("KILL bob :enough");
                List<String> last = bob.readUntilClosed();
                assertTrue(last.contains(":alice!alice@127.0.0.1 KILL bob :Killed (alice (enough))"), last::toString);
                assertEquals("ERROR :Closing Link: 127.0.0.1 (Killed (alice (enough)))", last.get(last.size() - 1));
                assertTrue(carol.expectContaining(" QUIT ").endsWith(":bob!bob@127.0.0.1 QUIT :Killed (alice (enough))"));

                Process bot = new ProcessBuilder(Jars.java().toString(), "-jar", Jars.client().toString(), "--bot",
                        "--nick", "robo", "--port", Integer.toString(port), "--host", "127.0.0.1", "--room", "#r")
                        .redirectErrorStream(true).redirectOutput(work.resolve("bot.log").toFile()).start();
                try (OutputStream in = bot.getOutputStream()) {
                    in.write("beep\n".getBytes(StandardCharsets.UTF_8));
                }
                String said = carol.expectContaining(" PRIVMSG #r ");
                assertTrue(said.matches("@msgid=[^; ]+;bot :robo!\\S+ PRIVMSG #r beep"), said);
                assertEquals(0, bot.waitFor());
            }
        } finally {
            server.destroy();
            server.waitFor();
        }
    }
}
