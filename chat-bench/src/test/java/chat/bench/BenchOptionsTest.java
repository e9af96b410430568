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

    private static BenchOptions onNodes(int rooms, int clients, Integer... ports) {
        return new BenchOptions("127.0.0.1", ports[0], rooms, clients, 1, 0, 1, 0, 0, 0, 1, 1, 1, "b", "#r", 0, "",
                java.util.List.of(ports));
    }

    @Test
    void everyRoomHasMembersOnEveryNodeAndNodesDifferByAtMostOnePerRoom() {
        BenchOptions o = onNodes(10, 200, 7001, 7002, 7003);
        assertEquals(3, o.nodes());
        int[][] perRoomAndNode = new int[10][3];
        for (int client = 0; client < 200; client++) {
            perRoomAndNode[o.roomOf(client)][o.nodeOf(client)]++;
            assertEquals(o.ports().get(o.nodeOf(client)), o.portOf(client));
        }
        for (int[] room : perRoomAndNode) {
            int min = java.util.Arrays.stream(room).min().orElseThrow();
            int max = java.util.Arrays.stream(room).max().orElseThrow();
            assertTrue(min >= 6 && max - min <= 1, java.util.Arrays.toString(room));
        }
    }

    @Test
    void theFirstMembersOfARoomGoToDifferentNodes() {
        BenchOptions o = onNodes(4, 12, 7001, 7002, 7003);
        for (int room = 0; room < 4; room++) {
            assertEquals(0, o.nodeOf(o.clientAt(room, 0)));
            assertEquals(1, o.nodeOf(o.clientAt(room, 1)));
            assertEquals(2, o.nodeOf(o.clientAt(room, 2)));
        }
    }

    @Test
    void oneServerWithoutPortsIsOneNode() {
        BenchOptions o = spread(2, 4);
        assertEquals(java.util.List.of(6667), o.ports());
        for (int client = 0; client < 4; client++) {
            assertEquals(0, o.nodeOf(client));
            assertEquals(6667, o.portOf(client));
        }
        assertThrows(IllegalArgumentException.class, () -> onNodes(1, 2, 7001, 0));
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
