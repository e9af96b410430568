package chat.server.account;

import java.nio.file.Path;

/**
 * How accounts work on this server.
 *
 * @param dataDirectory  where {@code accounts.db} lives; null keeps accounts in memory only
 *                       (tests, embedding). The command line always gives one.
 * @param openRegistration true: anyone may REGISTER; false: only the operator, on the console
 * @param protectNicks   true: an account's nick is refused to anyone not logged in to it
 */
public record AccountConfig(Path dataDirectory, boolean openRegistration, boolean protectNicks) {
    /** In memory, open, protected: what a configuration built in code gets. */
    public static AccountConfig defaults() {
        return new AccountConfig(null, true, true);
    }
}
