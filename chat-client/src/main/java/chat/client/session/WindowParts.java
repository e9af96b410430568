package chat.client.session;

/**
 * The parts of one session that serve the windowed view and the commands around it, shared by the
 * network side ({@link ServerMessageHandler}) and the console side ({@link TypedLineHandler}):
 * the joins awaiting the server's answer, the ignore list, the rooms heard of (for completion),
 * and what the connection is doing (for the status bar).
 */
public record WindowParts(JoinRequests joins, IgnoreList ignored, RoomDirectory directory, LinkState link) {

    public static WindowParts create(IgnoreList ignored) {
        return new WindowParts(new JoinRequests(), ignored, new RoomDirectory(), new LinkState());
    }

    /** With an ignore list that lives only as long as the session (tests, no home directory). */
    public static WindowParts inMemory() {
        return create(IgnoreList.in(null));
    }
}
