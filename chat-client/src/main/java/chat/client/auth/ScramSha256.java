package chat.client.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * SCRAM-SHA-256 on the client's side (RFC 7677, the SHA-256 variant of RFC 5802), without channel
 * binding ("n,,"). The password never crosses the wire: the client proves it knows it, and checks
 * the server's signature in return, so a server that does not hold the account's keys is caught.
 * Built on the JDK's PBKDF2WithHmacSHA256 and HmacSHA256; no library needed for four primitives.
 *
 * <p>Three steps: the client-first message (our nonce), the client-final message (the proof, in
 * answer to the server-first message with salt and iteration count), and the check of the
 * server-final message. Then an empty response ends the exchange (RFC 5802 section 5).
 */
final class ScramSha256 implements SaslMechanism {
    /** RFC 7677 section 4: at least 4096; more than this is a server making the client work for nothing. */
    private static final int MOST_ITERATIONS = 1_000_000;
    private static final String GS2_HEADER = "n,,";
    private static final int NONCE_BYTES = 18;

    private enum Step { FIRST, FINAL, VERIFY, DONE }

    private final String account;
    private final String password;
    private final String clientNonce;
    private Step step = Step.FIRST;
    private String clientFirstBare;
    private byte[] expectedServerSignature;

    ScramSha256(String account, String password) {
        this(account, password, randomNonce());
    }

    /** With a fixed nonce, for RFC 7677's test vector. */
    ScramSha256(String account, String password, String clientNonce) {
        this.account = account;
        this.password = password;
        this.clientNonce = clientNonce;
    }

    @Override
    public String name() {
        return "SCRAM-SHA-256";
    }

    @Override
    public byte[] respond(byte[] challenge) throws SaslException {
        String text = new String(challenge, StandardCharsets.UTF_8);
        switch (step) {
            case FIRST -> {
                step = Step.FINAL;
                clientFirstBare = "n=" + saslName(account) + ",r=" + clientNonce;
                return utf8(GS2_HEADER + clientFirstBare);
            }
            case FINAL -> {
                step = Step.VERIFY;
                return utf8(clientFinal(text));
            }
            case VERIFY -> {
                step = Step.DONE;
                verify(text);
                return new byte[0];
            }
            default -> throw new SaslException("the server went on after the exchange was complete");
        }
    }

    private String clientFinal(String serverFirst) throws SaslException {
        Map<Character, String> fields = fields(serverFirst);
        String nonce = fields.get('r');
        String salt = fields.get('s');
        String iterationText = fields.get('i');
        if (fields.containsKey('m') || nonce == null || salt == null || iterationText == null) {
            throw new SaslException("the server's SCRAM challenge is malformed");
        }
        if (!nonce.startsWith(clientNonce) || nonce.length() == clientNonce.length()) {
            throw new SaslException("the server's SCRAM nonce does not continue ours");
        }
        int iterations;
        byte[] saltBytes;
        try {
            iterations = Integer.parseInt(iterationText);
            saltBytes = Base64.getDecoder().decode(salt);
        } catch (IllegalArgumentException e) {
            throw new SaslException("the server's SCRAM salt or iteration count is malformed");
        }
        if (iterations < 1 || iterations > MOST_ITERATIONS) {
            throw new SaslException("the server asks for " + iterationText + " SCRAM iterations");
        }
        String withoutProof = "c=" + Base64.getEncoder().encodeToString(utf8(GS2_HEADER)) + ",r=" + nonce;
        String authMessage = clientFirstBare + "," + serverFirst + "," + withoutProof;
        try {
            byte[] salted = saltedPassword(SaslPrep.prepare(password), saltBytes, iterations);
            byte[] clientKey = hmac(salted, "Client Key");
            byte[] storedKey = MessageDigest.getInstance("SHA-256").digest(clientKey);
            byte[] clientSignature = hmac(storedKey, authMessage);
            byte[] proof = new byte[clientKey.length];
            for (int i = 0; i < proof.length; i++) {
                proof[i] = (byte) (clientKey[i] ^ clientSignature[i]);
            }
            expectedServerSignature = hmac(hmac(salted, "Server Key"), authMessage);
            return withoutProof + ",p=" + Base64.getEncoder().encodeToString(proof);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks PBKDF2WithHmacSHA256 or HmacSHA256", e);
        }
    }

    private void verify(String serverFinal) throws SaslException {
        Map<Character, String> fields = fields(serverFinal);
        if (fields.containsKey('e')) {
            throw new SaslException("the server refused the proof: " + fields.get('e'));
        }
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(fields.getOrDefault('v', ""));
        } catch (IllegalArgumentException e) {
            throw new SaslException("the server's SCRAM signature is malformed");
        }
        if (!MessageDigest.isEqual(signature, expectedServerSignature)) {
            throw new SaslException("the server could not prove it knows this account's password (wrong server?)");
        }
    }

    private static byte[] saltedPassword(String password, byte[] salt, int iterations) throws GeneralSecurityException {
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, 256);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } finally {
            spec.clearPassword();
        }
    }

    private static byte[] hmac(byte[] key, String text) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(utf8(text));
    }

    /** "r=abc,s=xyz,i=4096" as r, s, i; each attribute is one letter (RFC 5802 section 5.1). */
    private static Map<Character, String> fields(String message) throws SaslException {
        Map<Character, String> fields = new LinkedHashMap<>();
        for (String part : message.split(",")) {
            if (part.length() < 2 || part.charAt(1) != '=') {
                throw new SaslException("the server's SCRAM message is malformed");
            }
            fields.putIfAbsent(part.charAt(0), part.substring(2));
        }
        return fields;
    }

    /** RFC 5802 section 5.1: ',' and '=' in a user name are written =2C and =3D. */
    static String saslName(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFKC).replace("=", "=3D").replace(",", "=2C");
    }

    private static String randomNonce() {
        byte[] bytes = new byte[NONCE_BYTES];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().withoutPadding().encodeToString(bytes).replace('/', '-').replace('+', '_');
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
