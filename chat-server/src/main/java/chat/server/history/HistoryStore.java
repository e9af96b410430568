package chat.server.history;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Where history lives, as the loop and the handlers see it: the seam between them and the store.
 * {@link History} keeps it in SQLite on this server; in a cluster (--cluster)
 * {@code chat.server.cluster.ClusterHistory} reads it from Redis streams every node shares. Called
 * on the loop thread; nothing here blocks: answers come back through the loop's task queue.
 */
public interface HistoryStore extends AutoCloseable {
    /** False: nothing is kept and every query finds nothing (--no-history). */
    boolean enabled();

    HistoryConfig config();

    /** Rooms remembered from earlier runs (topics), by folded name. */
    Map<String, RoomRecord> rooms();

    /** The newest sequence stored when the server started (0: none); msgids continue above it. */
    long newestSequence();

    /**
     * Keeps a line, as relayed, in the history of {@code target} (a folded room name or a
     * conversation key); {@code wireLine} is shared with the relay and never changed.
     */
    void append(String target, long sequence, long epochMillis, String command, byte[] wireLine);

    /** End of a loop turn: what was appended during it may be handed over in one piece. */
    void endTurn();

    /** Keeps a room's settings (its topic) for when it is made again. */
    void saveRoom(RoomRecord room);

    /** True while the store is so far behind that the loop should stop reading clients. */
    boolean behind();

    /**
     * Runs the query off the loop; {@code found} or {@code failed} (with a reason for the client)
     * then runs on the loop, or at once when the answer is known without asking.
     */
    void query(HistoryQuery query, Consumer<List<StoredLine>> found, Consumer<String> failed);

    /** CHATHISTORY TARGETS off the loop, as {@link #query}. */
    void targets(List<String> rooms, List<String> conversationPatterns, long low, long high, int limit,
            Consumer<List<TargetActivity>> found, Consumer<String> failed);

    /** For /stats: one line about the store. */
    String stats();

    /** Hands over what is queued, then lets go of the store (not on the loop while it runs). */
    @Override
    void close();
}
