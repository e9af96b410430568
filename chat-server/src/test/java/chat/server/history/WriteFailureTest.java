package chat.server.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A commit that fails is logged and counted, and the writer goes on with the next ones. */
class WriteFailureTest {
    @TempDir
    Path dir;

    @Test
    void aFailedCommitIsCountedAndLaterLinesAreStillKept() throws Exception {
        History history = History.open(new HistoryConfig(dir, 30L * 86_400_000, 1_000, 0), System::currentTimeMillis,
                Runnable::run, Runnable::run, () -> { });
        try {
            // A line the store cannot encode (a command it does not keep) is refused and counted as failed.
            history.append("#a", Sequences.first(1_000), 1_000, "TAGMSG", ":x!x@h TAGMSG #a\r\n".getBytes(StandardCharsets.UTF_8));
            history.endTurn();
            history.flush();
            assertTrue(history.stats().contains(" 1 failed"), history.stats());

            history.append("#a", Sequences.first(2_000), 2_000, "PRIVMSG",
                    ":bob!b@h PRIVMSG #a :after the failure\r\n".getBytes(StandardCharsets.UTF_8));
            history.endTurn();
            history.flush();
            List<String> lines = new ArrayList<>();
            history.query(new HistoryQuery(HistoryQuery.Kind.LATEST, "#a", Long.MIN_VALUE, 0, 10, false, Long.MIN_VALUE),
                    found -> found.forEach(line -> lines.add(line.line())), reason -> lines.add("FAILED"));
            assertEquals(List.of(":bob!b@h PRIVMSG #a :after the failure"), lines);
            assertTrue(history.stats().startsWith("history: 1 lines written, 1 failed, 0 waiting"), history.stats());
        } finally {
            history.close();
        }
    }

    @Test
    void aRoomsModeLineIsKeptWithTheLinesOfItsCommit() throws Exception {
        History history = History.open(new HistoryConfig(dir, 30L * 86_400_000, 1_000, 0), System::currentTimeMillis,
                Runnable::run, Runnable::run, () -> { });
        try {
            // ModeCommands keeps MODE lines: a code for them, or every line of that commit is lost.
            history.append("#a", Sequences.first(1_000), 1_000, "PRIVMSG", ":bob!b@h PRIVMSG #a :hi\r\n".getBytes(StandardCharsets.UTF_8));
            history.append("#a", Sequences.first(2_000), 2_000, "MODE", ":bob!b@h MODE #a +t\r\n".getBytes(StandardCharsets.UTF_8));
            history.endTurn();
            history.flush();
            List<String> lines = new ArrayList<>();
            history.query(new HistoryQuery(HistoryQuery.Kind.LATEST, "#a", Long.MIN_VALUE, 0, 10, true, Long.MIN_VALUE),
                    found -> found.forEach(line -> lines.add(line.line())), reason -> lines.add("FAILED"));
            assertEquals(List.of(":bob!b@h PRIVMSG #a :hi", ":bob!b@h MODE #a +t"), lines);
        } finally {
            history.close();
        }
    }

    @Test
    void aLineOfACommandHistoryDoesNotKeepLeavesTheOthersOfItsCommit() throws Exception {
        History history = History.open(new HistoryConfig(dir, 30L * 86_400_000, 1_000, 0), System::currentTimeMillis,
                Runnable::run, Runnable::run, () -> { });
        try {
            history.append("#a", Sequences.first(1_000), 1_000, "PRIVMSG", ":bob!b@h PRIVMSG #a :one\r\n".getBytes(StandardCharsets.UTF_8));
            history.append("#a", Sequences.first(2_000), 2_000, "WALLOPS", ":bob!b@h WALLOPS :x\r\n".getBytes(StandardCharsets.UTF_8));
            history.append("#a", Sequences.first(3_000), 3_000, "PRIVMSG", ":bob!b@h PRIVMSG #a :two\r\n".getBytes(StandardCharsets.UTF_8));
            history.endTurn();
            history.flush();
            List<String> lines = new ArrayList<>();
            history.query(new HistoryQuery(HistoryQuery.Kind.LATEST, "#a", Long.MIN_VALUE, 0, 10, true, Long.MIN_VALUE),
                    found -> found.forEach(line -> lines.add(line.line())), reason -> lines.add("FAILED"));
            assertEquals(List.of(":bob!b@h PRIVMSG #a :one", ":bob!b@h PRIVMSG #a :two"), lines);
        } finally {
            history.close();
        }
    }
}
