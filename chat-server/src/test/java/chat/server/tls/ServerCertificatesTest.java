package chat.server.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Certificates from PEM files in the forms operators have, the self-signed one, and reloads that fail safely. */
class ServerCertificatesTest {
    @TempDir
    Path dir;

    @Test
    void aSelfSignedCertificateIsMadeOnceAndKeptWithAPrivateKeyFile() throws Exception {
        TlsConfig config = TlsConfig.on(6697, dir);
        ServerCertificates first = ServerCertificates.open(config, "chat.example");
        assertTrue(first.selfSigned());
        assertTrue(first.fingerprint().matches("SHA256(:[0-9A-F]{2}){32}"), first.fingerprint());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(config.generatedKeyFile())));
        assertEquals(first.fingerprint(), ServerCertificates.open(config, "chat.example").fingerprint(),
                "the next start presents the same certificate, so pinned fingerprints stay valid");
        X509Certificate certificate = first.identity().certificate();
        assertTrue(certificate.getSubjectAlternativeNames().toString().contains("localhost"));
        assertTrue(certificate.getSubjectX500Principal().getName().contains("CN=chat.example"));
    }

    /**
     * Files as openssl makes them (src/test/resources/tls, test keys only): {@code openssl ecparam
     * -genkey -name prime256v1 -noout}, {@code openssl genrsa -traditional 2048}, {@code openssl
     * pkcs8 -topk8 -nocrypt} of each, {@code openssl req -new -x509}, and {@code openssl pkcs8 -topk8
     * -v2 aes-256-cbc} for the encrypted one.
     */
    private static Path resource(String name) throws Exception {
        return Path.of(ServerCertificatesTest.class.getResource("/tls/" + name).toURI());
    }

    @Test
    void rsaAndEcKeysAreReadInPkcs8AndInTheTraditionalForm() throws Exception {
        for (String kind : new String[] {"rsa", "ec"}) {
            Path cert = resource(kind + "-cert.pem");
            String expected = ServerIdentity.fingerprint(PemFiles.readChain(cert)[0]);
            for (String form : new String[] {"traditional", "pkcs8"}) {
                Path key = resource(kind + "-" + form + ".pem");
                ServerCertificates loaded = ServerCertificates.open(
                        TlsConfig.on(6697, dir).withCertificate(cert, key), "unused");
                assertEquals(expected, loaded.fingerprint(), kind + " " + form);
                assertTrue(loaded.context().createSSLEngine().getSupportedCipherSuites().length > 0);
            }
        }
    }

    @Test
    void aKeyOfAnotherCertificateAnEncryptedKeyAndAMissingFileAreRefusedSayingWhy() throws Exception {
        assertTrue(refusal(resource("ec-cert.pem"), resource("rsa-pkcs8.pem")).contains("does not belong"));
        String encrypted = refusal(resource("ec-cert.pem"), resource("ec-encrypted.pem"));
        assertTrue(encrypted.contains("encrypted") && encrypted.contains("openssl pkey"), encrypted);
        assertTrue(refusal(dir.resolve("missing.pem"), resource("ec-pkcs8.pem")).contains("missing.pem"));
        assertTrue(refusal(resource("ec-pkcs8.pem"), resource("ec-pkcs8.pem")).contains("no certificate"));
    }

    @Test
    void aReloadReadsTheNewFilesAndABadOneKeepsTheOldCertificate() throws Exception {
        ServerIdentity first = SelfSignedCertificate.generate("one.test");
        ServerIdentity second = SelfSignedCertificate.generate("two.test");
        Path cert = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        SelfSignedCertificate.write(first, cert, key);
        ServerCertificates certificates = ServerCertificates.open(TlsConfig.on(6697, dir).withCertificate(cert, key), "x");
        var contextBefore = certificates.context();

        SelfSignedCertificate.write(second, cert, key);
        assertTrue(certificates.reload().contains(second.fingerprint()));
        assertEquals(second.fingerprint(), certificates.fingerprint());
        assertNotEquals(contextBefore, certificates.context(), "a new context for new handshakes");

        Files.writeString(key, "not a key");
        String refused = certificates.reload();
        assertTrue(refused.contains("NOT reloaded") && refused.contains("no private key"), refused);
        assertEquals(second.fingerprint(), certificates.fingerprint());
    }

    private String refusal(Path cert, Path key) {
        return assertThrows(CertificateUnusableException.class,
                () -> ServerCertificates.open(TlsConfig.on(6697, dir).withCertificate(cert, key), "x")).getMessage();
    }
}
