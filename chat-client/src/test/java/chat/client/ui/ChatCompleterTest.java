package chat.client.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import chat.client.session.ClientState;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChatCompleterTest {
    private final ClientState state = ClientState.initial("me", "#lobby").withRoomJoined("#lobby")
            .withMembersAdded("#lobby", List.of("me", "bob", "Bea", "zed")).withRoomJoined("#dev")
            .withMembersAdded("#dev", List.of("me", "bart", "xavier"));

    @Test
    void aWordMatchingNoOneIsNotTurnedIntoSomeoneElse() {
        assertEquals(List.of(), ChatCompleter.words(1, "xo", List.of("hi", "xo"), state, List.of()));
    }

    @Test
    void roomsComeFromListRepliesTooByPrefix() {
        assertEquals(List.of("#dev", "#devroom"),
                ChatCompleter.words(1, "#d", List.of("/join", "#d"), state, List.of("#devroom", "#lobby", "#other")));
    }

    @Test
    void theCurrentRoomsPeopleComeFirstThenTheOthersCaseFolded() {
        assertEquals(List.of("Bea", "bob", "bart"), ChatCompleter.words(0, "B", List.of("B"), state, List.of()));
    }

    @Test
    void commandsCompleteByPrefix() {
        assertEquals(List.of("/win", "/whois", "/who"), ChatCompleter.words(0, "/w", List.of("/w"), state, List.of())
                .stream().sorted(java.util.Comparator.reverseOrder()).toList());
    }
}
