package chat.server.tls;

import java.nio.file.Path;

/**
 * TLS on a second port of the same loop (issue 16).
 *
 * @param port                   the TLS port; {@link #OFF} for none, 0 for any free port (tests)
 * @param certFile               the certificate chain (PEM), server certificate first; null: a
 *                               self-signed one is made in {@code dataDirectory} on first start
 * @param keyFile                its private key (PEM: PKCS#8 or traditional RSA/EC); null with certFile null
 * @param dataDirectory          where the self-signed certificate is kept (the --data-dir, used
 *                               even with --no-history, so its fingerprint stays the same)
 * @param tlsOnly                IRC registration on the plain port is refused (nc users on loopback excepted)
 * @param sts                    advertise the IRCv3 sts capability
 * @param stsDurationSeconds     the sts policy's duration on the TLS port
 * @param handshakeTimeoutMillis a handshake not done by then drops the connection
 */
public record TlsConfig(int port, Path certFile, Path keyFile, Path dataDirectory, boolean tlsOnly, boolean sts,
        long stsDurationSeconds, long handshakeTimeoutMillis) {
    public static final int OFF = -1;
    /** The usual IRC-over-TLS port (what clients assume with -tls). */
    public static final int USUAL_PORT = 6697;
    /** As typed on the command line; {@link #DEFAULT_HANDSHAKE_TIMEOUT_MILLIS} says the same (a test checks). */
    public static final String DEFAULT_HANDSHAKE_TIMEOUT = "10s";
    public static final long DEFAULT_HANDSHAKE_TIMEOUT_MILLIS = 10_000;
    /**
     * One day: long enough that a client which saw it on the TLS port upgrades tomorrow's plain
     * connection too, short enough that a server which drops TLS (or whose self-signed
     * certificate a client cannot verify) locks nobody out for long. Raise it once TLS is settled.
     */
    public static final String DEFAULT_STS_DURATION = "1d";
    public static final long DEFAULT_STS_DURATION_SECONDS = 86_400;
    public static final String CERT_FILE_NAME = "tls-cert.pem";
    public static final String KEY_FILE_NAME = "tls-key.pem";

    public TlsConfig {
        if (port < OFF || port > 65_535) {
            throw new IllegalArgumentException("TLS port must be 0-65535: " + port);
        }
        if ((certFile == null) != (keyFile == null)) {
            throw new IllegalArgumentException("--tls-cert and --tls-key go together: give both or neither");
        }
        if (port != OFF && certFile == null && dataDirectory == null) {
            throw new IllegalArgumentException("TLS without --tls-cert needs a data directory for its own certificate");
        }
        if (tlsOnly && port == OFF) {
            throw new IllegalArgumentException("--tls-only needs --tls-port");
        }
        if (stsDurationSeconds < 0) {
            throw new IllegalArgumentException("sts duration must not be negative");
        }
        if (handshakeTimeoutMillis <= 0) {
            throw new IllegalArgumentException("TLS handshake timeout must be positive");
        }
    }

    /** No TLS port: the server as it was. */
    public static TlsConfig disabled() {
        return new TlsConfig(OFF, null, null, null, false, true, DEFAULT_STS_DURATION_SECONDS,
                DEFAULT_HANDSHAKE_TIMEOUT_MILLIS);
    }

    /** TLS on {@code port} with the defaults and a certificate made in {@code dataDirectory}. */
    public static TlsConfig on(int port, Path dataDirectory) {
        return new TlsConfig(port, null, null, dataDirectory, false, true, DEFAULT_STS_DURATION_SECONDS,
                DEFAULT_HANDSHAKE_TIMEOUT_MILLIS);
    }

    public boolean enabled() {
        return port != OFF;
    }

    /** Where a self-signed certificate and key are kept when none are given. */
    public Path generatedCertFile() {
        return dataDirectory.resolve(CERT_FILE_NAME);
    }

    public Path generatedKeyFile() {
        return dataDirectory.resolve(KEY_FILE_NAME);
    }

    public TlsConfig withPort(int newPort) {
        return new TlsConfig(newPort, certFile, keyFile, dataDirectory, tlsOnly, sts, stsDurationSeconds,
                handshakeTimeoutMillis);
    }

    public TlsConfig withTlsOnly(boolean only) {
        return new TlsConfig(port, certFile, keyFile, dataDirectory, only, sts, stsDurationSeconds,
                handshakeTimeoutMillis);
    }

    public TlsConfig withHandshakeTimeoutMillis(long millis) {
        return new TlsConfig(port, certFile, keyFile, dataDirectory, tlsOnly, sts, stsDurationSeconds, millis);
    }

    public TlsConfig withCertificate(Path cert, Path key) {
        return new TlsConfig(port, cert, key, dataDirectory, tlsOnly, sts, stsDurationSeconds,
                handshakeTimeoutMillis);
    }

    /**
     * The IRCv3 sts capability's value for a connection (ircv3.net/specs/extensions/sts): on the
     * plain port where to go ({@code port=N}), on the TLS port how long to keep coming
     * ({@code duration=S}); null when it is not offered.
     */
    public String stsValue(boolean secure) {
        if (!enabled() || !sts) {
            return null;
        }
        return secure ? "duration=" + stsDurationSeconds : "port=" + port;
    }
}
