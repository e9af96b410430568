package chat.server.net;

import java.io.IOException;
import java.nio.ByteBuffer;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLEngineResult.Status;
import javax.net.ssl.SSLException;

/**
 * One TLS link's records, between its engine and its socket: read and decrypted, or encrypted and
 * written, in the loop's {@link TlsScratch}. What is left when a call ends (part of a record,
 * records the reader had no room for, records the socket did not take) is copied into buffers of
 * this link's own, of exactly that size, and dropped once used: an idle link holds none.
 * {@link TlsTransport} decides when (the handshake, interest, steps); this class only moves bytes.
 */
final class TlsRecords {
    private static final ByteBuffer NOTHING = ByteBuffer.allocate(0);
    /** Content type, version, length (RFC 8446 section 5.1). */
    private static final int RECORD_HEADER_BYTES = 5;

    private final Transport plain;
    private final SSLEngine engine;
    private final TlsScratch scratch;
    /** The socket ended, or the peer said close_notify. */
    private boolean inputEnded;
    /** The last record read asks the engine for more than decrypting: a key update, a renegotiation. */
    private boolean handshakeWanted;
    /** Encrypted input read off the socket and not yet decrypted (read mode); null when none. */
    private ByteBuffer heldInput;
    /** Decrypted input the reader had no room for (read mode); null when none. */
    private ByteBuffer heldPlain;
    /** Records the socket did not take yet (read mode); null when none. */
    private ByteBuffer heldOutput;

    TlsRecords(Transport plain, SSLEngine engine, TlsScratch scratch) {
        this.plain = plain;
        this.engine = engine;
        this.scratch = scratch;
    }

    /**
     * Decrypts into {@code into} what was held back and what one socket read brings, as far as it
     * has room; a record that does not fit waits (encrypted) for the next read. -1 at the end.
     */
    int read(ByteBuffer into) throws IOException {
        int start = into.position();
        if (heldPlain != null) {
            move(heldPlain, into);
            if (heldPlain.hasRemaining()) {
                return into.position() - start; // still full: records stay waiting
            }
            heldPlain = null;
        }
        ByteBuffer net = takeHeldInput();
        boolean socketRead = false;
        handshakeWanted = false;
        try {
            while (into.hasRemaining() && !inputEnded && !handshakeWanted) {
                SSLEngineResult result = engine.unwrap(net, into);
                Status status = result.getStatus();
                if (status == Status.BUFFER_UNDERFLOW) {
                    if (socketRead || !readSocket(net)) {
                        break;
                    }
                    socketRead = true;
                } else if (status == Status.BUFFER_OVERFLOW) {
                    if (into.position() > start) {
                        break; // the rest is taken by the next read, without waiting for the socket
                    }
                    unwrapThroughScratch(net, into); // a record larger than the reader's whole room
                } else if (status == Status.CLOSED) {
                    inputEnded = true;
                }
                handshakeWanted = result.getHandshakeStatus() != HandshakeStatus.NOT_HANDSHAKING
                        && result.getHandshakeStatus() != HandshakeStatus.FINISHED;
            }
        } finally {
            holdInput(net);
        }
        int count = into.position() - start;
        return count == 0 && inputEnded ? -1 : count;
    }

    /** The last read stopped at a record that wants the handshake moved on. */
    boolean handshakeWanted() {
        return handshakeWanted;
    }

    /** One handshake record in; false when it has not arrived (whole) yet. */
    boolean unwrapHandshake() throws IOException {
        ByteBuffer net = takeHeldInput();
        try {
            while (true) {
                ByteBuffer plainIn = scratch.plainIn.clear();
                SSLEngineResult result = engine.unwrap(net, plainIn);
                if (plainIn.position() > 0) { // application data right behind the peer's Finished
                    heldPlain = TlsScratch.keep(plainIn.flip());
                }
                if (result.getStatus() == Status.CLOSED) {
                    throw new TransportFailure("TLS handshake failed: the peer closed it", null);
                }
                if (result.getStatus() != Status.BUFFER_UNDERFLOW) {
                    return true;
                }
                if (!readSocket(net)) {
                    if (inputEnded) { // nothing is said on a connection whose handshake never ended
                        throw new TransportFailure("TLS handshake failed: the peer hung up", null);
                    }
                    return false;
                }
            }
        } finally {
            holdInput(net);
        }
    }

