package chat.client.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.protocol.IrcMessage;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client's network loop against a real TLS server with a self-signed certificate, over
 * 127.0.0.1: trust on first use (asked, saved, used again), a changed certificate refused, a pinned
 * fingerprint used without asking, and no terminal to ask on.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TlsTrustTest {
    @TempDir
    static Path certificates;
    @TempDir
    Path config;

    private static TestCertificate certificate;
    private static FakeTlsIrcServer server;

    @BeforeAll
    static void startServer() throws Exception {
        certificate = TestCertificate.generate(certificates, "localhost");
        server = new FakeTlsIrcServer(certificate);
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    /** What the loop reported, in order, as text. */
    private static final class Events implements NetworkListener {
        final BlockingQueue<String> events = new LinkedBlockingQueue<>();
        NetworkLoop loop;

        @Override
        public void connected() {
            events.add("connected");
            loop.sendNow(IrcMessage.of("NICK", "me"));
            loop.sendNow(IrcMessage.of("USER", "me", "0", "*", "me"));
        }

        @Override
        public void received(IrcMessage message) {
            events.add("received " + message);
        }

        @Override
        public void lost(String reason, boolean wasUp, long retryInMillis) {
            events.add("lost " + reason);
        }

        @Override
        public void unreadable(String what) {
            events.add("unreadable " + what);
        }

        @Override
        public void failed(String reason) {
            events.add("failed " + reason);
        }

        String next() throws InterruptedException {
            String event = events.poll(20, TimeUnit.SECONDS);
            if (event == null) {
                throw new AssertionError("the network loop reported nothing");
            }
            return event;
        }
    }

    /** Answers every question with this and remembers what it was asked. */
    private static final class Answering implements CertificateQuestion {
        final boolean answer;
        final List<ServerTrust.Unknown> asked = new java.util.concurrent.CopyOnWriteArrayList<>();

        Answering(boolean answer) {
            this.answer = answer;
        }

        @Override
        public void ask(ServerTrust.Unknown unknown, Consumer<Boolean> decide) {
            asked.add(unknown);
            new Thread(() -> decide.accept(answer)).start(); // as the console thread would, later
        }

        @Override
        public void notSaved(Path file, String why) {
            throw new AssertionError("not saved: " + why);
        }
    }

    private Path knownFile() {
        return config.resolve("chat").resolve("known_servers");
    }

    private NetworkLoop start(Events events, Fingerprint pinned, CertificateQuestion question) throws Exception {
        TlsOptions options = new TlsOptions(pinned, new KnownServers(knownFile()), null, null);
        NetworkLoop loop = new NetworkLoop(new InetSocketAddress("localhost", server.port()), events,
                new ReconnectBackoff(10, 10, 1000, bound -> 0), new SendPacer(5, 0), false, options, question);
        events.loop = loop;
        Thread thread = new Thread(loop, "test-network");
        thread.setDaemon(true);
        thread.start();
        return loop;
    }

    private String hostPort() {
        return "localhost:" + server.port();
    }

    @Test
    void anUnknownCertificateIsAskedAboutSavedWhenAcceptedAndNotAskedAboutAgain() throws Exception {
        Events events = new Events();
        Answering yes = new Answering(true);
        NetworkLoop loop = start(events, null, yes);
        assertEquals("connected", events.next());
        assertEquals("received :fake.tls NOTICE * :*** hello over TLS", events.next());
        assertEquals("received :fake.tls 001 me Welcome", events.next());
        assertEquals(1, yes.asked.size());
        assertEquals(certificate.fingerprint(), yes.asked.get(0).fingerprint());
        assertEquals("it is self-signed", yes.asked.get(0).why());
        assertEquals(List.of(hostPort() + " " + certificate.fingerprint()), Files.readAllLines(knownFile()));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(knownFile())));
        loop.abort(0);
        assertEquals(0, loop.finished().get(10, TimeUnit.SECONDS));

        Events again = new Events();
        Answering nobody = new Answering(false);
        NetworkLoop second = start(again, null, nobody);
        assertEquals("connected", again.next());
        assertEquals(List.of(), nobody.asked, "a saved fingerprint is trusted without asking");
        second.abort(0);
    }

    @Test
    void aChangedCertificateStopsTheConnectionAndSaysHowToRemoveTheOldEntry() throws Exception {
        new KnownServers(knownFile()).remember(hostPort(), Fingerprint.parse("ab".repeat(32)));
        Events events = new Events();
        Answering yes = new Answering(true);
        NetworkLoop loop = start(events, null, yes);
        String failed = events.next();
        assertTrue(failed.startsWith("failed THE CERTIFICATE OF " + hostPort() + " HAS CHANGED"), failed);
        assertTrue(failed.contains("presented: " + certificate.fingerprint()), failed);
        assertTrue(failed.contains("sed -i '/^" + hostPort() + " /d' " + knownFile()), failed);
        assertEquals(1, loop.finished().get(10, TimeUnit.SECONDS));
        assertEquals(List.of(), yes.asked, "a change is never simply asked about");
    }

    @Test
    void aPinnedFingerprintIsTrustedWithoutAskingOrSaving() throws Exception {
        Events events = new Events();
        Answering nobody = new Answering(false);
        NetworkLoop loop = start(events, Fingerprint.parse(certificate.fingerprint().toString().toLowerCase()
                .replace("sha256:", "").replace(":", "")), nobody);
        assertEquals("connected", events.next());
        assertEquals(List.of(), nobody.asked);
        assertTrue(Files.notExists(knownFile()));
        loop.abort(0);
    }

    @Test
    void aWrongPinIsRefusedLoudly() throws Exception {
        Events events = new Events();
        NetworkLoop loop = start(events, Fingerprint.parse("SHA256:" + "01:".repeat(31) + "01"), new Answering(true));
        String failed = events.next();
        assertTrue(failed.startsWith("failed THE CERTIFICATE OF " + hostPort() + " IS NOT THE ONE YOU PINNED"), failed);
        assertEquals(1, loop.finished().get(10, TimeUnit.SECONDS));
    }

    @Test
    void withoutATerminalAnUnknownCertificateIsRefusedWithTheWayToAcceptIt() throws Exception {
        Events events = new Events();
        NetworkLoop loop = start(events, null, null);
        String failed = events.next();
        assertTrue(failed.contains("--tls-fingerprint " + certificate.fingerprint()), failed);
        assertEquals(1, loop.finished().get(10, TimeUnit.SECONDS));
        assertTrue(Files.notExists(knownFile()));
    }

    @Test
    void declinedMeansNotConnected() throws Exception {
        Events events = new Events();
        NetworkLoop loop = start(events, null, new Answering(false));
        String failed = events.next();
        assertTrue(failed.startsWith("failed you did not accept the certificate of " + hostPort()), failed);
        assertEquals(1, loop.finished().get(10, TimeUnit.SECONDS));
        assertNull(events.events.poll());
    }
}
