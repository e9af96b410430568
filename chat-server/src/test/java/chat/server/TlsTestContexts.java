package chat.server;

import chat.server.tls.ServerIdentity;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** Client-side TLS contexts for tests: trusting exactly the server certificates given, with or without a client certificate. */
public final class TlsTestContexts {
    private static final char[] NO_PASSWORD = new char[0];

    private TlsTestContexts() {
    }

    /** Trusts only {@code serverCertificates}: a handshake with any other certificate fails. */
    public static SSLContext trusting(X509Certificate... serverCertificates) {
        return context(null, serverCertificates);
    }

    /** As {@link #trusting}, presenting {@code client}'s certificate when the server asks for one. */
    public static SSLContext withClientCertificate(ServerIdentity client, X509Certificate... serverCertificates) {
        return context(client, serverCertificates);
    }

    private static SSLContext context(ServerIdentity client, X509Certificate... serverCertificates) {
        try {
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            for (int i = 0; i < serverCertificates.length; i++) {
                trusted.setCertificateEntry("server" + i, serverCertificates[i]);
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            KeyManager[] keys = null;
            if (client != null) {
                KeyStore own = KeyStore.getInstance("PKCS12");
                own.load(null, null);
                own.setKeyEntry("client", client.key(), NO_PASSWORD, client.chain());
                KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                factory.init(own, NO_PASSWORD);
                keys = factory.getKeyManagers();
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot make a test TLS context", e);
        }
    }
}
