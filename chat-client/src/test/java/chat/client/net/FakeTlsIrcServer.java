package chat.client.net;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLServerSocket;

/**
 * The smallest TLS IRC server a test needs: the JDK's SSLServerSocket on 127.0.0.1 with a
 * {@link TestCertificate}; it greets each client with a NOTICE, welcomes it on USER and records
 * every line it reads. Blocking I/O, a thread per client.
 */
public final class FakeTlsIrcServer implements AutoCloseable {
    private final SSLServerSocket listener;
    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    private volatile int handshakes;
    /** Lines sent at once after the welcome, to see that every one comes through. */
    volatile int burstLines;
    /** The certificate the last client presented (asked for when made with client certificates on). */
    volatile java.security.cert.Certificate clientCertificate;

    public FakeTlsIrcServer(TestCertificate certificate) throws Exception {
        this(certificate, false);
    }

    /** With wantClientCertificate, clients are asked for a certificate (any is taken) as for SASL EXTERNAL. */
    public FakeTlsIrcServer(TestCertificate certificate, boolean wantClientCertificate) throws Exception {
        listener = (SSLServerSocket) certificate.serverContext(wantClientCertificate).getServerSocketFactory()
                .createServerSocket();
        listener.setWantClientAuth(wantClientCertificate);
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Thread acceptor = new Thread(this::acceptLoop, "fake-tls-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** Connections that completed the TLS handshake (and so saw the client accept the certificate). */
    public int handshakes() {
        return handshakes;
    }

    /** The next line a client sent, or null after the timeout. */
    public String nextLine(long seconds) throws InterruptedException {
        return received.poll(seconds, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket socket = listener.accept();
                Thread reader = new Thread(() -> serve(socket), "fake-tls-client");
                reader.setDaemon(true);
                reader.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket; BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                StandardCharsets.UTF_8))) {
            OutputStream out = socket.getOutputStream();
            javax.net.ssl.SSLSession session = ((javax.net.ssl.SSLSocket) socket).getSession();
            try {
                clientCertificate = session.getPeerCertificates()[0];
            } catch (javax.net.ssl.SSLPeerUnverifiedException none) {
                clientCertificate = null;
            }
            out.write(":fake.tls NOTICE * :*** hello over TLS\r\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            handshakes++;
            String line;
            while ((line = in.readLine()) != null) {
                received.add(line);
                if (line.startsWith("USER ")) {
                    out.write(":fake.tls 001 me :Welcome\r\n".getBytes(StandardCharsets.UTF_8));
                    StringBuilder burst = new StringBuilder();
                    for (int i = 0; i < burstLines; i++) {
                        burst.append(":bob!b@h PRIVMSG #lobby :line ").append(i).append(" ").append("x".repeat(100)).append("\r\n");
                    }
                    out.write(burst.toString().getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
                if (line.startsWith("PING ")) {
                    out.write((":fake.tls PONG fake.tls :" + line.substring(line.indexOf(' ') + 1) + "\r\n")
                            .getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
            }
        } catch (IOException gone) {
            // the client refused our certificate or went away
        }
    }
}
