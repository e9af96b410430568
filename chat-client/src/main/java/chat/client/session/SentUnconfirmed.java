package chat.client.session;

import chat.protocol.IrcMessage;
import chat.protocol.IrcNames;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.Optional;

/**
 * My messages on a server without echo-message: shown as sent when written, but a 401 (no such
 * nick) or 404 (cannot send) may still come back for one. The server answers each connection's
 * lines in order and says nothing when a message was delivered, so a refusal naming a target is
 * for the oldest message to that target still remembered. Messages are remembered for
 * {@link #REMEMBER_MILLIS} (far longer than a refusal takes to arrive) and at most
 * {@link #MOST_REMEMBERED}. Network thread only.
 */
final class SentUnconfirmed {
    static final long REMEMBER_MILLIS = 30_000;
    static final int MOST_REMEMBERED = 200;

    private record Sent(IrcMessage message, long atMillis) {
    }

    private final ArrayDeque<Sent> sent = new ArrayDeque<>();

    void written(IrcMessage message, long nowMillis) {
        forgetOld(nowMillis);
        sent.addLast(new Sent(message, nowMillis));
        if (sent.size() > MOST_REMEMBERED) {
            sent.removeFirst();
        }
    }

    /** The oldest remembered message to this target, taken out: the one the server refused. */
    Optional<IrcMessage> refused(String target, long nowMillis) {
        forgetOld(nowMillis);
        for (Iterator<Sent> it = sent.iterator(); it.hasNext(); ) {
            Sent one = it.next();
            if (IrcNames.equalsFolded(one.message().param(0), target)) {
                it.remove();
                return Optional.of(one.message());
            }
        }
        return Optional.empty();
    }

    void clear() {
        sent.clear();
    }

    private void forgetOld(long nowMillis) {
        while (!sent.isEmpty() && nowMillis - sent.peekFirst().atMillis() > REMEMBER_MILLIS) {
            sent.removeFirst();
        }
    }
}
