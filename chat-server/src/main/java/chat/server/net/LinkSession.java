package chat.server.net;

import chat.protocol.DecodedLine;

/**
 * What sits above a {@link Link}: the person's session (IRC or plain text). The loop calls it on
 * its own thread only, and never in the middle of another link's work.
 */
public interface LinkSession {
    /** A line arrived and passed flood control and fairness; handle it now. */
    void onLine(DecodedLine line);

    /** The periodic sweep: check registration and ping deadlines. Not called once closing. */
    void onSweep(long nowMillis);

    /**
     * The link is closing (at the end of a loop turn, never mid-broadcast): leave the chat.
     * {@code announce} is false at shutdown, where everyone leaves at once.
     */
    void onClose(String reason, boolean announce);

    /**
     * True while the session waits for an answer from another thread before its next line may be
     * handled (a nick being claimed across a cluster): lines wait, in order, in the link's backlog.
     */
    default boolean holdsInput() {
        return false;
    }

    /** Makes the session for a newly accepted link, which it may greet. */
    @FunctionalInterface
    interface Factory {
        LinkSession open(Link link);
    }
}
