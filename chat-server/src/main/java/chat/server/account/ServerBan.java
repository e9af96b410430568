package chat.server.account;

/**
 * A ban the operator set on the console: nobody whose nick!user@host matches {@code mask} may
 * connect until it expires ({@code expiresAtMillis} 0: never).
 */
public record ServerBan(String mask, String reason, String setBy, long setAtMillis, long expiresAtMillis) {
    public boolean expired(long nowMillis) {
        return expiresAtMillis != 0 && nowMillis >= expiresAtMillis;
    }
}
