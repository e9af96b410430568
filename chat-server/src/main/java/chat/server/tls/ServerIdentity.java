package chat.server.tls;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * The server's certificate chain and private key, checked to belong together, and the TLS
 * context that presents them. Immutable: a reload makes a new one.
 *
 * @param chain the server's certificate first, then any intermediates
 */
public record ServerIdentity(X509Certificate[] chain, PrivateKey key) {
    /**
     * No session resumption. A TLS 1.3 ticket cost every connection about 700 bytes of heap for its
     * whole life (the JDK keeps the NewSessionTicket it sent in the connection's transcript buffer,
     * 12 % of an idle TLS connection's heap) and a ticket's encryption per handshake, to save a
     * client that reconnects to the same running server one key exchange (a millisecond of a
     * handshake thread); chat connections last hours, and the ticket keys die with the process.
     * The JDK has no switch for "no tickets" before JDK 21, but it issues none (TLS 1.3 or 1.2)
     * when the session lifetime is over the 7 days RFC 8446 allows a ticket
     * ({@code TlsTest.theServerSendsNoSessionTicket} holds it to that). The one-entry cache keeps
     * what a TLS 1.2 handshake still puts there from growing with the clients.
     */
    private static final int SESSION_CACHE_SIZE = 1;
    private static final int SESSION_TIMEOUT_SECONDS = 7 * 24 * 3600 + 1;
    private static final char[] NO_PASSWORD = new char[0];

    /** @throws IllegalArgumentException when the key does not belong to the first certificate */
    public ServerIdentity {
        if (chain.length == 0) {
            throw new IllegalArgumentException("no certificate");
        }
        chain = chain.clone();
        if (!matches(chain[0], key)) {
            throw new IllegalArgumentException("the private key does not belong to the certificate ("
                    + chain[0].getSubjectX500Principal().getName() + ")");
        }
    }

    public X509Certificate certificate() {
        return chain[0];
    }

    /** SHA-256 of the certificate as openssl shows it: {@code SHA256:AB:CD:...}. */
    public String fingerprint() {
        return fingerprint(certificate());
    }

    public static String fingerprint(X509Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return "SHA256:" + HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot hash the certificate", e);
        }
    }

    /** A TLS context presenting this identity; client certificates are taken as given (see {@link AnyClientCertificate}). */
    public SSLContext sslContext() throws GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try {
            store.load(null, null);
        } catch (java.io.IOException impossible) {
            throw new GeneralSecurityException(impossible);
        }
        store.setKeyEntry("server", key, NO_PASSWORD, chain);
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, NO_PASSWORD);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), new javax.net.ssl.TrustManager[] {new AnyClientCertificate()}, null);
        context.getServerSessionContext().setSessionCacheSize(SESSION_CACHE_SIZE);
        context.getServerSessionContext().setSessionTimeout(SESSION_TIMEOUT_SECONDS);
        return context;
    }

    /** Signs a few bytes with the key and checks them with the certificate's public key. */
    private static boolean matches(X509Certificate certificate, PrivateKey key) {
        String algorithm = switch (key.getAlgorithm().toUpperCase(Locale.ROOT)) {
            case "RSA" -> "SHA256withRSA";
            case "EC", "ECDSA" -> "SHA256withECDSA";
            case "ED25519", "EDDSA" -> "Ed25519";
            default -> null;
        };
        if (algorithm == null) {
            throw new IllegalArgumentException("unsupported key type " + key.getAlgorithm() + " (use RSA or EC)");
        }
        try {
            byte[] probe = "chat-server key check".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false; // a key of another type than the certificate's
        }
    }
}
