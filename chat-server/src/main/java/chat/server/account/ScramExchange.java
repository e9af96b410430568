package chat.server.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.function.Function;

/**
 * The server's half of one SCRAM-SHA-256 login (RFC 5802 section 5, RFC 7677): client-first ->
 * server-first, client-final -> server-final or failure. Pure and fast (a few HMACs), so it runs
 * on the event loop. An unknown account gets a salt made from the name and a server secret, the
 * same every time, and fails only at the proof: the exchange does not tell who has an account.
 * Channel binding is not offered (clients send "n" or "y"); "p=" is refused.
 */
public final class ScramExchange {
    /** What a step gives back: a challenge to send, a proven account, or a refusal. */
    public sealed interface Step {
    }

    public record Challenge(byte[] data) implements Step {
    }

    /** The proof checked out; {@code serverFinal} still goes to the client, whose empty answer ends it. */
    public record Proven(Account account, byte[] serverFinal) implements Step {
    }

    public record Refused(String why) implements Step {
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getEncoder();
    private static final Base64.Decoder B64_IN = Base64.getDecoder();

    private final Function<String, Account> accounts;
    private final byte[] serverSecret;
    private final String serverNonce;
    private String clientFirstBare;
    private String serverFirst;
    private String gs2Header;
    private String nonce;
    private Account account;
    private ScramCredentials credentials;

    /** {@code accounts} finds an account by name (null if none); {@code serverSecret} salts the decoys. */
    public ScramExchange(Function<String, Account> accounts, byte[] serverSecret) {
        this(accounts, serverSecret, randomNonce());
    }

    ScramExchange(Function<String, Account> accounts, byte[] serverSecret, String serverNonce) {
        this.accounts = accounts;
        this.serverSecret = serverSecret;
        this.serverNonce = serverNonce;
    }

    /** The next step for the client's next message. */
    public Step next(byte[] message) {
        String text = new String(message, StandardCharsets.UTF_8);
        return serverFirst == null ? first(text) : last(text);
    }

    private Step first(String message) {
        // gs2-header: "n,," or "y,," (no channel binding), or with an authzid "n,a=name,"
        int comma = message.indexOf(',');
        int second = comma < 0 ? -1 : message.indexOf(',', comma + 1);
        if (second < 0 || !(message.startsWith("n,") || message.startsWith("y,"))) {
            return new Refused("channel binding is not offered; start with n,,");
        }
        gs2Header = message.substring(0, second + 1);
        clientFirstBare = message.substring(second + 1);
        String user = null;
        String clientNonce = null;
        for (String attribute : clientFirstBare.split(",")) {
            if (attribute.startsWith("n=")) {
                user = attribute.substring(2).replace("=2C", ",").replace("=3D", "=");
            } else if (attribute.startsWith("r=")) {
                clientNonce = attribute.substring(2);
            } else if (attribute.startsWith("m=")) {
                return new Refused("SCRAM extensions are not supported");
            }
        }
        if (user == null || user.isEmpty() || clientNonce == null || clientNonce.isEmpty()) {
            return new Refused("client-first message lacks n= or r=");
        }
        String authzid = gs2Header.substring(2, gs2Header.length() - 1);
        if (!authzid.isEmpty() && !authzid.equals("a=" + user)) {
            return new Refused("logging in as another account is not allowed");
        }
        account = accounts.apply(user);
        credentials = account != null ? account.scram() : decoy(user);
        nonce = clientNonce + serverNonce;
        serverFirst = "r=" + nonce + ",s=" + B64.encodeToString(credentials.salt()) + ",i=" + credentials.iterations();
        return new Challenge(serverFirst.getBytes(StandardCharsets.UTF_8));
    }

    private Step last(String message) {
        int proofAt = message.lastIndexOf(",p=");
        if (proofAt < 0) {
            return new Refused("client-final message lacks p=");
        }
        String withoutProof = message.substring(0, proofAt);
        String channel = null;
        String finalNonce = null;
        for (String attribute : withoutProof.split(",")) {
            if (attribute.startsWith("c=")) {
                channel = attribute.substring(2);
            } else if (attribute.startsWith("r=")) {
                finalNonce = attribute.substring(2);
            }
        }
        byte[] proof;
        try {
            proof = B64_IN.decode(message.substring(proofAt + 3));
        } catch (IllegalArgumentException e) {
            return new Refused("the proof is not base64");
        }
        if (!nonce.equals(finalNonce) || channel == null
                || !channel.equals(B64.encodeToString(gs2Header.getBytes(StandardCharsets.UTF_8)))) {
            return new Refused("nonce or channel binding does not match");
        }
        byte[] authMessage = (clientFirstBare + "," + serverFirst + "," + withoutProof).getBytes(StandardCharsets.UTF_8);
        byte[] signature = ScramCredentials.hmac(credentials.storedKey(), authMessage);
        if (proof.length != signature.length) {
            return new Refused("wrong proof");
        }
        byte[] clientKey = new byte[signature.length];
        for (int i = 0; i < clientKey.length; i++) {
            clientKey[i] = (byte) (proof[i] ^ signature[i]);
        }
        boolean proven = MessageDigest.isEqual(ScramCredentials.sha256(clientKey), credentials.storedKey());
        if (!proven || account == null) {
            return new Refused("wrong proof");
        }
        byte[] serverSignature = ScramCredentials.hmac(credentials.serverKey(), authMessage);
        return new Proven(account, ("v=" + B64.encodeToString(serverSignature)).getBytes(StandardCharsets.UTF_8));
    }

    /** Credentials for a name with no account: stable per name, unguessable without the secret, never matching. */
    private ScramCredentials decoy(String user) {
        byte[] salt = new byte[16];
        System.arraycopy(ScramCredentials.hmac(serverSecret, user.getBytes(StandardCharsets.UTF_8)), 0, salt, 0, 16);
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        return new ScramCredentials(salt, ScramCredentials.ITERATIONS, random, random);
    }

    private static String randomNonce() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().withoutPadding().encodeToString(bytes).replace('+', '-').replace('/', '_');
    }
}
