package chat.it;

import static chat.it.SaslText.b64;
import static chat.it.SaslText.lastParam;
import static chat.it.SaslText.unb64;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.server.TestClient;
import chat.server.account.ScramClient;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Accounts with the packaged server in its own JVM: made with REGISTER, they outlast a restart;
 * SCRAM-SHA-256 logs in over real sockets (and proves the server knows the password); the nick
 * stays its owner's.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class AccountsOverSocketsTest {
    @TempDir
    Path work;

    private Process start() throws IOException {
        return new ProcessBuilder(Jars.java().toString(), "-jar", Jars.server().toString(), "--port", "0",
                "--server-name", "accounts.test", "--data-dir", work.resolve("data").toString(), "--flood-rate", "0")
                .redirectError(work.resolve("server-" + System.nanoTime() + ".log").toFile()).start();
    }

    @Test
    void anAccountMadeWithRegisterLogsInWithScramAfterARestart() throws Exception {
        Process server = start();
        try (TestClient alice = TestClient.irc(Jars.listeningPort(server), "alice")) {
            alice.send("REGISTER * * :correct horse battery");
            assertTrue(alice.expectContaining(" REGISTER SUCCESS alice ").startsWith(":accounts.test REGISTER SUCCESS"));
        }
        server.destroy();
        assertEquals(0, server.waitFor());
        Process again = start();
        try {
            int port = Jars.listeningPort(again);
            try (TestClient alice = new TestClient(port)) {
                alice.send("CAP LS 302");
                alice.send("NICK alice");
                alice.send("USER alice 0 * :Alice");
                assertTrue(alice.expectContaining(" CAP * LS ").contains("sasl=PLAIN,SCRAM-SHA-256,EXTERNAL"));
                alice.send("CAP REQ :sasl account-notify");
                alice.expectContaining(" ACK ");
                alice.send("AUTHENTICATE SCRAM-SHA-256");
                assertEquals("AUTHENTICATE +", alice.expectContaining("AUTHENTICATE").split(" ", 2)[1]);
                ScramClient scram = new ScramClient("alice", "correct horse battery", "fyko+d2lbbFgONRv9qkxdawL");
                alice.send("AUTHENTICATE " + b64(scram.first()));
                String serverFirst = unb64(lastParam(alice.expectContaining("AUTHENTICATE")));
                assertTrue(serverFirst.startsWith("r=fyko+d2lbbFgONRv9qkxdawL") && serverFirst.contains(",i=100000"),
                        serverFirst);
                alice.send("AUTHENTICATE " + b64(scram.last(serverFirst)));
                assertEquals(scram.expectedServerFinal(), unb64(lastParam(alice.expectContaining("AUTHENTICATE"))),
                        "the server proves it knows the password too");
                alice.send("AUTHENTICATE +");
                assertTrue(alice.expectContaining(" 900 ").contains("You are now logged in as alice"));
                alice.expectContaining(" 903 ");
                alice.send("CAP END");
                alice.expectContaining(" 001 alice ");
                try (TestClient bob = TestClient.irc(port, "bob")) {
                    List<String> whois = bob.ask("WHOIS alice");
                    assertTrue(whois.stream().anyMatch(l -> l.contains(" 330 bob alice alice ")), whois::toString);
                }
            }
            try (TestClient squatter = new TestClient(port)) {
                squatter.send("NICK alice");
                squatter.send("USER x 0 * :x");
                assertTrue(squatter.expectContaining(" 433 * alice ").contains("registered"), "the nick is still hers");
            }
        } finally {
            again.destroy();
            again.waitFor();
        }
    }

    @Test
    void plainLoginsAreThrottledAfterThreeFailuresAndNeverSayWhetherTheAccountExists() throws Exception {
        Process server = start();
        try {
            int port = Jars.listeningPort(server);
            try (TestClient bob = TestClient.irc(port, "bob")) {
                bob.send("REGISTER * * :bobs-password");
                bob.expectContaining(" REGISTER SUCCESS bob ");
            }
            try (TestClient guesser = new TestClient(port)) {
                guesser.send("NICK guesser");
                guesser.send("USER g 0 * :g");
                guesser.expectContaining(" 001 guesser ");
                List<String> answers = new java.util.ArrayList<>();
                for (String attempt : new String[] {"\0bob\0wrong-1", "\0nobody\0wrong-2", "\0bob\0wrong-3",
                        "\0bob\0wrong-4", "\0bob\0bobs-password"}) {
                    guesser.send("AUTHENTICATE PLAIN");
                    guesser.expectContaining("AUTHENTICATE +");
                    guesser.send("AUTHENTICATE " + b64(attempt));
                    answers.add(guesser.expect(l -> l.contains(" 903 ") || l.contains(" 904 ")));
                }
                assertEquals(answers.get(0).replace("guesser", ""), answers.get(1).replace("guesser", ""),
                        "a missing account reads like a wrong password");
                assertTrue(answers.get(3).contains("904 guesser :SASL authentication failed: Wrong account name or password"),
                        answers.toString());
                assertTrue(answers.get(4).contains("904 guesser :SASL authentication failed: Too many failed logins; try again in 1 seconds"),
                        "even the right password waits: " + answers);
                assertTrue(guesser.ask("LUSERS").stream().anyMatch(l -> l.contains(" 251 ")), "the connection stays");
            }
        } finally {
            server.destroy();
            server.waitFor();
        }
    }
}
