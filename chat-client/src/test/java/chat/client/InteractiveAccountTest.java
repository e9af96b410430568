package chat.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.client.auth.SaslLogin;
import chat.client.net.FakeTlsIrcServer;
import chat.client.net.KnownServers;
import chat.client.net.TestCertificate;
import chat.client.net.TlsOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The whole interactive client (JLine dumb terminal, both threads) asking what only a person can answer. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class InteractiveAccountTest {
    @TempDir
    Path home;

    @Test
    void anUnknownCertificateIsShownAndTypingYesTrustsAndConnects() throws Exception {
        TestCertificate certificate = TestCertificate.generate(home, "localhost");
        Path known = home.resolve("config/chat/known_servers");
        try (FakeTlsIrcServer server = new FakeTlsIrcServer(certificate)) {
            ClientConfig config = TerminalSession.config(server.port(), "alice", "#lobby", home)
                    .withIdentity(new TlsOptions(null, new KnownServers(known), null, null), null);
            try (TerminalSession alice = new TerminalSession(config)) {
                alice.awaitScreen("Its fingerprint is " + certificate.fingerprint());
                alice.awaitScreen("Type yes to trust it");
                alice.type("maybe\n");
                alice.awaitScreen("please type yes or no");
                alice.type("yes\n");
                alice.awaitScreen("trusted; connecting");
                assertTrue(awaitLine(server, "NICK alice"), "registered over TLS after the answer");
                alice.awaitScreen("hello over TLS");
                assertEquals(1, Files.readAllLines(known).size());
            }
        }
    }

    @Test
    void thePasswordIsAskedForWithoutEchoAndAServerWithoutAccountsIsSaidOnce() throws Exception {
        try (FakeIrcServer server = FakeIrcServer.start()) {
            ClientConfig config = TerminalSession.config(server.port(), "alice", "#lobby", home)
                    .withIdentity(null, new SaslLogin.Credentials("alice", null, false));
            try (TerminalSession alice = new TerminalSession(config)) {
                alice.awaitScreen("password for account alice: ");
                alice.type("hunter2\n");
                alice.awaitScreen("this server has no accounts; continuing as a guest");
                server.await("alice: JOIN #lobby");
                alice.awaitScreen("in #lobby:");
                assertFalse(alice.screen().contains("hunter2"), alice.screen());
                assertEquals(1, alice.screen().split("no accounts", -1).length - 1);
            }
        }
    }

    private static boolean awaitLine(FakeTlsIrcServer server, String wanted) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            String line = server.nextLine(1);
            if (wanted.equals(line)) {
                return true;
            }
        }
        return false;
    }
}
