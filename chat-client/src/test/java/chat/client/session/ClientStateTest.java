package chat.client.session;

import chat.client.ui.ChatCompleter;
import chat.client.ui.Prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

public class ClientStateTest {
    private final ClientState lobby = ClientState.initial("alice", "#lobby").withRoomJoined("#lobby")
            .withMembersAdded("#lobby", List.of("alice", "bob"));

    @Test
    void renamesAndQuitsFollowPeopleAcrossRoomsAndTheTarget() {
        ClientState s = lobby.withTarget("bob").withMemberRenamed("bob", "robert");
        assertEquals("robert", s.target());
        assertEquals(Set.of("alice", "robert"), Set.copyOf(s.membersOf("#LOBBY")));
        assertFalse(s.withMemberRenamed("robert", null).membersOf("#lobby").contains("robert"));
    }

    @Test
    void unreadCountsClearWhenTheConversationBecomesCurrent() {
        ClientState s = lobby.withUnreadIncrement("bob").withUnreadIncrement("Bob").withUnreadIncrement("#ops");
        assertEquals(3, s.unreadTotal());
        assertEquals("#lobby [#ops:1 bob:2]> ", Prompt.of(s));
        assertEquals("bob [#ops:1]> ", Prompt.of(s.withTarget("bob")));
    }

    @Test
    void leavingTheCurrentRoomMovesTheTargetToAnotherRoom() {
        ClientState s = lobby.withRoomJoined("#ops").withTarget("#ops").withRoomLeft("#ops");
        assertEquals("#lobby", s.target());
        assertTrue(s.inRoom("#Lobby"));
    }

    @Test
    void completionOffersCommandsRoomsAndPeople() {
        ClientState s = lobby.withRoomJoined("#ops").withMembersAdded("#ops", List.of("carol"));
        assertTrue(ChatCompleter.words(0, "/j", List.of("/j"), s).contains("/join"));
        assertEquals(Set.of("#lobby", "#ops"), ChatCompleter.words(1, "#", List.of("/go", "#"), s));
        assertEquals(Set.of("bob"), ChatCompleter.words(0, "b", List.of("b"), s), "people in the current room, not me");
        assertTrue(ChatCompleter.words(1, "c", List.of("/msg", "c"), s).contains("carol"));
    }
}
