package chat.client.auth;

/**
 * One SASL mechanism on the client's side (RFC 4422): the first response, then one response per
 * challenge from the server, until the server says whether the login worked.
 */
public interface SaslMechanism {
    /** The name sent in {@code AUTHENTICATE <name>}. */
    String name();

    /** The answer to the server's challenge (empty for the first, "+" one); throws when the challenge is wrong. */
    byte[] respond(byte[] challenge) throws SaslException;

    /** Thrown when the server's challenge is malformed or fails verification: the login is aborted. */
    final class SaslException extends Exception {
        public SaslException(String message) {
            super(message);
        }
    }
}
