package chat.client.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WindowsTest {
    private final Windows three = Windows.none().opened("#lobby").opened("#dev").opened("bob");

    private static List<String> names(Windows w) {
        return w.list().stream().map(Windows.Window::name).toList();
    }

    @Test
    void windowsAreNumberedFromOneInTheOrderTheyOpened() {
        assertEquals(2, three.number("#DEV"));
        assertEquals(Optional.of("bob"), three.at(3));
        assertEquals(Optional.empty(), three.at(4));
        assertEquals(Optional.empty(), three.at(0));
        assertEquals(three, three.opened("#Lobby"), "opening an open window changes nothing");
    }

    @Test
    void neighboursWrapAroundAtBothEnds() {
        assertEquals(Optional.of("#lobby"), three.neighbour("bob", 1));
        assertEquals(Optional.of("bob"), three.neighbour("#lobby", -1));
        assertEquals(Optional.of("#dev"), three.neighbour("#lobby", 1));
        assertEquals(Optional.of("#lobby"), three.neighbour("nobody", 1), "from no window: the first");
        assertEquals(Optional.empty(), Windows.none().neighbour("#lobby", 1));
    }

    @Test
    void closingMovesTheLaterWindowsUpAndShowsTheOneBefore() {
        assertEquals(List.of("#lobby", "bob"), names(three.closed("#dev")));
        assertEquals(Optional.of("#lobby"), three.afterClosing("#dev"));
        assertEquals(Optional.of("#dev"), three.afterClosing("#lobby"));
        assertEquals(Optional.empty(), Windows.none().opened("#x").afterClosing("#x"));
    }

    @Test
    void activityCountsAndRemembersAMessageForMeUntilSeen() {
        Windows w = three.active("#dev", false).active("#dev", true).active("#dev", false);
        assertEquals(new Windows.Window("#dev", 3, true), w.list().get(1));
        assertEquals(List.of(w.list().get(1)), w.withActivity());
        assertEquals(new Windows.Window("#dev", 0, false), w.seen("#dev").list().get(1));
    }

    @Test
    void activityInAConversationWithoutAWindowOpensOne() {
        Windows w = three.active("carol", true);
        assertEquals(4, w.number("carol"));
        assertTrue(w.list().get(3).forMe());
    }

    @Test
    void aRenamedPersonKeepsTheirPlaceAndActivityAndMergesWithAnExistingWindow() {
        Windows renamed = three.active("bob", true).renamed("bob", "robert");
        assertEquals(List.of("#lobby", "#dev", "robert"), names(renamed));
        assertTrue(renamed.list().get(2).forMe());
        Windows merged = three.opened("robert").active("robert", false).active("bob", true).renamed("bob", "robert");
        assertEquals(List.of("#lobby", "#dev", "robert"), names(merged));
        assertEquals(new Windows.Window("robert", 2, true), merged.list().get(2));
        assertFalse(merged.has("bob"));
    }
}
