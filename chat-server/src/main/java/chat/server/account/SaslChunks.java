package chat.server.account;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Puts a SASL message back together from AUTHENTICATE lines (IRCv3 sasl-3.1): base64 in chunks
 * of 400 bytes, a shorter chunk (or "+" after a full one) ends it. Bounded, so a client cannot
 * make the server hold more than {@link #MAX_ENCODED_BYTES} for it.
 */
public final class SaslChunks {
    public static final int CHUNK = 400;
    /** Far above any PLAIN or SCRAM message (a few hundred bytes); ten chunks, as Ergo allows. */
    public static final int MAX_ENCODED_BYTES = 4_000;

    /** The outcome of one line. */
    public enum Status { MORE, COMPLETE, TOO_LONG, MALFORMED }

    private final StringBuilder encoded = new StringBuilder();
    private byte[] message;

    /** Adds one AUTHENTICATE parameter. */
    public Status add(String chunk) {
        if (chunk.length() > CHUNK) {
            return Status.TOO_LONG;
        }
        if (!chunk.equals("+")) {
            encoded.append(chunk);
        }
        if (encoded.length() > MAX_ENCODED_BYTES) {
            return Status.TOO_LONG;
        }
        if (chunk.length() == CHUNK) {
            return Status.MORE;
        }
        try {
            message = Base64.getDecoder().decode(encoded.toString().getBytes(StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            return Status.MALFORMED;
        } finally {
            encoded.setLength(0);
        }
        return Status.COMPLETE;
    }

    /** The message the last {@link Status#COMPLETE} finished. */
    public byte[] message() {
        return message;
    }
}
