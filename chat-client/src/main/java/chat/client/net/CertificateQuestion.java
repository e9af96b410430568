package chat.client.net;

import java.util.function.Consumer;

/**
 * Asks the user whether to trust a certificate that no authority vouches for and that was never
 * seen for this server (trust on first use). The answer may come from any thread, any time later.
 */
public interface CertificateQuestion {
    void ask(ServerTrust.Unknown certificate, Consumer<Boolean> answer);

    /** The accepted fingerprint could not be written to the file; it is trusted for this run only. */
    void notSaved(java.nio.file.Path file, String why);
}
