package chat.client.auth;

import chat.protocol.IrcMessage;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The framing of SASL data in AUTHENTICATE lines (ircv3.net sasl-3.1): base64, cut into pieces of
 * 400 bytes; a piece shorter than 400 ends the message, so one of exactly 400 is followed by "+";
 * "+" alone is an empty message. Incoming pieces are gathered here until the message is whole.
 */
final class AuthenticateChunks {
    static final String AUTHENTICATE = "AUTHENTICATE";
    static final int CHUNK_BYTES = 400;
    /** Far more than any mechanism here needs; a server sending more is refused, not buffered. */
    static final int MOST_INCOMING_BYTES = 8 * 1024;

    private final StringBuilder incoming = new StringBuilder();

    /** The lines that carry this payload. */
    static List<IrcMessage> encode(byte[] payload) {
        String text = Base64.getEncoder().encodeToString(payload);
        List<IrcMessage> lines = new ArrayList<>();
        for (int at = 0; at < text.length(); at += CHUNK_BYTES) {
            lines.add(IrcMessage.of(AUTHENTICATE, text.substring(at, Math.min(text.length(), at + CHUNK_BYTES))));
        }
        if (text.length() % CHUNK_BYTES == 0) {
            lines.add(IrcMessage.of(AUTHENTICATE, "+"));
        }
        return lines;
    }

    /**
     * One piece from the server; returns the whole message once its last piece is in, else null.
     * Throws IllegalArgumentException when the data is not base64 or grows past the limit.
     */
    byte[] accept(String piece) {
        if (!"+".equals(piece)) {
            incoming.append(piece);
        }
        if (incoming.length() > MOST_INCOMING_BYTES) {
            incoming.setLength(0);
            throw new IllegalArgumentException("the server's SASL message is too long");
        }
        if (piece.length() == CHUNK_BYTES) {
            return null;
        }
        String whole = incoming.toString();
        incoming.setLength(0);
        return Base64.getDecoder().decode(whole);
    }

    void reset() {
        incoming.setLength(0);
    }

    /** For tests and for the byte count of an answer. */
    static byte[] join(List<byte[]> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        parts.forEach(out::writeBytes);
        return out.toByteArray();
    }
}
