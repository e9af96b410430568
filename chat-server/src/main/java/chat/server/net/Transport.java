package chat.server.net;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * The one seam between a {@link Link} and the bytes on the wire: every read, write, close and
 * interest change of a connection goes through here. {@link SocketTransport} is plain TCP;
 * {@link TlsTransport} wraps one and nothing above this interface changes. Tests use an in-memory
 * implementation. The default methods describe a transport that holds no bytes of its own, as
 * plain TCP does; a TLS transport holds records, has a handshake and may know who the peer is.
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

    /** True when the bytes are encrypted on the wire (TLS). */
    default boolean secure() {
        return false;
    }

    /**
     * The SHA-256 of the certificate the peer presented (its DER bytes), lower-case hex without
     * colons; empty without TLS or when the peer sent none. SASL EXTERNAL and WHOIS compare it.
     */
    default Optional<String> peerCertificateFingerprint() {
        return Optional.empty();
    }

    /** True while keys are still being agreed (a TLS handshake): nothing can pass yet, and its deadline runs. */
    default boolean handshaking() {
        return false;
    }

    /** The handshake took too long; called once, just before the link is dropped (for the counts). */
    default void handshakeTimedOut() {
    }

    /**
     * Input already taken off the socket and not yet read (decrypted or undecrypted TLS records):
     * the selector cannot report it, so the link must be read again without waiting for it.
     */
    default boolean hasBufferedInput() {
        return false;
    }

    /** Bytes that {@link #write} took but could not yet put on the wire (a TLS record waiting for room). */
    default boolean hasPendingOutput() {
        return false;
    }

    /** Moves pending output (and a handshake) on; called when the socket has room even if no new bytes wait. */
    default void flush() throws IOException {
    }
}
