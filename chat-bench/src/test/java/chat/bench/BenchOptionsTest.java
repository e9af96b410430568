package chat.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BenchOptionsTest {

    private static BenchOptions spread(int rooms, int clients) {
        return new BenchOptions("127.0.0.1", 6667, rooms, clients, 1, 0, 1, 0, 0, 0, 1, 1, 1, "b", "#r", 0);
    }

    @Test
    void clientsAreDealtOverRoomsSoSizesDifferByAtMostOne() {
        BenchOptions o = spread(3, 10);
        assertEquals(4, o.roomSize(0));
        assertEquals(3, o.roomSize(1));
        assertEquals(3, o.roomSize(2));
        int[] counted = new int[3];
        for (int client = 0; client < 10; client++) {
            counted[o.roomOf(client)]++;
            assertEquals(client, o.clientAt(o.roomOf(client), o.memberIndexOf(client)));
            assertTrue(o.memberIndexOf(client) < o.roomSize(o.roomOf(client)));
        }
        assertEquals(4, counted[0]);
        assertEquals(3, counted[2]);
    }

    @Test
    void namesAreThePrefixPlusTheNumber() {
        BenchOptions o = spread(2, 4);
        assertEquals("b3", o.nick(3));
        assertEquals("#r1", o.roomName(1));
    }

    @Test
    void noMessagesAndNoDurationMeansAConnectOnlyRun() {
        BenchOptions idle = new BenchOptions("h", 1, 1, 1, 0, 0, 1, 0, 0, 0, 1, 1, 1, "b", "#r", 0);
        assertTrue(idle.idleOnly());
    }

    @Test
    void nickPrefixThatNoServerWouldAcceptIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new BenchOptions("h", 1, 1, 1, 1, 0, 1, 0, 0, 0, 1, 1, 1, "9bad", "#r", 0));
    }
}
