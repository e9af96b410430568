package chat.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The same load with history on: the lines a publisher round keeps go into the rooms' streams in
 * the round's one script call. Every line is kept once, and each stream holds each sender's lines
 * in the order it sent them (the order every member was shown).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class BenchOverClusterWithHistoryTest extends BenchOverClusterTest {
    @Override
    String[] nodeOptions() {
        return new String[] {"--history-max-messages", "10000"};
    }

    @Override
    @Test
    void everyMessageReachesEveryMemberOnEveryNodeOnceInOrder() throws Exception {
        assertEveryMessageOnceInOrder(bench(""));
        for (int room = 0; room < 3; room++) {
            // the room's JOINs and QUITs are kept too (for event-playback): the messages are the PRIVMSGs
            List<String> lines = keptLines("chat:history:#cb" + room).stream().filter(l -> l.contains(" PRIVMSG ")).toList();
            assertEquals(CLIENTS / 3 * MESSAGES, lines.size(), "room " + room + " keeps each of its members' lines once");
            Map<String, Long> lastBySender = new HashMap<>();
            for (String line : lines) {
                String[] payload = line.substring(line.lastIndexOf(' ') + 1).split("\\."); // sender.sequence.time.padding
                long sequence = Long.parseLong(payload[1]);
                Long before = lastBySender.put(payload[0], sequence);
                assertTrue(before == null || before < sequence, "sender " + payload[0] + " out of order in room " + room);
            }
        }
    }

    @Override
    @Test
    void taggedReceiversAndEchoesGetEveryMessageToo() {
        // covered without history by the parent; here the streams are the point
    }

    /** The {@code l} field of every entry of {@code stream}, oldest first (redis-cli prints one value a line). */
    private List<String> keptLines(String stream) throws Exception {
        String[] answer = rig.redis("XRANGE", stream, "-", "+").split("\n");
        List<String> lines = new ArrayList<>();
        for (int i = 0; i + 1 < answer.length; i++) {
            if (answer[i].equals("l")) {
                lines.add(answer[++i]);
            }
        }
        return lines;
    }
}
