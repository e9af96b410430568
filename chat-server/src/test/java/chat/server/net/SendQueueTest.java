package chat.server.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class SendQueueTest {
    /** A socket that takes at most {@code capacity} bytes per write, like a full kernel buffer. */
    private static MemoryTransport trickle(int capacity) {
        MemoryTransport socket = new MemoryTransport("127.0.0.1");
        socket.writeCapacity = capacity;
        return socket;
    }

    private static byte[] line(int i) {
        return ("PRIVMSG #r :message number " + i + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void partialWritesDeliverEveryByteInOrderAcrossRingGrowth() throws Exception {
        SendQueue queue = new SendQueue();
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        MemoryTransport channel = trickle(7);
        WriteStage stage = new WriteStage(64);
        for (int i = 0; i < 100; i++) {
            byte[] bytes = line(i);
            queue.add(bytes);
            expected.write(bytes);
            if (i % 3 == 0) {
                queue.writeTo(channel, 50, stage); // one 7-byte write, then the socket is "full"
            }
        }
        channel.writeCapacity = Integer.MAX_VALUE;
        while (!queue.isEmpty()) {
            queue.writeTo(channel, 1000, stage);
        }
        assertArrayEquals(expected.toByteArray(), channel.receivedBytes());
        assertEquals(0, queue.queuedBytes());
    }

    @Test
    void writeStopsAtTheByteBudget() throws Exception {
        SendQueue queue = new SendQueue();
        for (int i = 0; i < 10; i++) {
            queue.add(line(i));
        }
        long before = queue.queuedBytes();
        long written = queue.writeTo(trickle(Integer.MAX_VALUE), 40, new WriteStage(64));
        assertEquals(40, written);
        assertEquals(before - 40, queue.queuedBytes());
    }

    @Test
    void droppingUnstartedLinesKeepsThePartlyWrittenOneWhole() throws Exception {
        SendQueue queue = new SendQueue();
        queue.add(line(1));
        queue.add(line(2));
        MemoryTransport channel = trickle(5);
        queue.writeTo(channel, 1000, new WriteStage(64));
        queue.dropUnstarted();
        assertEquals(line(1).length - 5, queue.queuedBytes());
        queue.add("ERROR :x\r\n".getBytes(StandardCharsets.US_ASCII));
        channel.writeCapacity = Integer.MAX_VALUE;
        queue.writeTo(channel, 1000, new WriteStage(64));
        assertTrue(queue.isEmpty());
        assertEquals(new String(line(1), StandardCharsets.US_ASCII) + "ERROR :x\r\n",
                new String(channel.receivedBytes(), StandardCharsets.US_ASCII));
    }

    @Test
    void aPartlyWrittenLoneLineStaysFirstWhenMoreAreQueuedBehindIt() throws Exception {
        SendQueue queue = new SendQueue();
        MemoryTransport channel = trickle(5);
        WriteStage stage = new WriteStage(64);
        queue.add(line(1));
        queue.writeTo(channel, 1000, stage);
        queue.add(line(2));
        queue.add(line(3));
        assertEquals(line(1).length - 5 + line(2).length + line(3).length, queue.queuedBytes());
        channel.writeCapacity = Integer.MAX_VALUE;
        queue.writeTo(channel, 1000, stage);
        assertTrue(queue.isEmpty());
        assertEquals(new String(line(1), StandardCharsets.US_ASCII) + new String(line(2), StandardCharsets.US_ASCII)
                + new String(line(3), StandardCharsets.US_ASCII), new String(channel.receivedBytes(), StandardCharsets.US_ASCII));
    }

    @Test
    void oneLineAtATimeWrittenAndSweptArrivesWholeAndInOrder() throws Exception {
        SendQueue queue = new SendQueue();
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        MemoryTransport channel = trickle(Integer.MAX_VALUE);
        WriteStage stage = new WriteStage(64);
        for (int i = 0; i < 50; i++) {
            queue.add(line(i));
            expected.write(line(i));
            channel.writeCapacity = i % 4 == 0 ? 3 : Integer.MAX_VALUE; // now and then the socket is full
            queue.writeTo(channel, 1000, stage);
            if (i % 7 == 0) {
                queue.releaseIfEmpty();
            }
        }
        channel.writeCapacity = Integer.MAX_VALUE;
        queue.writeTo(channel, 1000, stage);
        assertArrayEquals(expected.toByteArray(), channel.receivedBytes());
        assertEquals(0, queue.queuedBytes());
    }

    @Test
    void droppingUnstartedKeepsAPartlyWrittenLoneLineAndDropsAnUnwrittenOne() throws Exception {
        MemoryTransport channel = trickle(5);
        SendQueue started = new SendQueue();
        started.add(line(1));
        started.writeTo(channel, 1000, new WriteStage(64));
        started.dropUnstarted();
        assertEquals(line(1).length - 5, started.queuedBytes());

        SendQueue unstarted = new SendQueue();
        unstarted.add(line(2));
        unstarted.dropUnstarted();
        assertTrue(unstarted.isEmpty());
        assertEquals(0, unstarted.queuedBytes());

        channel.writeCapacity = Integer.MAX_VALUE;
        started.add("ERROR :x\r\n".getBytes(StandardCharsets.US_ASCII));
        started.writeTo(channel, 1000, new WriteStage(64));
        unstarted.writeTo(channel, 1000, new WriteStage(64));
        assertEquals(new String(line(1), StandardCharsets.US_ASCII) + "ERROR :x\r\n",
                new String(channel.receivedBytes(), StandardCharsets.US_ASCII));
    }
}
