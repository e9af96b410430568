package chat.client.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.protocol.IrcMessage;
import chat.protocol.IrcParser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The AUTHENTICATE exchange fed line by line, no socket: what goes out and how it ends. */
class SaslLoginTest {
    private final List<String> sent = new ArrayList<>();
    private final SaslLogin login = new SaslLogin(message -> sent.add(message.toString()));
    private final SaslLogin.Credentials alice = new SaslLogin.Credentials("alice", "s3cret", false);

    private boolean feed(String line) throws Exception {
        return login.received(IrcParser.parse(line));
    }

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private String lastSentPayload() {
        String last = sent.get(sent.size() - 1);
        return new String(Base64.getDecoder().decode(last.substring("AUTHENTICATE ".length())), StandardCharsets.UTF_8);
    }

    @Test
    void plainOverTlsSendsTheCredentialsAndSucceedsOn903() throws Exception {
        assertTrue(login.start(alice, List.of("PLAIN"), true));
        assertEquals(List.of("AUTHENTICATE PLAIN"), sent);
        feed("AUTHENTICATE +");
        assertEquals("alice\0alice\0s3cret", lastSentPayload());
        assertTrue(feed(":irc.test 900 alice alice!a@h alice :You are now logged in as alice") == false);
        assertTrue(feed(":irc.test 903 alice :SASL authentication successful"));
        assertEquals(SaslLogin.State.SUCCEEDED, login.state());
    }

    @Test
    void plainIsRefusedOverPlainTcpWithoutSendingAnything() {
        assertFalse(login.start(alice, List.of("PLAIN"), false));
        assertEquals(List.of(), sent);
        assertEquals(SaslLogin.State.FAILED, login.state());
        assertTrue(login.outcome().contains("--tls"), login.outcome());
    }

    @Test
    void scramIsPreferredWhenOfferedAndAWrongPasswordFailsWithTheServersWords() throws Exception {
        assertTrue(login.start(alice, List.of("PLAIN", "SCRAM-SHA-256"), true));
        assertEquals(List.of("AUTHENTICATE SCRAM-SHA-256"), sent);
        feed("AUTHENTICATE +");
        String clientFirst = lastSentPayload();
        assertTrue(clientFirst.startsWith("n,,n=alice,r="), clientFirst);
        String nonce = clientFirst.substring("n,,n=alice,r=".length());
        feed("AUTHENTICATE " + b64("r=" + nonce + "server,s=" + b64("salt") + ",i=4096"));
        assertTrue(lastSentPayload().startsWith("c=biws,r=" + nonce + "server,p="));
        feed(":irc.test 904 alice :SASL authentication failed (wait 4 s before trying again)");
        assertEquals(SaslLogin.State.FAILED, login.state());
        assertEquals("SASL authentication failed (wait 4 s before trying again)", login.outcome());
        assertEquals(3, sent.size(), "no second mechanism after a wrong password: " + sent);
    }

    @Test
    void aMechanismTheServerLacksMovesOnToTheNextAfter908() throws Exception {
        assertTrue(login.start(alice, List.of(), true)); // "sasl" without a value (3.1): try the best first
        assertEquals(List.of("AUTHENTICATE SCRAM-SHA-256"), sent);
        feed(":irc.test 908 alice PLAIN :are available SASL mechanisms");
        feed(":irc.test 904 alice :SASL authentication failed");
        assertTrue(login.running());
        assertEquals("AUTHENTICATE PLAIN", sent.get(sent.size() - 1));
    }

    @Test
    void aBadServerSignatureAbortsAndThe906IsNotASecondComplaint() throws Exception {
        login.start(alice, List.of("SCRAM-SHA-256"), false);
        feed("AUTHENTICATE +");
        String nonce = lastSentPayload().substring("n,,n=alice,r=".length());
        feed("AUTHENTICATE " + b64("r=" + nonce + "x,s=" + b64("salt") + ",i=4096"));
        feed("AUTHENTICATE " + b64("v=" + b64("not the signature")));
        assertEquals("AUTHENTICATE *", sent.get(sent.size() - 1));
        assertEquals(SaslLogin.State.FAILED, login.state());
        String why = login.outcome();
        assertTrue(feed(":irc.test 906 alice :SASL authentication aborted"));
        assertEquals(why, login.outcome());
    }

    @Test
    void externalIsUsedWithAClientCertificate() throws Exception {
        login.start(new SaslLogin.Credentials("alice", null, true), List.of("PLAIN", "EXTERNAL"), true);
        feed("AUTHENTICATE +");
        assertEquals(List.of("AUTHENTICATE EXTERNAL", "AUTHENTICATE +"), sent);
    }

    @Test
    void longPayloadsGoIn400BytePiecesAndAnExactMultipleEndsWithPlus() {
        List<IrcMessage> lines = AuthenticateChunks.encode(new byte[300]); // 400 base64 characters
        assertEquals(2, lines.size());
        assertEquals(400, lines.get(0).param(0).length());
        assertEquals("+", lines.get(1).param(0));
        AuthenticateChunks incoming = new AuthenticateChunks();
        assertEquals(null, incoming.accept("A".repeat(400)));
        assertEquals(300, incoming.accept("+").length);
    }

    @Test
    void theServersLinesOutsideALoginAreLeftAlone() throws Exception {
        assertFalse(feed(":irc.test 904 alice :SASL authentication failed"));
        assertTrue(feed("AUTHENTICATE +"), "a stray AUTHENTICATE is swallowed, never shown");
        assertEquals(List.of(), sent);
    }
}
