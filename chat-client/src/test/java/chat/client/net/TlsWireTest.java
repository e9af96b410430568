package chat.client.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import chat.protocol.IrcMessage;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The SSLEngine wrapper under load and with a client certificate, against a real TLS server. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TlsWireTest {
    @TempDir
    Path dir;

    private static final class Counting implements NetworkListener {
        final AtomicInteger chat = new AtomicInteger();
        final CountDownLatch connected = new CountDownLatch(1);
        final CountDownLatch all;
        NetworkLoop loop;

        Counting(int expected) {
            all = new CountDownLatch(expected);
        }

        @Override
        public void connected() {
            loop.sendNow(IrcMessage.of("NICK", "me"));
            loop.sendNow(IrcMessage.of("USER", "me", "0", "*", "me"));
            connected.countDown();
        }

        @Override
        public void received(IrcMessage message) {
            if (message.command().equals("PRIVMSG") && message.lastParam().startsWith("line " + chat.get() + " ")) {
                chat.incrementAndGet();
                all.countDown();
            }
        }

        @Override
        public void lost(String reason, boolean wasUp, long retryInMillis) {
        }

        @Override
        public void unreadable(String what) {
        }

        @Override
        public void failed(String reason) {
            throw new AssertionError(reason);
        }
    }

    private NetworkLoop start(FakeTlsIrcServer server, Counting listener, TlsOptions options) throws Exception {
        NetworkLoop loop = new NetworkLoop(new InetSocketAddress("127.0.0.1", server.port()), listener,
                new ReconnectBackoff(10, 10, 1000, bound -> 0), new SendPacer(5, 0), false, options, null);
        listener.loop = loop;
        Thread thread = new Thread(loop, "test-network");
        thread.setDaemon(true);
        thread.start();
        return loop;
    }

    @Test
    void manyRecordsArrivingAtOnceAreAllDeliveredInOrder() throws Exception {
        TestCertificate certificate = TestCertificate.generate(dir, "localhost");
        try (FakeTlsIrcServer server = new FakeTlsIrcServer(certificate)) {
            server.burstLines = 20_000; // about 2.5 MB: many records, several per read, decrypted ahead of the decoder
            Counting listener = new Counting(20_000);
            NetworkLoop loop = start(server, listener, new TlsOptions(certificate.fingerprint(),
                    new KnownServers(dir.resolve("known")), null, null));
            listener.all.await(40, TimeUnit.SECONDS);
            assertEquals(20_000, listener.chat.get());
            loop.abort(0);
        }
    }

    @Test
    void aClientCertificateFromPemFilesIsPresented() throws Exception {
        TestCertificate serverCertificate = TestCertificate.generate(dir, "localhost");
        TestCertificate mine = TestCertificate.generate(dir, "alice");
        Path certificateFile = dir.resolve("alice.crt");
        Path keyFile = dir.resolve("alice.key");
        mine.writePem(certificateFile, keyFile);
        try (FakeTlsIrcServer server = new FakeTlsIrcServer(serverCertificate, true)) {
            Counting listener = new Counting(0);
            NetworkLoop loop = start(server, listener, new TlsOptions(serverCertificate.fingerprint(),
                    new KnownServers(dir.resolve("known")), certificateFile, keyFile));
            listener.connected.await(20, TimeUnit.SECONDS);
            assertEquals("NICK me", server.nextLine(20));
            assertEquals(mine.certificate(), server.clientCertificate);
            loop.abort(0);
        }
    }
}
