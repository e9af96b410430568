package chat.client.net;

import java.nio.file.Path;

/**
 * What the user is told about a certificate that was not accepted: each text says what happened,
 * what it may mean and what to do. Kept apart so the question, the refusals and the tests use the
 * same words.
 */
public final class TrustWords {
    private TrustWords() {
    }

    /** The question for a certificate never seen before (interactive), as lines. */
    public static String question(ServerTrust.Unknown unknown, Path knownFile) {
        return String.join("\n",
                "The server " + unknown.hostPort() + " presents a certificate this computer cannot check: " + unknown.why() + ".",
                "Its fingerprint is " + unknown.fingerprint(),
                "Compare it with the one the server's operator gives you (the chat server prints it when it starts).",
                "Type yes to trust it from now on (it is saved in " + knownFile + "), or no to leave.");
    }

    /** Without a terminal nobody can be asked: refused, with the way to accept it. */
    public static String refusedUnasked(ServerTrust.Unknown unknown) {
        return "the certificate of " + unknown.hostPort() + " cannot be checked (" + unknown.why() + "); its fingerprint is "
                + unknown.fingerprint() + ". If that is the server's (ask its operator), run again with --tls-fingerprint "
                + unknown.fingerprint() + ", or connect once from a terminal to accept it";
    }

    public static String declined(ServerTrust.Unknown unknown) {
        return "you did not accept the certificate of " + unknown.hostPort() + " (" + unknown.fingerprint() + ")";
    }

    public static String changed(ServerTrust.Changed changed, Path knownFile) {
        return String.join("\n",
                "THE CERTIFICATE OF " + changed.hostPort() + " HAS CHANGED. Not connecting.",
                "  saved:     " + changed.saved().get(0),
                "  presented: " + changed.fingerprint(),
                "Someone may be listening in between you and the server (a man-in-the-middle attack), or the",
                "server's operator has made a new certificate. Ask the operator which fingerprint is right.",
                "If the change is expected, remove the old entry and connect again to accept the new one:",
                "  sed -i '/^" + changed.hostPort().replace("[", "\\[").replace("]", "\\]") + " /d' " + knownFile);
    }

    public static String pinMismatch(ServerTrust.PinMismatch mismatch) {
        return String.join("\n",
                "THE CERTIFICATE OF " + mismatch.hostPort() + " IS NOT THE ONE YOU PINNED. Not connecting.",
                "  --tls-fingerprint: " + mismatch.pinned(),
                "  presented:         " + mismatch.fingerprint(),
                "Someone may be listening in between you and the server, or its certificate was replaced;",
                "ask the server's operator for the right fingerprint.");
    }
}
