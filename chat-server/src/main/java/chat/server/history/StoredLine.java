package chat.server.history;

/**
 * One line as kept: its msgid sequence (which orders everything), when it was said, and the bare
 * IRC line as relayed (source prefix, command, parameters; no tags: those are made again from
 * {@code sequence} and {@code epochMillis} when it is replayed).
 */
public record StoredLine(long sequence, long epochMillis, String command, String line) {
}
