package chat.server.console;

import java.util.function.Consumer;

/** What the operator console may do with the TLS port; the server has one only with --tls-port. */
public interface TlsConsole {
    /** One line for /stats: handshakes done, failed, timed out, and the certificate in force. */
    String stats();

    /** Starts a certificate reload off the loop; {@code answer} gets its outcome, from another thread. */
    void reload(Consumer<String> answer);
}
