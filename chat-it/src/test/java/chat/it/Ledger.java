package chat.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;

/**
 * What one receiver got from each sender: numbered messages "seq N" must arrive exactly once and
 * in the order sent, so the next one expected from a sender is always the count so far.
 */
final class Ledger {
    private final String owner;
    private final Map<String, Integer> nextFrom = new HashMap<>();
    private int total;

    Ledger(String owner) {
        this.owner = owner;
    }

    /** Records ":nick!u@h PRIVMSG target :seq N nick"; returns false for any other line. */
    boolean record(String line) {
        int privmsg = line.indexOf(" PRIVMSG ");
        int seqAt = line.indexOf(" :seq ");
        if (!line.startsWith(":") || privmsg < 0 || seqAt < 0) {
            return false;
        }
        String sender = line.substring(1, line.indexOf('!'));
        String[] body = line.substring(seqAt + 6).split(" ");
        int seq = Integer.parseInt(body[0]);
        assertEquals(sender, body[1], () -> owner + ": a message claims another sender than its prefix: " + line);
        int expected = nextFrom.getOrDefault(sender, 0);
        assertEquals(expected, seq, () -> owner + ": from " + sender + " expected seq " + expected
                + (seq < expected ? " (duplicate)" : " (lost or reordered)") + ": " + line);
        nextFrom.put(sender, seq + 1);
        total++;
        return true;
    }

    /** A sender left (its QUIT was seen): its count is no longer needed, so a long soak keeps no per-sender state. */
    void forget(String sender) {
        nextFrom.remove(sender);
    }

    int total() {
        return total;
    }

    int from(String sender) {
        return nextFrom.getOrDefault(sender, 0);
    }

    void assertComplete(Iterable<String> senders, int each) {
        for (String sender : senders) {
            assertTrue(sender.equals(owner) || from(sender) == each,
                    () -> owner + " got " + from(sender) + " of " + each + " messages from " + sender);
        }
    }

    static String message(String target, int seq, String nick) {
        return "PRIVMSG " + target + " :seq " + seq + " " + nick;
    }
}
