package chat.client.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import chat.protocol.IrcMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What I send while typing: active at most every 3 s, done when the line is emptied, nothing after sending. */
class TypingNotifierTest {
    private final FakeClock clock = new FakeClock(Instant.parse("2026-12-05T17:00:00Z"));
    private final StateCell state = new StateCell(ClientState.initial("me", "#lobby").withRegistered(true)
            .withRoomJoined("#lobby"));
    private final Capabilities capabilities = new Capabilities();
    private final List<String> sent = new ArrayList<>();
    private final TypingNotifier notifier = new TypingNotifier(state, capabilities,
            message -> sent.add(message.toString()), clock);

    TypingNotifierTest() {
        capabilities.set(Set.of(Capabilities.MESSAGE_TAGS));
    }

    @Test
    void activeGoesAtTheFirstKeyThenAtMostEveryThreeSeconds() {
        notifier.edited("h");
        clock.advance(Duration.ofMillis(2_999));
        notifier.edited("he");
        notifier.edited("hel");
        assertEquals(List.of("@+typing=active TAGMSG #lobby"), sent);
        clock.advance(Duration.ofMillis(1));
        notifier.edited("hell");
        assertEquals(List.of("@+typing=active TAGMSG #lobby", "@+typing=active TAGMSG #lobby"), sent);
    }

    @Test
    void emptyingTheLineSendsDoneOnceAndOnlyAfterActive() {
        notifier.edited("");
        assertEquals(List.of(), sent, "no done without an active before it");
        notifier.edited("oops");
        notifier.edited("");
        notifier.edited("");
        assertEquals(List.of("@+typing=active TAGMSG #lobby", "@+typing=done TAGMSG #lobby"), sent);
    }

    @Test
    void aCommandIsNotTypingButADoubleSlashLineIs() {
        notifier.edited("/who");
        assertEquals(List.of(), sent);
        notifier.edited("//not a command");
        assertEquals(List.of("@+typing=active TAGMSG #lobby"), sent);
    }

    @Test
    void sendingTheLineEndsTypingWithoutDoneAndTheNextKeyStartsAgain() {
        notifier.edited("hi");
        notifier.sent();
        notifier.edited("");
        notifier.edited("a");
        assertEquals(List.of("@+typing=active TAGMSG #lobby", "@+typing=active TAGMSG #lobby"), sent);
    }

    @Test
    void switchingTargetEndsTypingInTheOldOne() {
        notifier.edited("hi");
        state.update(s -> s.withTarget("bob"));
        notifier.edited("hi ");
        assertEquals(List.of("@+typing=active TAGMSG #lobby", "@+typing=done TAGMSG #lobby",
                "@+typing=active TAGMSG bob"), sent);
    }

    @Test
    void nothingIsSentWithoutMessageTagsOrBeforeRegistration() {
        capabilities.set(Set.of());
        notifier.edited("hi");
        capabilities.set(Set.of(Capabilities.MESSAGE_TAGS));
        state.update(s -> s.withRegistered(false));
        notifier.edited("hi!");
        assertEquals(List.of(), sent);
    }

    @Test
    void theNoticeIsATagmsgWithAClientTag() {
        notifier.edited("x");
        IrcMessage expected = new IrcMessage(java.util.Map.of("+typing", "active"), null, "TAGMSG", List.of("#lobby"));
        assertEquals(expected.toString(), sent.get(0));
    }
}
