package chat.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.server.TestClient;
import chat.server.TestServer;
import chat.server.TlsTestContexts;
import chat.server.tls.SelfSignedCertificate;
import chat.server.tls.ServerIdentity;
import chat.server.tls.TlsConfig;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The TLS port over real sockets, with the JDK's SSLSocket as the client: chat between TLS and
 * plain users, a certificate reload that drops nobody, garbage and stalls on the TLS port that
 * cost the others nothing, the sts policy, and --tls-only.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TlsTest {
    @TempDir
    Path dataDir;

    private ItServer start(TlsConfig tls) throws IOException {
        TestServer.Settings settings = new TestServer.Settings();
        settings.tls = tls;
        return ItServer.start(settings);
    }

    private static X509Certificate presented(ItServer server) {
        return server.server.tlsCertificates().identity().certificate();
    }

    @Test
    void twoClientsChatOverTlsBesideAPlainOneAndWhoisSaysWhoIsSecure() throws Exception {
        try (ItServer server = start(TlsConfig.on(0, dataDir))) {
            SSLContext trusting = TlsTestContexts.trusting(presented(server));
            try (TestClient alice = TestClient.tls(server.tlsPort(), trusting);
                    TestClient bob = TestClient.tls(server.tlsPort(), trusting);
                    TestClient carol = TestClient.inRoom(server.port(), "carol", "#lobby")) {
                assertEquals(server.server.tlsFingerprint(),
                        chat.server.tls.ServerIdentity.fingerprint((X509Certificate) alice.tlsSession().getPeerCertificates()[0]));
                assertTrue(Files.exists(dataDir.resolve(TlsConfig.CERT_FILE_NAME)), "made in the data directory");
                for (TestClient client : List.of(alice, bob)) {
                    client.register(client == alice ? "alice" : "bob");
                    client.send("JOIN #lobby");
                    client.expect(line -> line.contains(" 366 "));
                }
                alice.send("PRIVMSG #lobby :hello over TLS");
                bob.expectContaining(":alice!alice@127.0.0.1 PRIVMSG #lobby :hello over TLS");
                carol.expectContaining(":alice!alice@127.0.0.1 PRIVMSG #lobby :hello over TLS");
                carol.send("PRIVMSG #lobby :and back in plain text");
                alice.expectContaining("PRIVMSG #lobby :and back in plain text");
                bob.expectContaining("PRIVMSG #lobby :and back in plain text");

                List<String> aboutAlice = carol.ask("WHOIS alice");
                assertTrue(aboutAlice.contains(":test.server 671 carol alice :is using a secure connection"),
                        aboutAlice::toString);
                assertFalse(alice.ask("WHOIS carol").stream().anyMatch(line -> line.contains(" 671 ")));
                assertEquals(new ItServer.TlsStats(2, 0, 0), server.tlsStats());
            }
        }
    }

    /**
     * No session ticket: after the handshake, every record the server sends carries chat lines.
     * A TLS 1.3 NewSessionTicket would be a record that decrypts to nothing, sent right after the
     * client's Finished, so before the welcome.
     */
    @Test
    void theServerSendsNoSessionTicket() throws Exception {
        try (ItServer server = start(TlsConfig.on(0, dataDir));
                SocketChannel socket = SocketChannel.open(new InetSocketAddress("127.0.0.1", server.tlsPort()))) {
            SSLEngine engine = TlsTestContexts.trusting(presented(server)).createSSLEngine();
            engine.setUseClientMode(true);
            RecordCounter records = new RecordCounter(socket, engine);
            records.handshake();
            records.send("NICK alice\r\nUSER alice 0 * :Alice\r\n");

            String welcome = records.readUntil(" 001 alice ");

            assertTrue(welcome.contains("Welcome"), welcome);
            assertEquals(0, records.emptyRecords, "records after the handshake that carried no chat line");
        }
    }

    /** A blocking SSLEngine client that unwraps one record at a time and counts those with no data in them. */
    private static final class RecordCounter {
        private final SocketChannel socket;
        private final SSLEngine engine;
        private final ByteBuffer netIn;
        private final ByteBuffer plainIn;
        private final ByteBuffer netOut;
        int emptyRecords;

        RecordCounter(SocketChannel socket, SSLEngine engine) {
            this.socket = socket;
            this.engine = engine;
            netIn = ByteBuffer.allocate(engine.getSession().getPacketBufferSize()).flip();
            plainIn = ByteBuffer.allocate(engine.getSession().getApplicationBufferSize());
            netOut = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
        }

        void handshake() throws IOException {
            engine.beginHandshake();
            while (true) {
                switch (engine.getHandshakeStatus()) {
                    case NEED_WRAP -> wrap(ByteBuffer.allocate(0));
                    case NEED_UNWRAP, NEED_UNWRAP_AGAIN -> unwrapOne();
                    case NEED_TASK -> engine.getDelegatedTask().run();
                    default -> {
                        return;
                    }
                }
            }
        }

        void send(String line) throws IOException {
            wrap(ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8)));
        }

        String readUntil(String wanted) throws IOException {
            StringBuilder text = new StringBuilder();
            while (!text.toString().contains(wanted)) {
                plainIn.clear();
                unwrapOne();
                if (plainIn.position() == 0) {
                    emptyRecords++;
                }
                text.append(new String(plainIn.array(), 0, plainIn.position(), StandardCharsets.UTF_8));
            }
            return text.toString();
        }

        private void wrap(ByteBuffer plain) throws IOException {
            netOut.clear();
            engine.wrap(plain, netOut);
            netOut.flip();
            while (netOut.hasRemaining()) {
                socket.write(netOut);
            }
        }

        /** Exactly one record: the engine is given no more than the next record's bytes. */
        private void unwrapOne() throws IOException {
            while (true) {
                if (netIn.remaining() >= 5) {
                    int length = 5 + ((netIn.get(netIn.position() + 3) & 0xff) << 8 | netIn.get(netIn.position() + 4) & 0xff);
                    if (netIn.remaining() >= length) {
                        ByteBuffer record = netIn.slice(netIn.position(), length);
                        engine.unwrap(record, plainIn);
                        netIn.position(netIn.position() + length);
                        return;
                    }
                }
                netIn.compact();
                if (socket.read(netIn) < 0) {
                    throw new EOFException("the server closed the connection");
                }
                netIn.flip();
            }
        }
    }

    @Test
    void aReloadedCertificateIsPresentedToNewHandshakesWhileRunningSessionsKeepChatting() throws Exception {
        Path cert = dataDir.resolve("own-cert.pem");
        Path key = dataDir.resolve("own-key.pem");
        ServerIdentity first = SelfSignedCertificate.generate("first.test");
        ServerIdentity second = SelfSignedCertificate.generate("second.test");
        SelfSignedCertificate.write(first, cert, key);
        try (ItServer server = start(TlsConfig.on(0, dataDir).withCertificate(cert, key));
                TestClient alice = TestClient.tls(server.tlsPort(), TlsTestContexts.trusting(first.certificate()));
                TestClient bob = TestClient.inRoom(server.port(), "bob", "#lobby")) {
            assertEquals(first.fingerprint(), server.server.tlsFingerprint());
            alice.register("alice");
            alice.send("JOIN #lobby");
            alice.expect(line -> line.contains(" 366 "));

            SelfSignedCertificate.write(second, cert, key);
            String reloaded = server.console("/reload", "reloaded");
            assertTrue(reloaded.contains("new handshakes present " + second.fingerprint()), reloaded);

            alice.send("PRIVMSG #lobby :still here after the reload");
            bob.expectContaining("PRIVMSG #lobby :still here after the reload");
            bob.send("PRIVMSG #lobby :welcome back");
            alice.expectContaining("PRIVMSG #lobby :welcome back");

            try (TestClient carol = TestClient.tls(server.tlsPort(), TlsTestContexts.trusting(second.certificate()))) {
                assertEquals(second.certificate(), carol.tlsSession().getPeerCertificates()[0]);
                carol.register("carol");
            }
            assertThrows(SSLHandshakeException.class,
                    () -> TestClient.tls(server.tlsPort(), TlsTestContexts.trusting(first.certificate())).close(),
                    "the old certificate is no longer presented");

            Files.writeString(cert, "-----BEGIN CERTIFICATE-----\nnot base64 at all\n-----END CERTIFICATE-----\n");
            String refused = server.console("/reload", "reloaded");
            assertTrue(refused.contains("NOT reloaded") && refused.contains(second.fingerprint()), refused);
            try (TestClient dave = TestClient.tls(server.tlsPort(), TlsTestContexts.trusting(second.certificate()))) {
                dave.register("dave");
            }
            alice.send("PRIVMSG #lobby :through it all");
            bob.expectContaining("PRIVMSG #lobby :through it all");
        }
    }

    @Test
    void garbageOrPlainIrcOnTheTlsPortIsDroppedAndCountedWhileOthersChatOn() throws Exception {
        try (ItServer server = start(TlsConfig.on(0, dataDir));
                TestClient alice = TestClient.tls(server.tlsPort(), TlsTestContexts.trusting(presented(server)));
                Socket garbage = raw(server.tlsPort());
                Socket plainIrc = raw(server.tlsPort())) {
            alice.register("alice");
            byte[] random = new byte[4_096];
            new Random(16).nextBytes(random);
            random[0] = 0x16; // looks like a handshake record for its first byte, then nonsense
            garbage.getOutputStream().write(random);
            plainIrc.getOutputStream().write("NICK mallory\r\nUSER m 0 * :m\r\n".getBytes(StandardCharsets.US_ASCII));
            assertClosedByServer(garbage);
            assertClosedByServer(plainIrc);
            assertEquals(List.of(":test.server PONG test.server still-here"), alice.ask("PING still-here"));
            assertEquals(new ItServer.TlsStats(1, 2, 0), server.tlsStats());
        }
    }

    @Test
    void aStalledHandshakeIsDroppedAtItsDeadlineAndTheOthersDoNotNotice() throws Exception {
        // 2 s, not less: alice's own first handshake (cold crypto code) must fit in it on a loaded machine.
        try (ItServer server = start(TlsConfig.on(0, dataDir).withHandshakeTimeoutMillis(2_000));
                Socket silent = raw(server.tlsPort());
                Socket halfway = raw(server.tlsPort());
                TestClient alice = TestClient.tls(server.tlsPort(), TlsTestContexts.trusting(presented(server)))) {
            alice.register("alice");
            halfway.getOutputStream().write(new byte[] {0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00}); // a ClientHello's start
            long start = System.nanoTime();
            assertClosedByServer(silent);
            assertClosedByServer(halfway);
            assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(8), "dropped near the deadline");
            assertEquals(List.of(":test.server PONG test.server fine"), alice.ask("PING fine"));
            assertEquals(new ItServer.TlsStats(1, 0, 2), server.tlsStats());
        }
    }

    @Test
    void thePlainPortAdvertisesTheTlsPortAndTheTlsPortHowLongToStay() throws Exception {
        try (ItServer server = start(TlsConfig.on(0, dataDir));
                TestClient plain = new TestClient(server.port());
                TestClient secure = TestClient.tls(server.tlsPort(), TlsTestContexts.trusting(presented(server)))) {
            plain.send("CAP LS 302");
            String ls = plain.expect(line -> line.contains(" CAP * LS "));
            assertTrue(ls.endsWith(" sts=port=" + server.tlsPort()) || ls.contains(" sts=port=" + server.tlsPort() + " "), ls);
            assertEquals(List.of(":test.server CAP * NAK sts"), plain.ask("CAP REQ :sts"), "never requested (the spec)");
            secure.send("CAP LS 302");
            String secureLs = secure.expect(line -> line.contains(" CAP * LS "));
            assertTrue(secureLs.contains(" sts=duration=" + TlsConfig.DEFAULT_STS_DURATION_SECONDS), secureLs);
            assertFalse(secureLs.contains("port="), secureLs);
        }
        try (ItServer server = ItServer.start(); TestClient plain = new TestClient(server.port())) {
            plain.send("CAP LS 302");
            assertFalse(plain.expect(line -> line.contains(" CAP * LS ")).contains("sts"), "no TLS, no policy");
        }
    }

    @Test
    void tlsOnlyRefusesIrcOnThePlainPortSayingWhereToGoButKeepsLocalPlainTextUsers() throws Exception {
        try (ItServer server = start(TlsConfig.on(0, dataDir).withTlsOnly(true));
                TestClient irc = new TestClient(server.port());
                TestClient secure = TestClient.tls(server.tlsPort(), TlsTestContexts.trusting(presented(server)))) {
            irc.send("CAP LS 302");
            assertTrue(irc.expect(line -> line.contains(" CAP * LS ")).contains("sts=port=" + server.tlsPort()),
                    "an sts-aware client learns where to go before it registers");
            irc.send("NICK alice");
            String error = irc.expect(line -> line.startsWith("ERROR"));
            assertTrue(error.contains("only over TLS") && error.contains("port " + server.tlsPort()), error);
            irc.readUntilClosed();

            secure.register("alice");
            try (TestClient local = TestClient.plain(server.port(), "bob")) {
                secure.send("PRIVMSG bob :hi from TLS");
                local.expectContaining("hi from TLS");
            }
        }
    }

    private static Socket raw(int port) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        socket.setSoTimeout(10_000);
        return socket;
    }

    /** Reads until the server ends the connection (end of stream or a reset); fails on a read timeout. */
    private static void assertClosedByServer(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[4_096];
        try {
            while (in.read(buffer) >= 0) {
                // A TLS alert may come first; the end is what counts.
            }
        } catch (java.net.SocketException reset) {
            // Closed with unread input: a reset is the end too.
        }
    }

    /**
     * SASL EXTERNAL end to end: a client certificate whose fingerprint the operator added to an
     * account logs in over the TLS port; another certificate, or none, does not.
     */
    @Test
    void aRegisteredClientCertificateLogsInWithSaslExternal() throws Exception {
        try (ItServer server = start(TlsConfig.on(0, dataDir))) {
            ServerIdentity aliceCertificate = SelfSignedCertificate.generate("alice");
            ServerIdentity stranger = SelfSignedCertificate.generate("mallory");
            assertTrue(server.console("/account add alice alice-password", "account alice").contains("added"));
            assertTrue(server.console("/account cert alice add " + ServerIdentity.fingerprint(aliceCertificate.certificate()),
                    "certificate").contains("may log in with SASL EXTERNAL"));
            for (ServerIdentity who : new ServerIdentity[] {aliceCertificate, stranger, null}) {
                SSLContext context = who == null ? TlsTestContexts.trusting(presented(server))
                        : TlsTestContexts.withClientCertificate(who, presented(server));
                try (TestClient client = TestClient.tls(server.tlsPort(), context)) {
                    client.send("CAP LS 302");
                    client.send("NICK " + (who == aliceCertificate ? "alice" : "guest"));
                    client.send("USER u 0 * :u");
                    client.send("CAP REQ sasl");
                    client.send("AUTHENTICATE EXTERNAL");
                    client.expectContaining("AUTHENTICATE +");
                    client.send("AUTHENTICATE +");
                    String answer = client.expect(line -> line.contains(" 903 ") || line.contains(" 904 "));
                    if (who == aliceCertificate) {
                        assertTrue(answer.contains(" 903 "), answer);
                        client.send("CAP END");
                        client.expectContaining(" 001 alice ");
                        List<String> whois = client.ask("WHOIS alice");
                        assertTrue(whois.stream().anyMatch(l -> l.contains(" 330 alice alice alice ")), whois::toString);
                        assertTrue(whois.stream().anyMatch(l -> l.contains(" 671 alice alice ")), whois::toString);
                    } else {
                        assertTrue(answer.contains(who == null ? "no TLS client certificate"
                                : "this certificate is not registered to an account"), answer);
                    }
                }
            }
        }
    }
}
