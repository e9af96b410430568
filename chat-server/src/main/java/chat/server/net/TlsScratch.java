package chat.server.net;

import java.nio.ByteBuffer;
import javax.net.ssl.SSLSession;

/**
 * The loop's TLS work buffers, one set for every TLS link (only the loop thread uses them, so
 * nothing locks): records are read into {@link #netIn}, decrypted from there, and encrypted into
 * {@link #netOut}. Only what is left over when a call ends (part of a record, records the
 * reader's buffer had no room for, records the socket did not take) is copied out to the link it
 * belongs to, in a buffer of exactly that size, dropped when it is used up. So an idle TLS link
 * holds no buffer at all, and a busy one holds only what it really waits on.
 */
final class TlsScratch {
    /** Whole records of plaintext one write encrypts before its one socket write (64 KiB: a turn's budget). */
    static final int RECORDS_PER_WRITE = 4;

    /** The largest record the engine reads or writes, header and tag included. */
    final int packetBytes;
    /** Encrypted input: room for the largest record (kept in write mode between uses). */
    final ByteBuffer netIn;
    /** Encrypted output: a write's records, then one socket write. */
    final ByteBuffer netOut;
    /** Decrypted input, when the reader's own buffer has less room than the next record. */
    final ByteBuffer plainIn;

    TlsScratch(SSLSession sizes) {
        packetBytes = sizes.getPacketBufferSize();
        netIn = ByteBuffer.allocate(packetBytes);
        netOut = ByteBuffer.allocate((RECORDS_PER_WRITE + 1) * packetBytes);
        plainIn = ByteBuffer.allocate(sizes.getApplicationBufferSize());
    }

    /** A buffer of exactly the bytes {@code from} has left (read mode), for a link to keep. */
    static ByteBuffer keep(ByteBuffer from) {
        ByteBuffer kept = ByteBuffer.allocate(from.remaining());
        kept.put(from).flip();
        return kept;
    }
}
