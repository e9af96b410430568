package chat.server.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.server.TlsTestContexts;
import chat.server.harness.ChatHarness;
import chat.server.tls.SelfSignedCertificate;
import chat.server.tls.ServerIdentity;
import chat.server.tls.TlsConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The TLS transport in the pipeline without sockets: the chat's own memory transports carry the
 * records, a client-mode SSLEngine speaks to them, and a fake clock runs the handshake deadline.
 */
class TlsTransportTest {
    private static ServerIdentity server;
    private static ServerIdentity client;
    private static SSLContext serverContext;

    @BeforeAll
    static void certificates() throws Exception {
        server = SelfSignedCertificate.generate("test.server");
        client = SelfSignedCertificate.generate("alice-client");
        serverContext = server.sslContext();
    }

    private final ChatHarness harness = new ChatHarness(ChatHarness.testConfig()
            .tls(TlsConfig.on(TlsConfig.USUAL_PORT, Path.of("unused"))).build());
    private final TlsTransports tls = new TlsTransports(() -> serverContext);

    private MemoryTlsClient tlsClient(SSLContext context) {
        return new MemoryTlsClient(harness, harness.connect("127.0.0.1", tls::wrap), context);
    }

    /** alice over TLS (no client certificate), registered and in #lobby, her replies read. */
    private MemoryTlsClient aliceInLobbyOverTls() {
        MemoryTlsClient alice = tlsClient(TlsTestContexts.trusting(server.certificate())).handshake();
        alice.send("NICK alice", "USER alice 0 * :Alice", "JOIN #lobby");
        alice.lines();
        return alice;
    }

    /** bob on plain TCP, in #lobby, his replies read. */
    private ChatHarness.Peer bobInLobby() {
        ChatHarness.Peer bob = harness.irc("bob");
        bob.send("JOIN #lobby");
        bob.lines();
        return bob;
    }

    @Test
    void aClientChatsOverTlsAndItsCertificateFingerprintReachesTheLink() throws Exception {
        MemoryTlsClient alice = tlsClient(TlsTestContexts.withClientCertificate(client, server.certificate()))
                .handshake();
        List<String> greeting = alice.lines();
        assertTrue(greeting.get(0).contains("NOTICE * :*** Welcome to test.server"), greeting::toString);
        alice.send("NICK alice", "USER alice 0 * :Alice");
        assertTrue(alice.lines().stream().anyMatch(line -> line.contains(" 001 alice ")));

        Link link = alice.peer.link;
        assertTrue(link.secure());
        String expected = TlsTransport.sha256Hex(client.certificate().getEncoded());
        assertEquals(expected, link.peerCertificateFingerprint().orElseThrow());
        assertTrue(expected.matches("[0-9a-f]{64}"), "lower-case hex, no colons: " + expected);
        assertEquals(1, tls.stats().done());

        ChatHarness.Peer bob = harness.irc("bob");
        bob.lines();
        bob.send("JOIN #lobby");
        alice.send("JOIN #lobby");
        alice.lines();
        bob.lines();
        bob.send("PRIVMSG #lobby :hi alice");
        assertEquals(List.of(":bob!bob@127.0.0.1 PRIVMSG #lobby :hi alice"), alice.lines());
        alice.send("PRIVMSG #lobby :hi bob");
        assertEquals(List.of(":alice!alice@127.0.0.1 PRIVMSG #lobby :hi bob"), bob.lines());

        List<String> whois = bob.ask("WHOIS alice");
        assertTrue(whois.contains(":test.server 671 bob alice :is using a secure connection"), whois::toString);
        assertFalse(alice.ask("WHOIS bob").stream().anyMatch(line -> line.contains(" 671 ")), "bob is on plain TCP");
        assertFalse(harness.irc("carol").link.secure());
    }

    @Test
    void aClientWithoutACertificateIsWelcomeAndHasNoFingerprint() {
        MemoryTlsClient alice = tlsClient(TlsTestContexts.trusting(server.certificate())).handshake();
        alice.send("NICK alice", "USER alice 0 * :Alice");
        assertTrue(alice.lines().stream().anyMatch(line -> line.contains(" 001 alice ")));
        assertTrue(alice.peer.link.peerCertificateFingerprint().isEmpty());
    }

