package chat.client.session;

import chat.protocol.IrcMessage;
import chat.protocol.IrcNames;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * My own messages between typing and the server's echo (IRCv3 echo-message): which are waiting,
 * in the order typed, and which of them have been written to the connection. An echo confirms the
 * first sent line with the same target and text; a refusal names a target and fails the oldest sent
 * line for it; a lost connection fails every sent line, while lines not yet written wait for the
 * next connection. Used by the console thread (typed) and the network thread (the rest).
 */
public final class DeliveryTracker {
    /** One of my lines on its way: the PRIVMSG as sent (target, text). */
    public record Pending(long id, IrcMessage message) {
        String target() {
            return message.param(0);
        }

        String text() {
            return message.lastParam();
        }
    }

    private static final class Entry {
        final Pending line;
        boolean sent;

        Entry(Pending line) {
            this.line = line;
        }
    }

    private final List<Entry> waiting = new ArrayList<>();
    private long nextId;

    synchronized Pending typed(IrcMessage message) {
        Pending line = new Pending(nextId++, message);
        waiting.add(new Entry(line));
        return line;
    }

    /** The line has been handed to the connection: from now on an echo or a refusal may come for it. */
    synchronized void sent(Pending line) {
        waiting.stream().filter(e -> e.line.equals(line)).forEach(e -> e.sent = true);
    }

    /** The line will not be confirmed (the server on this connection does not echo): stop waiting. */
    synchronized void forget(Pending line) {
        waiting.removeIf(e -> e.line.equals(line));
    }

    /** The server echoed one of my messages: the first sent line it matches, now delivered. */
    synchronized Optional<Pending> echoed(IrcMessage echo) {
        return take(e -> e.sent && IrcNames.equalsFolded(e.line.target(), echo.param(0))
                && e.line.text().equals(echo.lastParam()));
    }

    /** The server refused a message to this target (null: it named none): the oldest sent line concerned. */
    synchronized Optional<Pending> refused(String target) {
        return take(e -> e.sent && (target == null || IrcNames.equalsFolded(e.line.target(), target)));
    }

    /** The connection dropped: every sent line that was not echoed is lost with it. */
    synchronized List<Pending> connectionLost() {
        List<Pending> lost = new ArrayList<>();
        for (Iterator<Entry> it = waiting.iterator(); it.hasNext(); ) {
            Entry entry = it.next();
            if (entry.sent) {
                lost.add(entry.line);
                it.remove();
            }
        }
        return lost;
    }

    /** Every line still waiting, in the order typed. */
    synchronized List<Pending> waiting() {
        return waiting.stream().map(e -> e.line).toList();
    }

    private Optional<Pending> take(java.util.function.Predicate<Entry> matches) {
        for (Iterator<Entry> it = waiting.iterator(); it.hasNext(); ) {
            Entry entry = it.next();
            if (matches.test(entry)) {
                it.remove();
                return Optional.of(entry.line);
            }
        }
        return Optional.empty();
    }
}
