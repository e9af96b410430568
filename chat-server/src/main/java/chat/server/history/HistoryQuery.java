package chat.server.history;

/**
 * One request for stored lines of one target, in sequences (see {@link Sequences}); every bound
 * is exclusive, as CHATHISTORY's are.
 *
 * @param from         LATEST and AFTER: lines after it; BEFORE: lines before it; AROUND: the
 *                     middle; BETWEEN: one end
 * @param to           BETWEEN: the other end (lines go from {@code from} towards it); else unused
 * @param events       JOIN, PART, QUIT, KICK, NICK and TOPIC too (draft/event-playback), not only messages
 * @param notBefore    nothing at or below this sequence is returned (access and replay windows)
 */
public record HistoryQuery(Kind kind, String target, long from, long to, int limit, boolean events, long notBefore) {
    public enum Kind { LATEST, BEFORE, AFTER, AROUND, BETWEEN }

    public HistoryQuery {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
    }

    /** Messages always; events (JOIN, PART, ...) only for draft/event-playback. */
    public boolean wants(String command) {
        return events || command.equals("PRIVMSG") || command.equals("NOTICE");
    }
}
