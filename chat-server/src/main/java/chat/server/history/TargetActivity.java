package chat.server.history;

/** A target (folded room name or conversation key) and the sequence of its latest line. */
public record TargetActivity(String target, long latestSequence) {
}
