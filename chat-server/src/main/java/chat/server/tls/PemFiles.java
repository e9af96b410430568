package chat.server.tls;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * Certificates and keys in PEM, as openssl, certbot and most CAs hand them out: a chain of
 * {@code CERTIFICATE} blocks, and a key as PKCS#8 ({@code PRIVATE KEY}) or in the traditional
 * form ({@code RSA PRIVATE KEY}, {@code EC PRIVATE KEY}). Bouncy Castle reads the traditional
 * forms, which the JDK cannot. Encrypted keys are refused with a way out: the server would need
 * the password at every start and reload.
 */
public final class PemFiles {
    private PemFiles() {
    }

    /**
     * Reads and checks a certificate chain and its key.
     *
     * @throws IOException with a message naming the file and what is wrong
     */
    public static ServerIdentity read(Path certFile, Path keyFile) throws IOException {
        X509Certificate[] chain = readChain(certFile);
        PrivateKey key = readKey(keyFile);
        try {
            return new ServerIdentity(chain, key);
        } catch (IllegalArgumentException mismatch) {
            throw new IOException(keyFile + ": " + mismatch.getMessage() + " in " + certFile);
        }
    }

    static X509Certificate[] readChain(Path file) throws IOException {
        List<X509Certificate> chain = new ArrayList<>();
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
                PEMParser parser = new PEMParser(reader)) {
            Object item;
            while ((item = next(parser, file)) != null) {
                if (item instanceof X509CertificateHolder holder) {
                    chain.add(converter.getCertificate(holder));
                }
            }
        } catch (CertificateException e) {
            throw new IOException(file + ": not a usable certificate: " + e.getMessage(), e);
        }
        if (chain.isEmpty()) {
            throw new IOException(file + ": no certificate in it (expected a PEM block 'BEGIN CERTIFICATE')");
        }
        return chain.toArray(new X509Certificate[0]);
    }

    static PrivateKey readKey(Path file) throws IOException {
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
                PEMParser parser = new PEMParser(reader)) {
            Object item;
            while ((item = next(parser, file)) != null) {
                if (item instanceof PEMKeyPair pair) { // traditional: RSA PRIVATE KEY, EC PRIVATE KEY
                    return converter.getPrivateKey(pair.getPrivateKeyInfo()); // the public half may be absent
                }
                if (item instanceof PrivateKeyInfo info) { // PKCS#8: PRIVATE KEY
                    return converter.getPrivateKey(info);
                }
                if (item instanceof PEMEncryptedKeyPair || item instanceof PKCS8EncryptedPrivateKeyInfo) {
                    throw new IOException(file + ": the key is encrypted; the server cannot ask for its password."
                            + " Decrypt it: openssl pkey -in " + file + " -out plain-key.pem");
                }
            }
        }
        throw new IOException(file + ": no private key in it (expected 'BEGIN PRIVATE KEY', 'BEGIN RSA PRIVATE KEY'"
                + " or 'BEGIN EC PRIVATE KEY')");
    }

    private static Object next(PEMParser parser, Path file) throws IOException {
        try {
            return parser.readObject();
        } catch (IOException | RuntimeException malformed) {
            throw new IOException(file + ": not valid PEM: " + malformed.getMessage(), malformed);
        }
    }

    /** Writes objects (certificates, keys) as PEM text. */
    static String pem(Object... objects) throws IOException {
        StringWriter text = new StringWriter();
        try (Writer writer = text; JcaPEMWriter pem = new JcaPEMWriter(writer)) {
            for (Object object : objects) {
                pem.writeObject(object);
            }
        }
        return text.toString();
    }
}
