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
        ClientState s = lobby.withActivity("bob", true).withActivity("Bob", false).withRoomJoined("#ops")
                .withActivity("#ops", false);
        assertEquals(3, s.unreadTotal());
        assertEquals("#lobby> ", Prompt.of(s), "the activity is on the status bar, not in the prompt");
        assertEquals(java.util.Map.of("#ops", 1), s.withTarget("bob").unread());
    }

    @Test
    void theCurrentWindowCountsNothingUnread() {
        assertEquals(0, lobby.withActivity("#lobby", false).unreadTotal());
    }

    @Test
    void partingTheCurrentRoomLeavesNoCounterBehindAndShowsTheWindowBeside() {
        ClientState s = lobby.withRoomJoined("#ops").withTarget("#ops").withActivity("#lobby", false).withRoomLeft("#ops");
        assertEquals("#lobby", s.target());
        assertTrue(s.inRoom("#Lobby"));
        assertEquals(0, s.unreadTotal(), "the window now shown has nothing unread");
        assertFalse(s.windows().has("#ops"));
    }

    @Test
    void aNickChangeTakesThePersonsWindowAndItsActivityAlong() {
        ClientState s = lobby.withActivity("bob", true).withMemberRenamed("bob", "robert");
        assertEquals(List.of("#lobby", "robert"), s.windows().list().stream().map(Windows.Window::name).toList());
        assertEquals(java.util.Map.of("robert", 1), s.unread());
    }

    @Test
    void joiningAtMyAskingShowsTheRoomWhileARejoinDoesNot() {
        assertEquals("#dev", lobby.withRoomJoined("#dev", true).target());
        assertEquals("#lobby", lobby.withRoomJoined("#dev", false).target());
    }

    @Test
    void completionOffersCommandsRoomsAndPeopleByPrefixOnly() {
        ClientState s = lobby.withRoomJoined("#ops").withMembersAdded("#ops", List.of("carol"));
        assertTrue(ChatCompleter.words(0, "/j", List.of("/j"), s, List.of()).contains("/join"));
        assertEquals(List.of("#lobby", "#ops"), ChatCompleter.words(1, "#", List.of("/go", "#"), s, List.of()));
        assertEquals(List.of("bob"), ChatCompleter.words(0, "b", List.of("b"), s, List.of()), "by prefix, not me");
        assertTrue(ChatCompleter.words(1, "c", List.of("/msg", "c"), s, List.of()).contains("carol"));
    }
}
