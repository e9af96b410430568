package chat.client.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The msgids each conversation remembers: a duplicate is recognised, the memory stays bounded. */
class ConversationsTest {
    @Test
    void aMsgidIsNewOnceAndNamesAreFolded() {
        Conversations conversations = new Conversations(10);
        assertTrue(conversations.remember("#Lobby", "m1"));
        assertFalse(conversations.remember("#lobby", "m1"));
        assertTrue(conversations.remember("#dev", "m1"), "each conversation has its own");
    }

    @Test
    void theEarliestMsgidIsForgottenPastTheBound() {
        Conversations conversations = new Conversations(2);
        conversations.remember("#lobby", "m1");
        conversations.remember("#lobby", "m2");
        conversations.remember("#lobby", "m3");
        assertFalse(conversations.remember("#lobby", "m3"));
        assertTrue(conversations.remember("#lobby", "m1"), "forgotten");
    }

    @Test
    void onlyConversationsWithANewestLineAreCaughtUpUnderTheirFirstSpelling() {
        Conversations conversations = new Conversations(2);
        conversations.remember("Bob", "p1");
        conversations.newest("bob", "p1");
        conversations.open("#quiet");
        assertEquals(List.of("Bob"), conversations.withNewest());
    }
}
