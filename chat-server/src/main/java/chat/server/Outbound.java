package chat.server;

import chat.protocol.IrcEncoder;
import chat.protocol.IrcMessage;

/**
 * One message on its way to one or many connections. It is encoded at most once per dialect
 * (IRC wire line, plain-text line), and the same read-only array is queued for every recipient:
 * no per-recipient copies or string conversions on the relay path.
 */
final class Outbound {
    private static final byte[] NOTHING = new byte[0];

    private final IrcMessage message;
    private byte[] ircBytes;
    private byte[] plainBytes;

    Outbound(IrcMessage message) {
        this.message = message;
    }

    IrcMessage message() {
        return message;
    }

    /** The bytes for this recipient's dialect; an empty array when plain text shows nothing. */
    byte[] bytesFor(Connection recipient) {
        if (recipient.isPlainText()) {
            if (plainBytes == null) {
                plainBytes = PlainTextRenderer.render(message);
                if (plainBytes == null) {
                    plainBytes = NOTHING;
                }
            }
            return plainBytes;
        }
        if (ircBytes == null) {
            ircBytes = IrcEncoder.encode(message);
        }
        return ircBytes;
    }
}
