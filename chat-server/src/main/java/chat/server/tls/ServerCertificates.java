package chat.server.tls;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.time.Instant;
import javax.net.ssl.SSLContext;

/**
 * The certificate in force, and its reload. New connections take {@link #context()} (a volatile
 * read); a reload builds a whole new context off the loop and swaps it in, so handshakes after it
 * present the new certificate and sessions already running keep the keys they agreed. A reload
 * that fails (a missing file, a key that does not match, a PEM that does not parse) keeps the old
 * certificate and says why.
 */
public final class ServerCertificates {
    private static final System.Logger LOG = System.getLogger(ServerCertificates.class.getName());

    private final TlsConfig config;
    private final String serverName;
    private volatile Loaded current;

    /** An identity and the context that presents it, swapped together. */
    private record Loaded(ServerIdentity identity, SSLContext context) {
    }

    private ServerCertificates(TlsConfig config, String serverName, Loaded first) {
        this.config = config;
        this.serverName = serverName;
        this.current = first;
    }

    /**
     * Loads the configured certificate, or the self-signed one in the data directory, making it
     * first if there is none (key generation: call this before the loop runs, never on it).
     *
     * @throws IOException with a message for the operator when the files cannot be used
     */
    public static ServerCertificates open(TlsConfig config, String serverName) throws CertificateUnusableException {
        try {
            return new ServerCertificates(config, serverName, load(config, serverName, true));
        } catch (IOException e) {
            throw new CertificateUnusableException("cannot use the TLS certificate: " + e.getMessage(), e);
        }
    }

    public SSLContext context() {
        return current.context();
    }

    public ServerIdentity identity() {
        return current.identity();
    }

    /** {@code SHA256:AB:CD:...} of the certificate in force. */
    public String fingerprint() {
        return identity().fingerprint();
    }

    /** True when the certificate was made by this server (no --tls-cert). */
    public boolean selfSigned() {
        return config.certFile() == null;
    }

    /**
     * Reads the certificate files again (from any thread but the loop's: it reads files and parses
     * keys). Returns a line for the operator: what is in force now, or why the old one stays.
     */
    public synchronized String reload() {
        String before = fingerprint();
        try {
            Loaded loaded = load(config, serverName, false);
            current = loaded;
            String now = loaded.identity().fingerprint();
            String message = now.equals(before) ? "TLS certificate reloaded; unchanged (" + now + ")"
                    : "TLS certificate reloaded: new handshakes present " + now + " (was " + before + ")";
            LOG.log(Level.INFO, message);
            return message;
        } catch (IOException e) {
            String message = "TLS certificate NOT reloaded, the old one stays in force (" + before + "): "
                    + e.getMessage();
            LOG.log(Level.WARNING, message);
            return message;
        }
    }

    private static Loaded load(TlsConfig config, String serverName, boolean mayGenerate) throws IOException {
        ServerIdentity identity;
        if (config.certFile() != null) {
            identity = PemFiles.read(config.certFile(), config.keyFile());
        } else if (Files.exists(config.generatedCertFile()) || !mayGenerate) {
            identity = PemFiles.read(config.generatedCertFile(), config.generatedKeyFile());
        } else {
            identity = generate(config, serverName);
        }
        warnIfExpired(identity, config);
        try {
            return new Loaded(identity, identity.sslContext());
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot set up TLS with this certificate: " + e.getMessage(), e);
        }
    }

    private static ServerIdentity generate(TlsConfig config, String serverName) throws IOException {
        ServerIdentity identity;
        try {
            identity = SelfSignedCertificate.generate(serverName);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot make a self-signed certificate: " + e.getMessage(), e);
        }
        SelfSignedCertificate.write(identity, config.generatedCertFile(), config.generatedKeyFile());
        LOG.log(Level.INFO, "made a self-signed TLS certificate in " + config.generatedCertFile() + " ("
                + identity.fingerprint() + ")");
        return identity;
    }

    /** Served anyway (the operator may be about to replace it), but said loudly: clients will refuse it. */
    private static void warnIfExpired(ServerIdentity identity, TlsConfig config) {
        Instant notAfter = identity.certificate().getNotAfter().toInstant();
        if (notAfter.isBefore(Instant.now())) {
            LOG.log(Level.WARNING, "the TLS certificate " + (config.certFile() == null ? config.generatedCertFile()
                    : config.certFile()) + " expired on " + notAfter + "; clients that check dates will refuse it");
        }
    }
}
