package chat.protocol;

/** A line that cannot be read as an IRC message; the message says why, for the reply or the log. */
public final class MalformedMessageException extends Exception {
    public MalformedMessageException(String reason) {
        super(reason, null, false, false);
    }
}
