package chat.server.tls;

/**
 * The signature schemes the server's TLS offers and accepts, set once for the JVM before any TLS
 * class reads them (the JDK reads {@code jdk.tls.server.SignatureSchemes} when its TLS
 * configuration class loads, so {@code ServerMain.main} calls this first).
 *
 * <p>Why: every TLS session keeps the server's list of schemes, and with the JDK's default of
 * about twenty (SHA-1, SHA-224, DSA included) that list was 14 linked-list nodes, about 400 B of
 * every idle connection's 5.9 KB of live heap. These six cover the certificates a chat server and
 * its clients use: EC P-256 and P-384 (the self-signed certificate is P-256), Ed25519, and RSA
 * (PSS for TLS 1.3, PKCS#1 v1.5 for TLS 1.2). A client certificate with another key (P-521,
 * RSASSA-PSS only, Ed448) cannot complete the handshake. An operator who needs more sets the
 * property on the command line ({@code JAVA_OPTS=-Djdk.tls.server.SignatureSchemes=...}); it is
 * then left alone.
 */
public final class SignatureSchemes {
    public static final String PROPERTY = "jdk.tls.server.SignatureSchemes";
    public static final String CHOSEN = "ecdsa_secp256r1_sha256,ecdsa_secp384r1_sha384,ed25519,"
            + "rsa_pss_rsae_sha256,rsa_pss_rsae_sha384,rsa_pkcs1_sha256";

    private SignatureSchemes() {
    }

    /** Sets {@link #CHOSEN} unless the property was given. */
    public static void chooseUnlessGiven() {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, CHOSEN);
        }
    }
}
