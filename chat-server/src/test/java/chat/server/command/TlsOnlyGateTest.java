package chat.server.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.server.harness.ChatHarness;
import chat.server.tls.TlsConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** --tls-only on the plain port, without sockets: who is refused, who is not, and what they are told. */
class TlsOnlyGateTest {
    private final ChatHarness chat = new ChatHarness(ChatHarness.testConfig()
            .tls(TlsConfig.on(6697, Path.of("unused")).withTlsOnly(true)).build());

    @Test
    void ircRegistrationIsRefusedWithWhereToGoAfterCapLsShowedTheStsPort() {
        ChatHarness.Peer irc = chat.connect();
        irc.lines();
        assertTrue(irc.ask("CAP LS 302").get(0).endsWith(" sts=port=6697"));
        irc.send("NICK alice");
        List<String> lines = irc.lines();
        assertEquals(List.of("ERROR :This server takes IRC only over TLS: reconnect with TLS to port 6697"
                + " (irssi: /connect -tls HOST 6697)"), lines);
        chat.settle();
        assertTrue(irc.isClosed());
    }

    @Test
    void aPlainTextUserIsWelcomeFromThisMachineOnlyAndTheOthersAreToldHowToConnect() {
        ChatHarness.Peer local = chat.plain("bob");
        assertFalse(local.isClosed());
        assertEquals(1, chat.state().registeredCount());

        ChatHarness.Peer remote = chat.connect("192.0.2.7", UnaryOperator.identity());
        remote.lines();
        remote.send("carol");
        List<String> lines = remote.lines();
        assertEquals(1, lines.size(), lines::toString);
        assertTrue(lines.get(0).contains("only over TLS, on port 6697: openssl s_client -quiet -connect HOST:6697"),
                lines::toString);
        chat.settle();
        assertTrue(remote.isClosed());
        assertEquals(1, chat.state().registeredCount());
    }

    @Test
    void withoutTlsOnlyNothingIsRefused() {
        ChatHarness open = new ChatHarness(ChatHarness.testConfig().tls(TlsConfig.on(6697, Path.of("unused"))).build());
        assertTrue(open.irc("alice").lines().isEmpty());
        assertEquals(1, open.state().registeredCount());
        ChatHarness.Peer remote = open.connect("192.0.2.7", UnaryOperator.identity());
        remote.send("carol");
        assertEquals(2, open.state().registeredCount());
    }
}