    /**
     * Encrypts all of {@code from} that fits a turn's records (or the handshake's next flight when
     * it is empty) and sends them with one socket write; what the socket does not take is held.
     */
    void wrapAndSend(ByteBuffer from) throws IOException {
        ByteBuffer out = scratch.netOut.clear();
        while (out.remaining() >= scratch.packetBytes) {
            SSLEngineResult result = engine.wrap(from, out);
            boolean moved = result.bytesConsumed() > 0 || result.bytesProduced() > 0;
            boolean more = from.hasRemaining() || result.getHandshakeStatus() == HandshakeStatus.NEED_WRAP;
            if (result.getStatus() != Status.OK || !moved || !more) {
                break; // a whole flight of the handshake goes out in one write too
            }
        }
        out.flip();
        send(out);
        if (out.hasRemaining()) {
            heldOutput = TlsScratch.keep(out);
        }
    }

    /** The handshake's next flight (or close_notify), as {@link #wrapAndSend} does. */
    void wrapHandshake() throws IOException {
        wrapAndSend(NOTHING);
    }

    /** Sends what the socket did not take before; true when nothing is left. */
    boolean sendHeld() throws IOException {
        if (heldOutput == null) {
            return true;
        }
        send(heldOutput);
        if (heldOutput.hasRemaining()) {
            return false;
        }
        heldOutput = null;
        return true;
    }

    boolean hasHeldOutput() {
        return heldOutput != null;
    }

    /** Input the selector cannot report: decrypted bytes, or a whole record, waiting here. */
    boolean hasWaitingInput() {
        return heldPlain != null || wholeRecordHeld();
    }

    /** Bytes this link holds in buffers of its own (tests: none while idle). */
    int heldBytes() {
        return size(heldInput) + size(heldPlain) + size(heldOutput);
    }

    /** The link is gone: its leftovers with it. */
    void drop() {
        heldInput = null;
        heldPlain = null;
        heldOutput = null;
    }

    private void unwrapThroughScratch(ByteBuffer net, ByteBuffer into) throws SSLException {
        ByteBuffer plainIn = scratch.plainIn.clear();
        engine.unwrap(net, plainIn);
        plainIn.flip();
        move(plainIn, into);
        if (plainIn.hasRemaining()) {
            heldPlain = TlsScratch.keep(plainIn);
        }
    }

    /** One socket read after what {@code net} holds; false when nothing came (or the socket ended). */
    private boolean readSocket(ByteBuffer net) throws IOException {
        if (net.remaining() == net.capacity()) {
            throw new SSLException("a TLS record larger than the largest allowed");
        }
        net.compact();
        int count;
        try {
            count = plain.read(net);
        } finally {
            net.flip();
        }
        if (count < 0) {
            inputEnded = true;
        }
        return count > 0;
    }

    /** The scratch input buffer, holding this link's undecrypted bytes (read mode). */
    private ByteBuffer takeHeldInput() {
        ByteBuffer net = scratch.netIn.clear();
        if (heldInput != null) {
            net.put(heldInput);
            heldInput = null;
        }
        return net.flip();
    }

    private void holdInput(ByteBuffer net) {
        heldInput = net.hasRemaining() ? TlsScratch.keep(net) : null;
    }

    /** Whether {@link #heldInput} starts with a whole record (its header says how long it is). */
    private boolean wholeRecordHeld() {
        if (heldInput == null || heldInput.remaining() < RECORD_HEADER_BYTES) {
            return false;
        }
        int at = heldInput.position();
        int length = (heldInput.get(at + 3) & 0xff) << 8 | heldInput.get(at + 4) & 0xff;
        return heldInput.remaining() >= RECORD_HEADER_BYTES + length;
    }

    private void send(ByteBuffer records) throws IOException {
        while (records.hasRemaining() && plain.write(records) > 0) {
            // again: a socket may take a large write in parts
        }
    }

    private static void move(ByteBuffer from, ByteBuffer into) {
        int count = Math.min(from.remaining(), into.remaining());
        into.put(into.position(), from, from.position(), count);
        into.position(into.position() + count);
        from.position(from.position() + count);
    }

    private static int size(ByteBuffer buffer) {
        return buffer == null ? 0 : buffer.capacity();
    }
}
