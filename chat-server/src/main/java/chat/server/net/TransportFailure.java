package chat.server.net;

import java.io.IOException;

/** A transport failed for a reason worth naming (a TLS alert, a bad handshake): the link closes with it. */
final class TransportFailure extends IOException {
    private static final long serialVersionUID = 1L;

    TransportFailure(String reason, Throwable cause) {
        super(reason, cause);
    }

    /** The close reason for a failed read or write: named when known, else the socket's plain "Connection reset". */
    static String reason(IOException e) {
        return e instanceof TransportFailure ? e.getMessage() : "Connection reset";
    }
}
