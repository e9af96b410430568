package chat.server.account;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * What SCRAM-SHA-256 (RFC 5802, RFC 7677) needs to check a login without the password:
 * the salt, the PBKDF2 iteration count, StoredKey = H(ClientKey) and ServerKey. Neither key logs
 * anyone in by itself (StoredKey is a hash of what the client proves; ServerKey only lets the
 * server prove itself), but a stolen pair can be guessed against at PBKDF2's speed, so the count
 * is high. Derived once, when the password is set, off the event loop.
 */
public record ScramCredentials(byte[] salt, int iterations, byte[] storedKey, byte[] serverKey) {
    /** OWASP's 2023 figure for PBKDF2-HMAC-SHA256; the client pays it once per login (~60 ms). */
    public static final int ITERATIONS = 100_000;
    private static final int SALT_BYTES = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Fresh credentials for {@code password}. */
    public static ScramCredentials derive(String password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return derive(password, salt, ITERATIONS);
    }

    public static ScramCredentials derive(String password, byte[] salt, int iterations) {
        byte[] salted = saltedPassword(password, salt, iterations);
        byte[] clientKey = hmac(salted, "Client Key".getBytes(StandardCharsets.US_ASCII));
        return new ScramCredentials(salt, iterations, sha256(clientKey),
                hmac(salted, "Server Key".getBytes(StandardCharsets.US_ASCII)));
    }

    static byte[] saltedPassword(String password, byte[] salt, int iterations) {
        try {
            // SASLprep is the identity for the passwords people type (printable, no odd spaces);
            // PBKDF2WithHmacSHA256 hashes the chars as UTF-8, as RFC 5802's Hi() does.
            PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, 256);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks PBKDF2WithHmacSHA256", e);
        }
    }

    static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks HmacSHA256", e);
        }
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }
}
