package chat.server.account;

/** The accounts file cannot be used; the message is one line for the operator. */
public final class AccountsUnavailableException extends java.io.IOException {
    public AccountsUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
