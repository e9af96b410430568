package chat.server.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.server.harness.ChatHarness;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The history writer's back-pressure: while it is behind no client is read, and nothing is dropped. */
class InputHoldTest {
    @Test
    void heldInputStopsReadingEveryClientUntilResumed() {
        ChatHarness chat = new ChatHarness(ChatHarness.testConfig().build());
        AtomicBoolean behind = new AtomicBoolean();
        chat.pipeline().holdInputWhile(behind::get);
        ChatHarness.Peer alice = chat.irc("alice");
        ChatHarness.Peer bob = chat.irc("bob");
        assertTrue(alice.transport.readInterest && bob.transport.readInterest);

        behind.set(true);
        alice.send("PRIVMSG bob :read before the hold was seen"); // a line already read is handled
        assertFalse(alice.transport.readInterest, "alice is not read while history is behind");
        assertEquals(List.of(":alice!alice@127.0.0.1 PRIVMSG bob :read before the hold was seen"), bob.lines());

        behind.set(false);
        chat.pipeline().resumeReading();
        assertTrue(alice.transport.readInterest && bob.transport.readInterest, "every client is read again");
    }
}
