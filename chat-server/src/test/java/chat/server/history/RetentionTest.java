package chat.server.history;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pruning by age and by count per conversation (the writer prunes at start, then every minute). */
class RetentionTest {
    private static final long DAY = 86_400_000L;

    @TempDir
    Path dir;
    private final AtomicLong now = new AtomicLong(100 * DAY);

    private History open(long maxAgeMillis, int maxPerTarget) throws Exception {
        return History.open(new HistoryConfig(dir, maxAgeMillis, maxPerTarget, 0), now::get, Runnable::run,
                Runnable::run, () -> { });
    }

    /** One line a turn, so each is a chunk of its own (as under light load). */
    private static void say(History history, String target, long millis, String text) throws InterruptedException {
        history.append(target, Sequences.first(millis), millis, "PRIVMSG",
                (":bob!b@h PRIVMSG " + target + " :" + text + "\r\n").getBytes(StandardCharsets.UTF_8));
        history.endTurn();
        history.flush();
    }

    private static List<String> texts(History history, String target) {
        List<String> texts = new ArrayList<>();
        history.query(new HistoryQuery(HistoryQuery.Kind.LATEST, target, Long.MIN_VALUE, 0, 100, false, Long.MIN_VALUE),
                lines -> lines.forEach(line -> texts.add(line.line().substring(line.line().lastIndexOf(':') + 1))),
                reason -> texts.add("FAILED " + reason));
        return texts;
    }

    @Test
    void eachConversationKeepsItsNewestLinesUpToTheLimit() throws Exception {
        History history = open(30 * DAY, 3);
        for (int i = 1; i <= 6; i++) {
            say(history, "#a", now.get() + i, "a" + i);
        }
        say(history, "#b", now.get() + 10, "b1");
        history.close();
        History again = open(30 * DAY, 3); // pruned at start
        again.flush();
        assertEquals(List.of("a4", "a5", "a6"), texts(again, "#a"));
        assertEquals(List.of("b1"), texts(again, "#b"));
        again.close();
    }

    @Test
    void linesPastTheAgeLimitGo() throws Exception {
        History history = open(7 * DAY, 100);
        say(history, "#a", now.get() - 10 * DAY, "old");
        say(history, "#a", now.get() - DAY, "recent");
        history.close();
        History again = open(7 * DAY, 100);
        again.flush();
        assertEquals(List.of("recent"), texts(again, "#a"));
        again.close();
    }
}
