package chat.server.tls;

import java.io.IOException;

/** The TLS certificate or key cannot be used (missing, unreadable, not matching); the message says which and why. */
public final class CertificateUnusableException extends IOException {
    private static final long serialVersionUID = 1L;

    public CertificateUnusableException(String message, Throwable cause) {
        super(message, cause);
    }
}
