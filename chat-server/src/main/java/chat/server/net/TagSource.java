package chat.server.net;

import java.util.Map;

/**
 * The tags of an {@link Outbound}, made only when a receiver's shape shows tags: a line for
 * receivers that asked for nothing is encoded from the bare message, so stamping every line
 * costs the plain relay nothing but the stamp itself.
 */
@FunctionalInterface
public interface TagSource {
    /** The tags in wire order; called at most once per {@link Outbound}, on the loop thread. */
    Map<String, String> tags();
}
