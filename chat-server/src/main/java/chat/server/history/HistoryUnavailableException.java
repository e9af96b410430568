package chat.server.history;

/** The history database cannot be used; the message is one line for the operator. */
public final class HistoryUnavailableException extends java.io.IOException {
    public HistoryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
