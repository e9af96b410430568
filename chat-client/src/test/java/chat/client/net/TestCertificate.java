package chat.client.net;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A throwaway self-signed certificate for 127.0.0.1 and localhost, made by the JDK's own keytool
 * (no library needed for a test certificate), and the server-side TLS context that presents it.
 */
public final class TestCertificate {
    private static final char[] PASSWORD = "changeit".toCharArray();

    private final KeyStore store;

    private TestCertificate(KeyStore store) {
        this.store = store;
    }

    public static TestCertificate generate(Path directory, String name) throws Exception {
        Path file = directory.resolve(name + ".p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "server", "-keyalg", "EC",
                "-groupname", "secp256r1", "-dname", "CN=" + name, "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                "-validity", "2", "-keystore", file.toString(), "-storetype", "PKCS12",
                "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD))
                .redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("keytool failed: " + new String(output));
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, PASSWORD);
        }
        return new TestCertificate(store);
    }

    public X509Certificate certificate() throws Exception {
        return (X509Certificate) store.getCertificate("server");
    }

    public Fingerprint fingerprint() throws Exception {
        return Fingerprint.of(certificate());
    }

    public SSLContext serverContext() throws Exception {
        return serverContext(false);
    }

    /** With anyClient, any client certificate is taken (the server only records it). */
    SSLContext serverContext(boolean anyClient) throws Exception {
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, PASSWORD);
        SSLContext context = SSLContext.getInstance("TLS");
        javax.net.ssl.TrustManager[] trust = anyClient ? new javax.net.ssl.TrustManager[] {new javax.net.ssl.X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }} : null;
        context.init(keys.getKeyManagers(), trust, null);
        return context;
    }

    /** The certificate and its key as the PEM files --tls-cert and --tls-key take. */
    void writePem(Path certificateFile, Path keyFile) throws Exception {
        java.util.Base64.Encoder base64 = java.util.Base64.getMimeEncoder(64, "\n".getBytes());
        Files.writeString(certificateFile, "-----BEGIN CERTIFICATE-----\n" + base64.encodeToString(certificate().getEncoded())
                + "\n-----END CERTIFICATE-----\n");
        java.security.Key key = store.getKey("server", PASSWORD);
        Files.writeString(keyFile, "-----BEGIN PRIVATE KEY-----\n" + base64.encodeToString(key.getEncoded())
                + "\n-----END PRIVATE KEY-----\n");
    }

    static List<String> lines(Path file) throws IOException {
        return Files.readAllLines(file);
    }
}
