package chat.client.net;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * The bytes of one connection as {@link ServerLink} sees them, plain or through TLS: it never
 * knows which. Non-blocking throughout: each call does what the socket allows now.
 */
interface Wire {
    /** After TCP connects: advances the setup as far as it can; true once lines may flow. */
    boolean handshake() throws IOException;

    /** Whether the setup waits to write (so OP_WRITE is wanted). */
    boolean wantsWrite();

    /** Reads what has arrived into dst; -1 once the server has closed. */
    int read(ByteBuffer dst) throws IOException;

    /** True when input is already here (decrypted or not) that another read would deliver without waiting. */
    boolean hasBufferedInput();

    /** Writes from src as far as the socket allows; the number of bytes of src taken. */
    int write(ByteBuffer src) throws IOException;

    /** Writes bytes held back from an earlier write; true when none remain. */
    boolean flushPending() throws IOException;

    void close();
}
