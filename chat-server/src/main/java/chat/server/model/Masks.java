package chat.server.model;

import chat.protocol.IrcNames;

/**
 * Ban masks ({@code nick!user@host} with {@code *} and {@code ?}), compared rfc1459-folded as
 * nicks are. A partial mask is completed the way widely used servers do: {@code bob} is
 * {@code bob!*@*}, {@code bob@host} is {@code *!bob@host}, {@code bob!x} is {@code bob!x@*}.
 */
public final class Masks {
    private Masks() {
    }

    public static String normalize(String mask) {
        int bang = mask.indexOf('!');
        int at = mask.indexOf('@');
        if (bang < 0 && at < 0) {
            return mask + "!*@*";
        }
        if (bang < 0) {
            return "*!" + mask;
        }
        if (at < 0) {
            return mask + "@*";
        }
        return mask;
    }

    /** True when {@code prefix} (nick!user@host) matches the normalized {@code mask}. */
    public static boolean matches(String mask, String prefix) {
        return glob(IrcNames.fold(mask), 0, IrcNames.fold(prefix), 0);
    }

    private static boolean glob(String mask, int m, String text, int t) {
        // Iterative with one backtrack point for the last '*': linear for the masks people write.
        int starM = -1;
        int starT = -1;
        while (t < text.length()) {
            if (m < mask.length() && (mask.charAt(m) == '?' || mask.charAt(m) == text.charAt(t))) {
                m++;
                t++;
            } else if (m < mask.length() && mask.charAt(m) == '*') {
                starM = m++;
                starT = t;
            } else if (starM >= 0) {
                m = starM + 1;
                t = ++starT;
            } else {
                return false;
            }
        }
        while (m < mask.length() && mask.charAt(m) == '*') {
            m++;
        }
        return m == mask.length();
    }
}
