package chat.server.history;

/** A room's remembered settings: its name as first written, and its topic (null: none). */
public record RoomRecord(String folded, String name, String topic, String topicSetBy, long topicSetEpochSeconds) {
}
