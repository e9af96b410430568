package chat.client.net;

import java.io.IOException;
import java.nio.channels.SocketChannel;
import java.security.GeneralSecurityException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;

/**
 * TLS for each connection to one server: a fresh context per connection (so no session is resumed
 * past the certificate check: every reconnect is checked as the first connection was), an engine in
 * client mode that sends the host name (SNI) and checks it against the certificate (HTTPS rules),
 * and the {@link ServerTrust} that decides, whose verdict stays readable after a failed handshake.
 */
final class TlsLinks implements LinkSecurity {
    private final String host;
    private final int port;
    private final TlsOptions options;
    /** Accepted by the user in this run (also saved), so a reconnect trusts them even if saving failed. */
    private final Set<Fingerprint> acceptedNow = ConcurrentHashMap.newKeySet();
    private KeyManager[] clientKeys;
    private ServerTrust lastTrust;

    TlsLinks(String host, int port, TlsOptions options) {
        this.host = host;
        this.port = port;
        this.options = options;
    }

    String hostPort() {
        return KnownServers.key(host, port);
    }

    TlsOptions options() {
        return options;
    }

    /** The user accepted this certificate (trust on first use): saved, and trusted from now on. */
    void accept(Fingerprint fingerprint) throws IOException {
        acceptedNow.add(fingerprint);
        options.knownServers().remember(hostPort(), fingerprint);
    }

    @Override
    public Wire wrap(SocketChannel channel) throws IOException {
        lastTrust = new ServerTrust(hostPort(), options.pinned(), options.knownServers(), acceptedNow);
        try {
            if (clientKeys == null && options.hasClientCertificate()) {
                clientKeys = ClientCertificate.keyManagers(options.clientCertificate(), options.clientKey());
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(clientKeys, new TrustManager[] {lastTrust}, null);
            SSLEngine engine = context.createSSLEngine(host, port);
            engine.setUseClientMode(true);
            SSLParameters parameters = engine.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            engine.setSSLParameters(parameters);
            return new TlsWire(channel, engine);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot set up TLS: " + e.getMessage(), e);
        }
    }

    @Override
    public ServerTrust.Verdict verdict() {
        return lastTrust == null ? null : lastTrust.verdict();
    }
}
