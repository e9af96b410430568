package chat.client.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import chat.client.session.ClientState;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatusLineTest {
    private final ClientState state = ClientState.initial("alice", "#lobby").withRoomJoined("#lobby")
            .withRoomJoined("#dev").withWindow("bob").withModes("+i");

    @Test
    void timeNickModesWindowAndTheActivityOfTheOthers() {
        ClientState busy = state.withActivity("#dev", false).withActivity("bob", true);
        assertEquals("[09:05] [alice +i] [1:#lobby] [act: 2:#dev 3:bob!]",
                StatusLine.of(busy, 0, null, LocalTime.of(9, 5)).toString());
    }

    @Test
    void queuedLinesAndAConnectionThatIsDownAreShown() {
        assertEquals("[09:05] [alice +i] [1:#lobby] [3 queued] [reconnecting in 4 s]",
                StatusLine.of(state, 3, "reconnecting in 4 s", LocalTime.of(9, 5)).toString());
    }

    @Test
    void nothingWaitingElsewhereLeavesTheActivityOut() {
        assertEquals("[23:59] [alice +i] [2:#dev]",
                StatusLine.of(state.withTarget("#dev"), 0, null, LocalTime.of(23, 59)).toString());
        assertEquals(List.of(), state.windows().withActivity());
    }
}
