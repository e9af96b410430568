package chat.protocol;

/**
 * IRCv3 message-tags key syntax: {@code ['+'] [vendor '/'] name}, where name is letters, digits
 * and '-', and vendor is a host name (letters, digits, '-' and '.'). A server relays a client's
 * tag only when its key is well formed, so a receiver's parser never meets a key it cannot read.
 */
public final class TagKeys {
    private TagKeys() {
    }

    /** A client-only tag ({@code +name} or {@code +vendor/name}) with a well-formed key. */
    public static boolean isValidClientTag(String key) {
        return key.length() > 1 && key.charAt(0) == '+' && isValidKey(key, 1);
    }

    private static boolean isValidKey(String key, int from) {
        int slash = key.indexOf('/', from);
        if (slash >= 0) {
            if (slash == from || !allOf(key, from, slash, true)) {
                return false;
            }
            from = slash + 1;
        }
        return from < key.length() && allOf(key, from, key.length(), false);
    }

    private static boolean allOf(String key, int from, int to, boolean dotsAllowed) {
        for (int i = from; i < to; i++) {
            char c = key.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'
                    || (dotsAllowed && c == '.');
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
