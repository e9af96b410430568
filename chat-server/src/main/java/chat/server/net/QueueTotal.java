package chat.server.net;

/**
 * The bytes queued for output on every link together, closing ones included: the number the
 * server's output budget is held to. Each {@link SendQueue} and {@link DeferredOutput} adds and
 * takes away its own bytes here as they change, so reading it costs nothing and no walk over the
 * links is needed. Loop thread only.
 */
final class QueueTotal {
    private long bytes;

    long bytes() {
        return bytes;
    }

    void add(long delta) {
        bytes += delta;
    }
}
