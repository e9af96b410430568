package chat.server.net;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * The one seam between a {@link Link} and the bytes on the wire: every read, write, close and
 * interest change of a connection goes through here. {@link SocketTransport} is plain TCP; a TLS
 * transport wraps the same calls and nothing above this interface changes. Tests use an
 * in-memory implementation.
 */
public interface Transport {
    /** Reads what is available into {@code into}; returns the count, 0 if none, -1 at end of stream. */
    int read(ByteBuffer into) throws IOException;

    /** Writes what the peer's buffer takes from {@code from}; returns the count (0 when full). */
    int write(ByteBuffer from) throws IOException;

    /** Whether the loop should wake for readable and for writable; cheap when nothing changes. */
    void setInterest(boolean read, boolean write);

    /** Ends our direction gracefully (FIN after our last byte), then reads away a little unread input. */
    void shutdownOutput() throws IOException;

    /** Releases the connection; safe to call twice. */
    void close();

    /** The peer's address as text, for prefixes and logs. */
    String peerAddress();

    /**
     * SHA-256 of the peer's TLS client certificate (DER; lower-case hex, no colons), for SASL
     * EXTERNAL; empty without TLS or without a certificate.
     */
    default Optional<String> peerCertificateFingerprint() {
        return Optional.empty();
    }
}
