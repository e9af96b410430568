package chat.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.bench.BenchOptions;
import chat.bench.BenchResult;
import chat.bench.BenchRun;
import chat.bench.ProgressBoard;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The bench's cluster mode (`chat bench --ports A,B,C`, the instrument of docs/SCALING.md) against
 * three nodes under load: member k of each room on node k mod 3, so every message goes to members
 * on its sender's node (delivered when Redis hands it back) and on both others (relayed as the
 * sender's node encoded it), many to a publisher round and many rounds to a loop turn. Every
 * delivery must arrive once and in its sender's order.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class BenchOverClusterTest extends ThreeNodes {
    static final int CLIENTS = 30;
    static final int MESSAGES = 150;

    BenchResult bench(String capabilities) throws Exception {
        BenchOptions options = new BenchOptions("127.0.0.1", a.port(), 3, CLIENTS, MESSAGES, 0, 16, 64, 0, 0, 10, 30,
                10, "cb", "#cb", 0, capabilities, List.of(a.port(), b.port(), c.port()));
        return new BenchRun(options, new ProgressBoard(), false, false).execute();
    }

    static void assertEveryMessageOnceInOrder(BenchResult result) {
        assertNull(result.failure());
        assertEquals(CLIENTS, result.joined());
        assertEquals(CLIENTS * (long) MESSAGES * 9, result.expected(), "each message reaches the 9 others of its room");
        assertEquals(result.expected(), result.received());
        assertTrue(result.clean(), "lost " + result.lost() + ", duplicated " + result.duplicated()
                + ", reordered " + result.reordered() + ", misrouted " + result.misrouted());
    }

    @Test
    void everyMessageReachesEveryMemberOnEveryNodeOnceInOrder() throws Exception {
        assertEveryMessageOnceInOrder(bench(""));
    }

    @Test
    void taggedReceiversAndEchoesGetEveryMessageToo() throws Exception {
        // Tagged shapes put the sender node's stamp before the relayed bytes; the echo comes back
        // through Redis like the sender's own node's deliveries.
        BenchResult result = bench("message-tags,server-time,echo-message");
        assertEveryMessageOnceInOrder(result);
        assertEquals(CLIENTS * (long) MESSAGES, result.echoed(), "every sender got its own message back once");
    }
}
