package chat.server.net;

import java.util.Map;

/**
 * The tags of an {@link Outbound}, made only when a receiver's shape shows tags: a line for
 * receivers that asked for nothing is encoded from the bare message, so stamping every line
 * costs the plain relay nothing but the stamp itself. Called on the loop thread only.
 */
public interface TagSource {
    /** Every tag, in wire order (for a reply that carries the line, such as a labeled echo). */
    Map<String, String> tags();

    /**
     * The tag section a receiver sees ({@code "@time=...;msgid=... "}, trailing space included),
     * ready to put before the encoded bare line; empty when it sees no tags.
     *
     * @param time    the receiver asked for server-time
     * @param allTags the receiver asked for message-tags (msgid and client-only tags)
     * @param account the receiver asked for account-tag (the sender's account, if logged in)
     */
    byte[] tagSection(boolean time, boolean allTags, boolean account);
}
