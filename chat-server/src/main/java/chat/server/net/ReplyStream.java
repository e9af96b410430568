package chat.server.net;

import chat.protocol.IrcMessage;

/**
 * A long reply (LIST, WHO, NAMES) produced one line at a time as the peer drains its queue, rather
 * than queued whole: a client that asks for 38,000 rooms and never reads holds at most a refill's
 * worth of lines ({@link LinkPolicy#streamRefillBytes()}) and this cursor, not the whole list.
 * Called on the loop thread only, possibly many turns after it was made, so an implementation
 * must cope with the chat having changed in between.
 */
@FunctionalInterface
public interface ReplyStream {
    /** The next line, or null when the reply is complete. */
    IrcMessage next();
}
