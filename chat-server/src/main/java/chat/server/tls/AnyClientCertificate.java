package chat.server.tls;

import java.net.Socket;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Accepts any client certificate, self-signed included. On IRC a client certificate is a key the
 * user made, not one a CA vouches for: what identifies the user is its fingerprint, which SASL
 * EXTERNAL compares with the one registered for the account. The TLS handshake still proves the
 * client holds the certificate's private key. Never used for server certificates.
 */
final class AnyClientCertificate extends X509ExtendedTrustManager {
    private static final X509Certificate[] NONE = new X509Certificate[0];

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {
        throw new UnsupportedOperationException("the server does not check servers");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        throw new UnsupportedOperationException("the server does not check servers");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        throw new UnsupportedOperationException("the server does not check servers");
    }

    /** No names of authorities in the certificate request: the client may send any certificate. */
    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return NONE;
    }
}
