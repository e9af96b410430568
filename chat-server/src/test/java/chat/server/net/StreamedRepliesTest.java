package chat.server.net;

import chat.protocol.ProtocolLimits;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.server.harness.ChatHarness;
import chat.server.harness.ChatHarness.Peer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Long replies are produced as the peer drains them: a peer that does not read holds a refill's
 * worth, not the reply; one that reads gets every line, in order, with later replies after it.
 */
@Timeout(20)
class StreamedRepliesTest {
    private static final int ROOMS = 6_000;
    /** The refill mark under the default 256 KiB soft limit: one turn's write budget. */
    private static final int REFILL = OutputStage.WRITE_BYTES_PER_TURN;
    private static final int MAX_LINE = 512;

    private final ChatHarness chat = new ChatHarness(ChatHarness.testConfig().build());

    /** ROOMS rooms, made by as many creators as the per-user room limit needs; returns the first. */
    private Peer creatorOfRooms() {
        int perCreator = ProtocolLimits.MAX_ROOMS_PER_USER;
        Peer first = null;
        for (int i = 0; i < ROOMS; i += perCreator) {
            Peer creator = chat.irc("creator" + i / perCreator);
            StringBuilder join = new StringBuilder("JOIN ");
            for (int j = i; j < Math.min(ROOMS, i + perCreator); j++) {
                join.append(j == i ? "" : ",").append(String.format("#room%05d", j));
            }
            creator.send(join.toString());
            creator.lines();
            first = first == null ? creator : first;
        }
        chat.drainOutput();
        first.lines();
        assertEquals(ROOMS, chat.state().rooms().count());
        return first;
    }

    @Test
    void listIsProducedOnlyAsThePeerDrainsAndKeepsItsOrderWithLaterReplies() {
        Peer creator = creatorOfRooms();
        Peer asker = chat.irc("asker");
        asker.transport.writeCapacity = 0;
        asker.send("LIST", "PING after-list");
        asker.send("WHOIS creator0");
        assertTrue(asker.link.queuedBytes() < REFILL + MAX_LINE + 2_000,
                "a reader that does not read holds a refill, not " + ROOMS + " rooms: " + asker.link.queuedBytes());

        // It reads a little at a time; meanwhile rooms come and go and someone messages it.
        asker.transport.writeCapacity = 4_000;
        List<String> lines = new ArrayList<>();
        for (int turn = 0; turn < 5; turn++) {
            chat.turn();
            lines.addAll(asker.lines());
        }
        assertTrue(lines.size() > 20 && lines.size() < ROOMS / 2, "lines arrive as it reads: " + lines.size());
        creator.send("PART #room00000,#room00001", "JOIN #aaa-new,#zzz-new"); // it stays within the room limit
        chat.irc("friend").send("PRIVMSG asker :hello while you list");
        asker.transport.writeCapacity = Integer.MAX_VALUE;
        chat.drainOutput();
        lines.addAll(asker.lines());

        assertEquals(":test.server 321 asker Channel :Users  Name", lines.get(0));
        List<String> names = new ArrayList<>();
        int end = -1;
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.contains(" 322 ")) {
                assertTrue(end < 0, "a 322 after the 323: " + line);
                names.add(line.split(" ")[3]);
            } else if (line.contains(" 323 ")) {
                end = i;
            } else {
                assertTrue(line.contains("PRIVMSG asker :hello") || end >= 0, "only relays may interleave: " + line);
            }
        }
        List<String> sorted = new ArrayList<>(names);
        sorted.sort(null);
        assertEquals(sorted, names, "rooms in name order, none twice");
        assertTrue(names.size() >= ROOMS - 2 && names.contains("#zzz-new"), names.size() + " rooms listed");
        List<String> after = lines.subList(end + 1, lines.size());
        assertTrue(after.get(0).endsWith("PONG test.server after-list") && after.get(1).contains(" 311 asker creator0 "),
                "replies to later commands come after the list, in order: " + after.subList(0, 2));
    }

    @Test
    void manyAskersThatNeverReadHoldARefillEachNotTheList() {
        creatorOfRooms();
        List<Peer> askers = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            Peer asker = chat.plain("nc" + i);
            asker.transport.writeCapacity = 0;
            asker.send("/rooms");
            askers.add(asker);
        }
        long total = chat.state().links().queuedBytes();
        // A refill each, plus a line past the mark and the "joined #lobby" lines of those after it.
        assertTrue(total < 50L * (REFILL + 2 * MAX_LINE), "50 plain-text /rooms that are never read: " + total);
        Peer last = askers.get(askers.size() - 1);
        last.transport.writeCapacity = Integer.MAX_VALUE;
        chat.drainOutput();
        List<String> listing = last.lines();
        long listed = listing.stream().filter(line -> line.contains("#room")).count();
        assertEquals(ROOMS, listed, "the one that reads gets every room");
        long listBytes = listing.stream().mapToLong(line -> line.length() + 2).sum();
        assertTrue(listBytes > 2 * REFILL, "the list (" + listBytes + " bytes) is far more than what each holds");
    }

    @Test
    void whoAndNamesOfABigRoomAreStreamedToo() {
        Peer first = chat.irc("m0");
        first.send("JOIN #big");
        for (int i = 1; i < 1_500; i++) {
            chat.irc("m" + i).send("JOIN #big");
        }
        chat.drainOutput();
        Peer asker = chat.irc("asker");
        asker.transport.writeCapacity = 0;
        asker.send("WHO #big", "NAMES #big", "PING done");
        assertTrue(asker.link.queuedBytes() < REFILL + MAX_LINE, "held: " + asker.link.queuedBytes());
        asker.transport.writeCapacity = Integer.MAX_VALUE;
        chat.drainOutput();
        List<String> lines = asker.lines();
        assertEquals(1_500, lines.stream().filter(line -> line.contains(" 352 ")).count());
        int endOfWho = indexOf(lines, " 315 ");
        int endOfNames = indexOf(lines, " 366 ");
        assertTrue(lines.subList(0, endOfWho).stream().allMatch(line -> line.contains(" 352 ")));
        assertEquals(1_500, lines.subList(endOfWho + 1, endOfNames).stream()
                .mapToInt(line -> line.substring(line.indexOf(" :") + 2).split(" ").length).sum());
        assertTrue(lines.get(endOfNames + 1).endsWith("PONG test.server done"));
    }

    private static int indexOf(List<String> lines, String part) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(part)) {
                return i;
            }
        }
        throw new AssertionError("no line with " + part);
    }
}
