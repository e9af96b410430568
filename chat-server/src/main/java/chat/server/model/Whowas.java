package chat.server.model;

import chat.protocol.IrcNames;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** The last users to leave a nick (quit or rename), newest first, bounded: WHOWAS answers from it. */
public final class Whowas {
    /** Enough for a day of a busy server's departures; each entry is a few hundred bytes. */
    static final int CAPACITY = 1_000;
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss yyyy 'UTC'").withZone(ZoneOffset.UTC);

    private final ArrayDeque<WhowasRecord> recent = new ArrayDeque<>();

    /** {@code user} is leaving its nick (loop thread). */
    public void left(User user, long epochMillis) {
        if (user.nick() == null || !user.isRegistered()) {
            return;
        }
        recent.addFirst(new WhowasRecord(user.nick(), user.userName(), user.host(), user.realName(),
                WHEN.format(Instant.ofEpochMilli(epochMillis))));
        if (recent.size() > CAPACITY) {
            recent.removeLast();
        }
    }

    /** Up to {@code count} who had {@code nick}, newest first. */
    public List<WhowasRecord> find(String nick, int count) {
        List<WhowasRecord> found = new ArrayList<>();
        for (Iterator<WhowasRecord> it = recent.iterator(); it.hasNext() && found.size() < count; ) {
            WhowasRecord record = it.next();
            if (IrcNames.equalsFolded(record.nick(), nick)) {
                found.add(record);
            }
        }
        return found;
    }
}
