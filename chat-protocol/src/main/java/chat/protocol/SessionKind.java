package chat.protocol;

/**
 * Which dialect a connection speaks, chosen once from its first line.
 *
 * <p>Every IRC client opens with a registration command that carries a parameter
 * ({@code CAP LS 302}, {@code PASS secret}, {@code NICK alice}, {@code USER ...}). Anything else is a
 * person at {@code nc} or {@code telnet} typing a nickname, so a lone word such as {@code nick} is
 * still taken as a nickname.
 */
public enum SessionKind {
    IRC,
    PLAIN_TEXT;

    private static final String[] REGISTRATION_COMMANDS = {Command.CAP, Command.PASS, Command.NICK, Command.USER};

    public static SessionKind ofFirstLine(String line) {
        String trimmed = line.strip();
        if (trimmed.startsWith("@")) {
            return IRC; // only IRCv3 software starts a line with message tags
        }
        int space = trimmed.indexOf(' ');
        if (space <= 0 || trimmed.substring(space).isBlank()) {
            return PLAIN_TEXT;
        }
        String word = trimmed.substring(0, space);
        for (String registration : REGISTRATION_COMMANDS) {
            if (word.equalsIgnoreCase(registration)) {
                return IRC;
            }
        }
        return PLAIN_TEXT;
    }
}
