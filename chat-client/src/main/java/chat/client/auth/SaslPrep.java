package chat.client.auth;

import java.text.Normalizer;

/**
 * The SASLprep profile (RFC 4013) that SCRAM applies to passwords, so "pässword" typed as one
 * composed character or as a + combining mark gives the same key on every client: spaces of other
 * kinds become U+0020, characters "commonly mapped to nothing" (RFC 3454 B.1) go, then NFKC.
 * A password with control characters is refused rather than silently changed.
 */
final class SaslPrep {
    private SaslPrep() {
    }

    static String prepare(String password) throws SaslMechanism.SaslException {
        StringBuilder mapped = new StringBuilder(password.length());
        password.codePoints().forEach(c -> {
            if (Character.isSpaceChar(c) && c != ' ') {
                mapped.append(' '); // RFC 3454 C.1.2, non-ASCII space characters
            } else if (!mappedToNothing(c)) {
                mapped.appendCodePoint(c);
            }
        });
        String normalized = Normalizer.normalize(mapped, Normalizer.Form.NFKC);
        if (normalized.codePoints().anyMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.PRIVATE_USE
                || Character.getType(c) == Character.SURROGATE || c == 0xFFFD)) {
            throw new SaslMechanism.SaslException("the password holds control or private-use characters SCRAM cannot use");
        }
        return normalized;
    }

    /** RFC 3454 table B.1: soft hyphen, joiners, variation selectors and the like. */
    private static boolean mappedToNothing(int c) {
        return c == 0x00AD || c == 0x034F || c == 0x1806 || c == 0x180B || c == 0x180C || c == 0x180D
                || c == 0x200B || c == 0x200C || c == 0x200D || c == 0x2060 || (c >= 0xFE00 && c <= 0xFE0F) || c == 0xFEFF;
    }
}
