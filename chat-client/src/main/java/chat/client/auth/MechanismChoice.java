package chat.client.auth;

import java.util.List;
import java.util.Locale;

/**
 * Which SASL mechanism to use with this server: EXTERNAL when a client certificate was given,
 * else SCRAM-SHA-256 (the password never crosses the wire), else PLAIN, but PLAIN only over TLS:
 * over plain TCP it would hand the password to anyone on the path.
 */
public final class MechanismChoice {
    public static final String EXTERNAL = "EXTERNAL";
    public static final String SCRAM = "SCRAM-SHA-256";
    public static final String PLAIN = "PLAIN";

    /** A mechanism to try, or why none fits (then mechanism is null). */
    public record Choice(String mechanism, String refusal) {
    }

    private MechanismChoice() {
    }

    /**
     * @param offered the server's list (the {@code sasl=} value or a 908 reply); empty when it did not say
     * @param tried mechanisms already refused on this connection
     */
    public static Choice choose(List<String> offered, boolean tls, boolean clientCertificate, List<String> tried) {
        List<String> names = offered.stream().map(name -> name.toUpperCase(Locale.ROOT)).toList();
        boolean unknown = names.isEmpty();
        if (clientCertificate && (unknown || names.contains(EXTERNAL)) && !tried.contains(EXTERNAL)) {
            return new Choice(EXTERNAL, null);
        }
        if ((unknown || names.contains(SCRAM)) && !tried.contains(SCRAM)) {
            return new Choice(SCRAM, null);
        }
        if ((unknown || names.contains(PLAIN)) && !tried.contains(PLAIN)) {
            return tls ? new Choice(PLAIN, null)
                    : new Choice(null, "this server takes the password only in clear (SASL PLAIN) and this "
                            + "connection is not encrypted; connect with --tls to log in");
        }
        return new Choice(null, unknown ? "the server refused every SASL mechanism this client knows"
                : "the server offers only " + String.join(", ", names) + ", none of which this client speaks");
    }

    static SaslMechanism create(String name, String account, String password) {
        return switch (name) {
            case EXTERNAL -> new ExternalMechanism();
            case SCRAM -> new ScramSha256(account, password);
            case PLAIN -> new PlainMechanism(account, password);
            default -> throw new IllegalArgumentException("no mechanism " + name);
        };
    }
}
