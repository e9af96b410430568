package chat.client;

import chat.protocol.IrcMessage;

/** What the {@link NetworkLoop} reports; every call comes on the network thread. */
interface NetworkListener {
    /** TCP is up: time to register. */
    void connected();

    void received(IrcMessage message);

    /**
     * The connection dropped (wasUp) or a reconnect attempt failed (not wasUp); the next attempt
     * comes after retryInMillis, or never when it is negative.
     */
    void lost(String reason, boolean wasUp, long retryInMillis);

    /** The very first connection attempt failed (refused, unreachable, timed out). */
    void failed(String reason);
}
