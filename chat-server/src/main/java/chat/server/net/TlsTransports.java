package chat.server.net;

import java.util.Arrays;
import java.util.Comparator;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;

/**
 * Makes the TLS transport of each connection accepted on the TLS port: an engine from the
 * certificate in force at that moment (a reload changes what later handshakes see, never a
 * running session), the loop's TLS work buffers, the threads for the handshakes' heavy steps, and
 * the shared handshake counts.
 */
public final class TlsTransports implements AutoCloseable {
    private static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

    private final Supplier<SSLContext> contexts;
    private final TlsStats stats = new TlsStats();
    /** The context the suites below were ordered for (a reload brings a new one). */
    private SSLContext suitesOf;
    private String[] suites;
    private boolean defaultProtocols;
    /** Made with the first engine, which says how large a record can be. */
    private TlsScratch scratch;
    /** Inline until {@link #startHandshakeWork}: the in-memory harness has no loop thread to spare. */
    private HandshakeWork handshakeWork = HandshakeWork.inline();

    /** {@code contexts} is asked once per new connection; it must be quick (a volatile read). */
    public TlsTransports(Supplier<SSLContext> contexts) {
        this.contexts = contexts;
    }

    public TlsStats stats() {
        return stats;
    }

    /** Handshake steps from now on run on their own threads and come back through {@code loop}. */
    void startHandshakeWork(Executor loop) {
        useHandshakeWork(HandshakeWork.start(loop));
    }

    /** For connections accepted from now on. */
    void useHandshakeWork(HandshakeWork work) {
        handshakeWork = work;
    }

    @Override
    public void close() {
        handshakeWork.close();
    }

    /** TLS over {@code plain}; the handshake starts with the first read or write. */
    Transport wrap(Transport plain) {
        SSLEngine engine = engine(contexts.get());
        if (scratch == null) {
            scratch = new TlsScratch(engine.getSession());
        }
        return new TlsTransport(plain, engine, scratch, handshakeWork, stats);
    }

    /**
     * A server engine that asks for a client certificate without requiring one: IRC clients
     * identify themselves with a (usually self-signed) certificate for SASL EXTERNAL, and the
     * context's trust manager accepts any, because only its fingerprint is compared.
     */
    SSLEngine engine(SSLContext context) {
        SSLEngine engine = context.createSSLEngine();
        engine.setUseClientMode(false);
        engine.setWantClientAuth(true);
        if (context != suitesOf) {
            chooseFor(context);
        }
        if (!defaultProtocols) {
            engine.setEnabledProtocols(PROTOCOLS); // each setter gives the engine a list of its own
        }
        engine.setEnabledCipherSuites(suites);
        return engine;
    }

    /**
     * Once per context: the suites, and whether its default protocols are already ours. The
     * suites are the context's forward-secret AEAD ones (TLS 1.3's, ECDHE with GCM or
     * ChaCha20-Poly1305), with AES-128-GCM first (the engine follows the server's order). The JDK
     * puts AES-256 first: 14 rounds a block instead of 10, and larger keys and secrets kept for
     * the life of every connection, for a margin a chat does not need. Fewer suites also make the
     * list each engine keeps shorter. Measured in docs/BENCHMARKS.md ("TLS with our own engine
     * driver").
     */
    private void chooseFor(SSLContext context) {
        SSLParameters defaults = context.getDefaultSSLParameters();
        String[] modern = Arrays.stream(defaults.getCipherSuites())
                .filter(suite -> suite.startsWith("TLS_AES_") || suite.startsWith("TLS_CHACHA20_")
                        || suite.startsWith("TLS_ECDHE_") && (suite.contains("_GCM_") || suite.contains("_CHACHA20_")))
                .sorted(Comparator.comparing(suite -> !suite.contains("_AES_128_GCM_"))) // stable
                .toArray(String[]::new);
        suites = modern.length > 0 ? modern : defaults.getCipherSuites();
        defaultProtocols = Arrays.equals(defaults.getProtocols(), PROTOCOLS);
        suitesOf = context;
    }
}
