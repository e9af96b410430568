package chat.server.net;

import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;

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

    HandshakeWork handshakeWork() {
        return handshakeWork;
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
        engine.setEnabledProtocols(PROTOCOLS);
        return engine;
    }
}
