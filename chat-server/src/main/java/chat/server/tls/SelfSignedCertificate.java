package chat.server.tls;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The certificate a server without one of its own presents: made once, on the first start with
 * TLS, and kept in the data directory so its fingerprint (what clients pin on first use) stays the
 * same across restarts. An EC P-256 key: the handshake's signature costs a fraction of an RSA
 * one's on the loop thread. Valid for ten years, because nobody renews a self-signed certificate,
 * and clients that accept it do so by fingerprint, not by date.
 */
public final class SelfSignedCertificate {
    private static final Duration VALIDITY = Duration.ofDays(3_650);
    private static final Duration BACKDATE = Duration.ofHours(1); // clocks of clients run a little behind

    private SelfSignedCertificate() {
    }

    /** A new key and certificate for {@code serverName}, also naming localhost and the loopback addresses. */
    public static ServerIdentity generate(String serverName) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
        KeyPair pair = generator.generateKeyPair();
        X500Name name = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, serverName)
                .addRDN(BCStyle.O, "chat-server (self-signed)").build();
        Instant now = Instant.now();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name,
                new BigInteger(64, new SecureRandom()).setBit(63), Date.from(now.minus(BACKDATE)),
                Date.from(now.plus(VALIDITY)), name, pair.getPublic());
        try {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            builder.addExtension(Extension.subjectAlternativeName, false, alternativeNames(serverName));
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
            return new ServerIdentity(new X509Certificate[] {certificate}, pair.getPrivate());
        } catch (IOException | OperatorCreationException e) {
            throw new GeneralSecurityException("cannot make a certificate: " + e.getMessage(), e);
        }
    }

    /** DNS names and IP addresses a client may have typed to reach this server. */
    private static GeneralNames alternativeNames(String serverName) {
        Set<String> dnsNames = new LinkedHashSet<>();
        if (serverName.matches("[A-Za-z0-9.-]+")) { // a DNS name can hold nothing else
            dnsNames.add(serverName);
        }
        dnsNames.add("localhost");
        List<GeneralName> names = new ArrayList<>();
        for (String dns : dnsNames) {
            names.add(new GeneralName(GeneralName.dNSName, dns));
        }
        names.add(new GeneralName(GeneralName.iPAddress, InetAddress.getLoopbackAddress().getHostAddress()));
        names.add(new GeneralName(GeneralName.iPAddress, "::1"));
        return new GeneralNames(names.toArray(new GeneralName[0]));
    }

    /**
     * Writes the certificate and key (PKCS#8) as PEM; the key readable by its owner only. Each file
     * is written beside its place and moved in, so a crash never leaves half a key.
     */
    public static void write(ServerIdentity identity, Path certFile, Path keyFile) throws IOException {
        Files.createDirectories(certFile.toAbsolutePath().getParent());
        Files.createDirectories(keyFile.toAbsolutePath().getParent());
        writeAtomically(keyFile, PemFiles.pem(new JcaPKCS8Generator(identity.key(), null).generate()), true);
        writeAtomically(certFile, PemFiles.pem((Object[]) identity.chain()), false);
    }

    private static void writeAtomically(Path file, String text, boolean secret) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".new");
        Files.deleteIfExists(temporary);
        Files.createFile(temporary);
        if (secret) {
            try {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the data directory's own access rules apply.
            }
        }
        Files.writeString(temporary, text, StandardCharsets.US_ASCII);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
