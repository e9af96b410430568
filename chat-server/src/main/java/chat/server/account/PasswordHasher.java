package chat.server.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password hashes in the PHC string format
 * ({@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}), the form libsodium, Ergo and most password
 * tools read and write. Parameters are OWASP's first recommendation for Argon2id (19 MiB, two
 * passes, one lane): about 50 ms a hash here, so a stolen file costs an attacker that per guess,
 * and two hashing threads cost the server at most 38 MiB. The parameters travel inside each hash,
 * so raising them later keeps old hashes valid. Slow on purpose: call only off the event loop.
 */
public final class PasswordHasher {
    static final int MEMORY_KIB = 19_456;
    static final int PASSES = 2;
    static final int LANES = 1;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64_IN = Base64.getDecoder();

    private final SecureRandom random = new SecureRandom();
    /** A hash of nothing in particular, checked against when an account does not exist (same time spent). */
    private volatile String decoy;

    /** A new hash of {@code password} with a fresh salt. */
    public String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] out = derive(password, salt, MEMORY_KIB, PASSES, LANES, HASH_BYTES);
        return "$argon2id$v=19$m=" + MEMORY_KIB + ",t=" + PASSES + ",p=" + LANES + "$" + B64.encodeToString(salt)
                + "$" + B64.encodeToString(out);
    }

    /**
     * True when {@code password} matches {@code encoded}; false for a malformed hash too. A null
     * {@code encoded} (no such account) is checked against a decoy, so the answer takes as long.
     * The final comparison is constant-time.
     */
    public boolean verify(String password, String encoded) {
        boolean exists = encoded != null;
        if (!exists && decoy == null) {
            decoy = hash("decoy password that no one has"); // made on first need; a race makes two, both fine
        }
        String[] parts = (exists ? encoded : decoy).split("\\$");
        // "", "argon2id", "v=19", "m=..,t=..,p=..", salt, hash
        if (parts.length != 6 || !parts[1].equals("argon2id") || !parts[2].equals("v=19")) {
            return false;
        }
        try {
            int m = 0;
            int t = 0;
            int p = 0;
            for (String param : parts[3].split(",")) {
                int value = Integer.parseInt(param.substring(2));
                switch (param.substring(0, 2)) {
                    case "m=" -> m = value;
                    case "t=" -> t = value;
                    case "p=" -> p = value;
                    default -> {
                        return false;
                    }
                }
            }
            if (m < 8 || m > 1 << 22 || t < 1 || t > 64 || p < 1 || p > 16) {
                return false; // a damaged or hostile row must not make the server allocate gigabytes
            }
            byte[] salt = B64_IN.decode(parts[4]);
            byte[] expected = B64_IN.decode(parts[5]);
            byte[] actual = derive(password, salt, m, t, p, expected.length);
            return MessageDigest.isEqual(expected, actual) && exists;
        } catch (IllegalArgumentException | StringIndexOutOfBoundsException malformed) {
            return false;
        }
    }

    private static byte[] derive(String password, byte[] salt, int memoryKib, int passes, int lanes, int length) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memoryKib)
                .withIterations(passes)
                .withParallelism(lanes)
                .withSalt(salt)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] out = new byte[length];
        byte[] secret = password.getBytes(StandardCharsets.UTF_8);
        generator.generateBytes(secret, out);
        Arrays.fill(secret, (byte) 0);
        return out;
    }
}
