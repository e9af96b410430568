package chat.client.net;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The SHA-256 of a certificate, written as people compare it: {@code SHA256:AB:CD:...} (the form
 * {@code openssl x509 -fingerprint -sha256} prints, with the algorithm in front as ssh does).
 */
public final class Fingerprint {
    private static final int SHA256_BYTES = 32;
    private static final String PREFIX = "SHA256:";

    private final String hex;

    private Fingerprint(String hex) {
        this.hex = hex;
    }

    public static Fingerprint of(X509Certificate certificate) {
        try {
            return new Fingerprint(HexFormat.of().withUpperCase()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded())));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot take the certificate's SHA-256", e);
        }
    }

    /**
     * What a person pastes: with or without "SHA256:", with or without colons (or spaces), any case.
     * Throws IllegalArgumentException saying what is wrong.
     */
    public static Fingerprint parse(String text) {
        String rest = text.strip();
        if (rest.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            rest = rest.substring(PREFIX.length());
        } else if (rest.regionMatches(true, 0, "SHA-256:", 0, 8)) {
            rest = rest.substring(8);
        }
        String digits = rest.replace(":", "").replace(" ", "").toUpperCase(Locale.ROOT);
        if (digits.length() != SHA256_BYTES * 2 || !digits.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new IllegalArgumentException("not a SHA-256 fingerprint (64 hexadecimal digits, colons optional): " + text);
        }
        return new Fingerprint(digits);
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(PREFIX);
        for (int i = 0; i < hex.length(); i += 2) {
            out.append(i == 0 ? "" : ":").append(hex, i, i + 2);
        }
        return out.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Fingerprint that && hex.equals(that.hex);
    }

    @Override
    public int hashCode() {
        return hex.hashCode();
    }
}
