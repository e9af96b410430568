package chat.server.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.server.harness.ChatHarness;
import chat.server.harness.ChatHarness.Peer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Registration and ping deadlines, on a fake clock: minutes of server time in milliseconds. */
@Timeout(10)
class DeadlinesTest {
    private final ChatHarness chat = new ChatHarness(ChatHarness.testConfig().build());

    @Test
    void unregisteredConnectionIsDroppedAtTheRegistrationTimeoutAndNotBefore() {
        Peer idle = chat.connect();
        idle.lines();
        chat.advance(59_000);
        assertFalse(idle.isClosed());
        assertEquals(List.of(), idle.lines());
        chat.advance(1_000);
        assertEquals(List.of("ERROR :Registration timed out"), idle.lines());
        assertTrue(idle.isClosed());
    }

    @Test
    void silentIrcClientIsPingedAfterTheIntervalAndDroppedAfterTheTimeout() {
        Peer silent = chat.irc("silent");
        Peer answering = chat.irc("answering");
        Peer bystander = chat.irc("bystander");
        silent.send("JOIN #r");
        bystander.send("JOIN #r");
        bystander.lines();
        silent.lines();
        chat.advance(119_000);
        assertEquals(List.of(), silent.lines());
        chat.advance(1_000);
        assertEquals(List.of(":test.server PING test.server"), silent.lines());
        assertEquals(List.of(":test.server PING test.server"), answering.lines());
        answering.send("PONG test.server");
        bystander.send("PONG test.server");
        bystander.lines();
        chat.advance(59_000);
        assertFalse(silent.isClosed());
        chat.advance(1_000);
        assertEquals(List.of("ERROR :Ping timeout: 180 seconds"), silent.lines());
        assertTrue(silent.isClosed());
        assertFalse(answering.isClosed());
        assertEquals(List.of(":silent!silent@127.0.0.1 QUIT :Ping timeout: 180 seconds"), bystander.lines());
    }

    @Test
    void plainTextUsersAreNeverPinged() {
        Peer dave = chat.plain("dave");
        chat.advance(600_000);
        assertFalse(dave.isClosed());
        assertEquals(List.of(), dave.lines());
    }

    @Test
    void anyLineCountsAsLife() {
        Peer talker = chat.irc("talker");
        for (int i = 0; i < 10; i++) {
            chat.advance(100_000);
            talker.send("AWAY");
        }
        assertFalse(talker.lines().stream().anyMatch(line -> line.contains("PING")));
    }

    @Test
    void aLineBegunAndNeverFinishedEndsTheConnectionButIdlingBetweenLinesDoesNot() {
        Peer stuck = chat.plain("stuck");
        Peer idle = chat.plain("idle");
        stuck.sendRaw("half a li".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        chat.advance(Sweeper.UNFINISHED_LINE_MILLIS - 1_000);
        assertFalse(stuck.isClosed());
        chat.advance(1_000);
        assertTrue(stuck.isClosed());
        List<String> last = stuck.lines();
        assertEquals("*** Unfinished line timed out", last.get(last.size() - 1));
        chat.advance(3_600_000);
        assertFalse(idle.isClosed());
    }
}
