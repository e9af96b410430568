package chat.protocol;

/**
 * "88" alone on a line means "I am leaving" everywhere in this chat: typed into our client it sends
 * QUIT with it as the reason, typed by a plain-text user it ends the session, typed on the operator
 * console it stops the server. ("88" sounds like "bye-bye" in Chinese.)
 */
public final class LeaveWord {
    public static final String TEXT = "88";

    private LeaveWord() {
    }

    /** True when a typed line, surrounding blanks ignored, is the leave word. */
    public static boolean is(String line) {
        return line != null && line.strip().equals(TEXT);
    }
}
