package chat.server.console;

/** What the operator console may do with the TLS port; the server has one only with --tls-port. */
public interface TlsConsole {
    /** One line for /stats: handshakes done, failed, timed out, and the certificate in force. */
    String stats();
}