    @Test
    void anIdleTlsLinkHoldsNoTlsBuffers() {
        MemoryTlsClient alice = aliceInLobbyOverTls();
        assertEquals(0, ((TlsTransport) alice.peer.link.transport).heldBytes(),
                "records are read, decrypted and encrypted in the loop's scratch buffers; nothing is left over");
    }

    @Test
    void aLongBurstArrivesWholeThoughItExceedsOneRead() {
        MemoryTlsClient alice = aliceInLobbyOverTls();
        ChatHarness.Peer bob = bobInLobby();
        // 300 lines of 400 bytes in one go: 120 KB, far past the loop's 16 KiB read buffer, so some
        // records wait in the TLS buffers where the selector cannot see them.
        String[] burst = new String[300];
        for (int i = 0; i < burst.length; i++) {
            burst[i] = "PRIVMSG #lobby :" + i + " " + "x".repeat(380);
        }
        alice.send(burst);
        for (int i = 0; i < 20; i++) {
            harness.settle();
        }
        List<String> got = bob.lines();
        assertEquals(300, got.size());
        assertTrue(got.get(299).contains(":299 "));
    }

    @Test
    void recordsCutIntoPiecesAreReassembledAndNothingStaysHeldAfterwards() {
        MemoryTlsClient alice = tlsClient(TlsTestContexts.trusting(server.certificate())).handshake();
        alice.sendInPieces(7, "NICK alice", "USER alice 0 * :Alice", "PING :in-pieces");
        List<String> got = alice.lines();
        assertTrue(got.stream().anyMatch(line -> line.contains(" 001 alice ")), got::toString);
        assertTrue(got.contains(":test.server PONG test.server in-pieces"), got::toString);
        assertEquals(0, ((TlsTransport) alice.peer.link.transport).heldBytes());
    }

    @Test
    void recordsASlowReaderDoesNotTakeWaitOnTheLinkUntilItReads() {
        MemoryTlsClient alice = aliceInLobbyOverTls();
        ChatHarness.Peer bob = bobInLobby();
        alice.lines();
        TlsTransport transport = (TlsTransport) alice.peer.link.transport;
        alice.peer.transport.writeCapacity = 0; // alice's socket buffer is full
        for (int i = 0; i < 50; i++) {
            bob.send("PRIVMSG #lobby :" + i + " " + "y".repeat(300));
        }
        assertTrue(transport.hasPendingOutput() && transport.heldBytes() > 0,
                "the records the socket did not take are the link's own");
        assertTrue(alice.peer.transport.writeInterest);
        alice.peer.transport.writeCapacity = 1_000; // it reads again, a little per write
        List<String> got = alice.lines();
        assertEquals(50, got.size());
        assertTrue(got.get(49).contains(":49 "));
        assertEquals(0, transport.heldBytes(), "all sent: the link holds nothing");
        assertFalse(transport.hasPendingOutput());
    }

    @Test
    void aHandshakeThatStallsIsDroppedAtTheDeadlineAndCounted() {
        ChatHarness.Peer silent = harness.connect("127.0.0.1", tls::wrap);
        ChatHarness.Peer halfway = harness.connect("127.0.0.1", tls::wrap);
        halfway.sendRaw(new byte[] {0x16, 0x03, 0x01, 0x02, 0x00, 0x01}); // the start of a ClientHello, no more
        harness.advance(TlsConfig.DEFAULT_HANDSHAKE_TIMEOUT_MILLIS - 1_000);
        assertFalse(silent.isClosed());
        assertFalse(halfway.isClosed());
        harness.advance(1_000);
        assertTrue(silent.isClosed());
        assertTrue(halfway.isClosed());
        assertEquals(2, tls.stats().timedOut());
        assertEquals(0, tls.stats().failed(), "a timeout is counted once, as a timeout");
    }

