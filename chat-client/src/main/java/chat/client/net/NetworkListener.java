package chat.client.net;

import chat.protocol.IrcMessage;

/** What the {@link NetworkLoop} reports; every call comes on the network thread. */
public interface NetworkListener {
    /** TCP is up: time to register. */
    void connected();

    void received(IrcMessage message);

    /**
     * The connection dropped (wasUp) or a reconnect attempt failed (not wasUp); the next attempt
     * comes after retryInMillis, or never when it is negative.
     */
    void lost(String reason, boolean wasUp, long retryInMillis);

    /** A line from the server could not be read (too long, not UTF-8, NUL inside); it was skipped. */
    void unreadable(String what);

    /** The very first connection attempt failed (refused, unreachable, timed out). */
    void failed(String reason);
}
