package chat.server.cluster;

/** The node cannot join its cluster at start: Redis does not answer, or the node's name is in use. */
public final class ClusterUnavailableException extends Exception {
    private static final long serialVersionUID = 1L;

    public ClusterUnavailableException(String message) {
        super(message);
    }
}
