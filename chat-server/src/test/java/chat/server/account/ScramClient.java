package chat.server.account;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The client's half of SCRAM-SHA-256 (RFC 5802), for tests: what a real client computes. */
public final class ScramClient {
    private final String user;
    private final String password;
    private final String clientNonce;
    private String clientFirstBare;
    private byte[] authMessage;
    private byte[] saltedPassword;

    public ScramClient(String user, String password, String clientNonce) {
        this.user = user;
        this.password = password;
        this.clientNonce = clientNonce;
    }

    public String first() {
        clientFirstBare = "n=" + user.replace("=", "=3D").replace(",", "=2C") + ",r=" + clientNonce;
        return "n,," + clientFirstBare;
    }

    /** The client-final message for this server-first. */
    public String last(String serverFirst) {
        String nonce = null;
        byte[] salt = null;
        int iterations = 0;
        for (String attribute : serverFirst.split(",")) {
            switch (attribute.substring(0, 2)) {
                case "r=" -> nonce = attribute.substring(2);
                case "s=" -> salt = Base64.getDecoder().decode(attribute.substring(2));
                case "i=" -> iterations = Integer.parseInt(attribute.substring(2));
                default -> { }
            }
        }
        String withoutProof = "c=biws,r=" + nonce;
        authMessage = (clientFirstBare + "," + serverFirst + "," + withoutProof).getBytes(StandardCharsets.UTF_8);
        saltedPassword = ScramCredentials.saltedPassword(password, salt, iterations);
        byte[] clientKey = ScramCredentials.hmac(saltedPassword, "Client Key".getBytes(StandardCharsets.US_ASCII));
        byte[] signature = ScramCredentials.hmac(ScramCredentials.sha256(clientKey), authMessage);
        byte[] proof = new byte[clientKey.length];
        for (int i = 0; i < proof.length; i++) {
            proof[i] = (byte) (clientKey[i] ^ signature[i]);
        }
        return withoutProof + ",p=" + Base64.getEncoder().encodeToString(proof);
    }

    /** The server-final message a server that knows the password sends. */
    public String expectedServerFinal() {
        byte[] serverKey = ScramCredentials.hmac(saltedPassword, "Server Key".getBytes(StandardCharsets.US_ASCII));
        return "v=" + Base64.getEncoder().encodeToString(ScramCredentials.hmac(serverKey, authMessage));
    }
}
