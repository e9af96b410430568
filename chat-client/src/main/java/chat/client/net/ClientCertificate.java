package chat.client.net;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Collection;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;

/**
 * A TLS client certificate from two PEM files ({@code --tls-cert}, {@code --tls-key}), shown to
 * the server so it can log us in with SASL EXTERNAL. The key must be PKCS#8 ("BEGIN PRIVATE KEY",
 * what {@code openssl genpkey} and {@code openssl req -newkey} write); RSA, EC and Ed25519 work.
 */
final class ClientCertificate {
    private static final String[] KEY_TYPES = {"RSA", "EC", "Ed25519", "EdDSA"};

    private ClientCertificate() {
    }

    static KeyManager[] keyManagers(Path certificateFile, Path keyFile) throws IOException {
        try {
            Collection<? extends Certificate> chain;
            try (InputStream in = Files.newInputStream(certificateFile)) {
                chain = CertificateFactory.getInstance("X.509").generateCertificates(in);
            }
            if (chain.isEmpty()) {
                throw new IOException(certificateFile + " holds no certificate");
            }
            PrivateKey key = privateKey(keyFile);
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            char[] none = new char[0];
            store.setKeyEntry("client", key, none, chain.toArray(new Certificate[0]));
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(store, none);
            return factory.getKeyManagers();
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot use the client certificate " + certificateFile + ": " + e.getMessage(), e);
        }
    }

    private static PrivateKey privateKey(Path keyFile) throws IOException {
        String pem = Files.readString(keyFile, StandardCharsets.US_ASCII);
        int begin = pem.indexOf("-----BEGIN PRIVATE KEY-----");
        int end = pem.indexOf("-----END PRIVATE KEY-----");
        if (begin < 0 || end < begin) {
            throw new IOException(keyFile + " is not a PKCS#8 PEM key (BEGIN PRIVATE KEY); convert it with: "
                    + "openssl pkcs8 -topk8 -nocrypt -in " + keyFile + " -out key.pem");
        }
        byte[] der = Base64.getMimeDecoder().decode(pem.substring(begin + 27, end));
        for (String type : KEY_TYPES) {
            try {
                return KeyFactory.getInstance(type).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException notThisType) {
                // try the next kind of key
            }
        }
        throw new IOException(keyFile + " holds a key of a kind this client cannot use (RSA, EC or Ed25519 only)");
    }
}
