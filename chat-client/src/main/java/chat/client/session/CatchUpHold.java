package chat.client.session;

import chat.protocol.IrcMessage;
import chat.protocol.IrcNames;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Live chat lines of the conversations whose catch-up after a reconnect is still on its way. A line
 * said now is newer than anything the catch-up brings, so it waits and is shown after the "while
 * you were away" block instead of above it, where the screen would read newest before oldest.
 * Network thread only.
 *
 * <p>Nothing waits for long, however the server answers (or fails to): a hold ends after
 * {@link #MOST_MILLIS} or {@link #MOST_LINES}, whichever comes first. 10 s is many round trips:
 * a catch-up of the most pages a client asks for takes a few seconds even on a slow link, so a
 * hold that lasts longer means the server has stopped answering, and a room silent for longer
 * looks broken. 500 lines is more than a busy room says in those 10 s, and keeps what is held to
 * a few MB even at the longest tagged lines.
 */
final class CatchUpHold {
    static final long MOST_MILLIS = 10_000;
    static final int MOST_LINES = 500;

    /** One conversation's hold: when it began (clock milliseconds) and its lines in arrival order. */
    private record Hold(long since, List<IrcMessage> lines) {
    }

    /** By folded name, in the order the holds began, which is the order overdue ones are shown in. */
    private final Map<String, Hold> holds = new LinkedHashMap<>();

    /** A catch-up of this conversation was asked for: its live lines wait from now on. */
    void start(String name, long nowMillis) {
        holds.putIfAbsent(IrcNames.fold(name), new Hold(nowMillis, new ArrayList<>()));
    }

    /** Keeps a live line back when its conversation is catching up; false when it is not (show it now). */
    boolean keep(String name, IrcMessage line) {
        Hold hold = holds.get(IrcNames.fold(name));
        if (hold == null) {
            return false;
        }
        hold.lines().add(line);
        return true;
    }

    /** The conversation caught up (or could not): its lines, in arrival order, to show now. */
    List<IrcMessage> end(String name) {
        Hold hold = holds.remove(IrcNames.fold(name));
        return hold == null ? List.of() : hold.lines();
    }

    /** Ends the holds that lasted their time or filled up: their lines, hold after hold. */
    List<IrcMessage> endOverdue(long nowMillis) {
        List<IrcMessage> due = new ArrayList<>();
        for (Iterator<Hold> it = holds.values().iterator(); it.hasNext();) {
            Hold hold = it.next();
            if (nowMillis - hold.since() >= MOST_MILLIS || hold.lines().size() >= MOST_LINES) {
                due.addAll(hold.lines());
                it.remove();
            }
        }
        return due;
    }

    /** The connection ended: no catch-up on it will complete, so every line held goes out. */
    List<IrcMessage> endAll() {
        List<IrcMessage> all = new ArrayList<>();
        holds.values().forEach(hold -> all.addAll(hold.lines()));
        holds.clear();
        return all;
    }
}
