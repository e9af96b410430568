package chat.client.auth;

import java.nio.charset.StandardCharsets;

/**
 * SASL PLAIN (RFC 4616): "authzid NUL authcid NUL password" in one response. The password crosses
 * the wire as it is, so {@link MechanismChoice} uses it only over TLS.
 */
final class PlainMechanism implements SaslMechanism {
    private final String account;
    private final String password;

    PlainMechanism(String account, String password) {
        this.account = account;
        this.password = password;
    }

    @Override
    public String name() {
        return "PLAIN";
    }

    @Override
    public byte[] respond(byte[] challenge) throws SaslException {
        if (challenge.length != 0) {
            throw new SaslException("the server sent a challenge PLAIN does not have");
        }
        return (account + "\0" + account + "\0" + password).getBytes(StandardCharsets.UTF_8);
    }
}
