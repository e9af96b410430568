package chat.server.model;

/** Who had a nick, for WHOWAS: as they were when they left it, and when (a human-readable time). */
public record WhowasRecord(String nick, String userName, String host, String realName, String when) {
}