    /** Handshake steps held back: the test plays the handshake thread and the loop's task queue. */
    private final List<Runnable> away = new ArrayList<>();
    private final List<Runnable> back = new ArrayList<>();

    private void runHeldSteps() {
        while (!away.isEmpty() || !back.isEmpty()) {
            if (!away.isEmpty()) {
                away.remove(0).run();
            } else {
                back.remove(0).run();
            }
        }
    }

    @Test
    void theKeyExchangeIsHandedOverAndTheHandshakeGoesOnWhenItComesBack() {
        tls.useHandshakeWork(HandshakeWork.on(away::add, back::add));
        MemoryTlsClient alice = tlsClient(TlsTestContexts.trusting(server.certificate()));
        assertFalse(alice.handshakeStep(), "the ClientHello went out; the server's answer waits for its step");
        assertEquals(1, away.size(), "the key exchange and signature wait for a handshake thread");
        assertFalse(alice.peer.transport.readInterest || alice.peer.transport.writeInterest,
                "while the step is away the loop neither reads nor writes the link");
        assertTrue(alice.peer.link.transport.handshaking());

        alice.handshake(this::runHeldSteps);
        assertEquals(0, tls.stats().done(), "the client's last flight (an empty Certificate) is a step of its own");
        alice.send("NICK alice", "USER alice 0 * :Alice");
        runHeldSteps();
        harness.settle();
        List<String> got = alice.lines();
        assertTrue(got.stream().anyMatch(line -> line.contains(" 001 alice ")), got::toString);
        assertEquals(1, tls.stats().done());
    }

    @Test
    void aLinkDroppedWhileItsStepIsAwayIsCountedOnceAndLeftAloneWhenTheStepReturns() {
        tls.useHandshakeWork(HandshakeWork.on(away::add, back::add));
        MemoryTlsClient alice = tlsClient(TlsTestContexts.trusting(server.certificate()));
        alice.handshakeStep();
        assertEquals(1, away.size());
        harness.advance(TlsConfig.DEFAULT_HANDSHAKE_TIMEOUT_MILLIS);
        assertTrue(alice.peer.isClosed(), "the deadline holds while a step is away");
        assertEquals(1, tls.stats().timedOut());

        runHeldSteps(); // the step sees its link gone and does nothing; the loop then leaves it
        assertFalse(alice.peer.transport.readInterest || alice.peer.transport.writeInterest,
                "a link closed while its step was away wants nothing when the step comes back");
        assertEquals(1, tls.stats().timedOut(), "counted once");
        assertEquals(0, tls.stats().failed());
    }

    @Test
    void garbageAndPlainIrcOnTheTlsPortEndTheConnectionAndAreCounted() {
        ChatHarness.Peer bob = harness.irc("bob");
        byte[] random = new byte[2_000];
        new Random(16).nextBytes(random);
        ChatHarness.Peer garbage = harness.connect("127.0.0.1", tls::wrap).sendRaw(random);
        ChatHarness.Peer plain = harness.connect("127.0.0.1", tls::wrap)
                .sendRaw("NICK x\r\nUSER x 0 * :x\r\n".getBytes(StandardCharsets.US_ASCII));
        harness.settle();
        assertTrue(garbage.isClosed());
        assertTrue(plain.isClosed());
        assertEquals(2, tls.stats().failed());
        assertEquals(List.of(":test.server PONG test.server still-here"), bob.ask("PING still-here"));
    }

    @Test
    void aClientThatDoesNotTrustTheCertificateFailsAndIsCounted() throws Exception {
        ServerIdentity other = SelfSignedCertificate.generate("someone.else");
        MemoryTlsClient wary = tlsClient(TlsTestContexts.trusting(other.certificate()));
        try {
            wary.handshake();
        } catch (RuntimeException expected) {
            // The client refuses the certificate and hangs up.
        }
        assertFalse(wary.peer.isClosed(), "the server cannot know before the client goes");
        wary.peer.hangUp();
        assertTrue(wary.peer.isClosed());
        assertEquals(1, tls.stats().failed());
    }
}
