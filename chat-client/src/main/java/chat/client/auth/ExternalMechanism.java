package chat.client.auth;

/**
 * SASL EXTERNAL (RFC 4422 appendix A): the TLS client certificate already says who we are; the one
 * response is empty, which asks for the account the certificate belongs to.
 */
final class ExternalMechanism implements SaslMechanism {
    @Override
    public String name() {
        return "EXTERNAL";
    }

    @Override
    public byte[] respond(byte[] challenge) {
        return new byte[0];
    }
}
