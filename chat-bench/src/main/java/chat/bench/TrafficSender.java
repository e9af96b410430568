package chat.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.PriorityQueue;

/**
 * Decides which simulated clients send now and writes their messages, batched: a client's due
 * messages go out in one write. With {@code --rate 0} a client sends whenever its window has room;
 * with a rate it sends on a fixed schedule (clients staggered over one period). A message that
 * the window (the server's back-pressure) held back carries its SCHEDULED time, so the server is
 * charged that wait (no coordinated omission); any other message carries the time it was
 * actually written, so the bench's own timer slack (select() sleeps in whole milliseconds) is
 * not charged to the server. That slack is reported instead: worst lag and sends over 1 ms late.
 */
final class TrafficSender {
    private static final int CRLF_BYTES = 2;

    private final BenchOptions options;
    private final Deliveries deliveries;
    private final long origin;
    private final ByteBuffer out;
    private final byte[] payloadScratch = new byte[Payload.MAX_HEADER_BYTES + 512];
    private final ArrayDeque<SimClient> ready = new ArrayDeque<>();
    private final PriorityQueue<SimClient> timers =
            new PriorityQueue<>(Comparator.comparingLong((SimClient c) -> c.nextDueNanos));
    private final long periodNanos;
    private long sendEndNanos = Long.MAX_VALUE;
    private int activeSenders;
    long lastSendNanos;
    /** Batches written: one write call per client per turn that had something to send. */
    long writes;
    /**
     * Worst delay between a scheduled send and the loop serving it (rate mode), not counting
     * time a sender spent waiting for its window: proof that the bench itself kept the schedule.
     */
    long maxSendLagNanos;
    /** Scheduled sends the loop served more than 1 ms late (window waits excluded). */
    long lateSends;
    private static final long LATE_NANOS = 1_000_000;

    TrafficSender(BenchOptions options, Deliveries deliveries, long origin, ByteBuffer out) {
        this.options = options;
        this.deliveries = deliveries;
        this.origin = origin;
        this.out = out;
        this.periodNanos = options.ratePerClient() > 0 ? (long) (1e9 / options.ratePerClient()) : 0;
    }

    /** Makes every client a sender from {@code startNanos} (absolute nanoTime). */
    void start(SimClient[] clients, long startNanos, long sendEndNanos) {
        this.sendEndNanos = sendEndNanos;
        for (SimClient client : clients) {
            activeSenders++;
            if (periodNanos == 0) {
                ready.add(client);
            } else {
                client.nextDueNanos = startNanos + periodNanos * client.id / clients.length;
                timers.add(client);
            }
        }
    }

    int activeSenders() {
        return activeSenders;
    }

    /** True when some client waits only for its next scheduled send (so silence is expected). */
    boolean waitingOnSchedule() {
        return !timers.isEmpty();
    }

    boolean hasReady() {
        return !ready.isEmpty();
    }

    /** Nanoseconds until the next scheduled send, or -1 when none is scheduled. */
    long nanosUntilNextDue(long now) {
        SimClient next = timers.peek();
        return next == null ? -1 : Math.max(0, next.nextDueNanos - now);
    }

    /** Sends what is due at {@code now}; a client whose socket fails is handed to {@code failed}. */
    void sendDue(long now, java.util.function.BiConsumer<SimClient, IOException> failed) {
        while (!timers.isEmpty() && timers.peek().nextDueNanos <= now) {
            SimClient due = timers.poll();
            if (!due.waitedForWindow) {
                long lag = now - due.nextDueNanos;
                maxSendLagNanos = Math.max(maxSendLagNanos, lag);
                lateSends += lag > LATE_NANOS ? 1 : 0;
            }
            ready.add(due);
        }
        for (int n = ready.size(); n > 0; n--) {
            SimClient client = ready.poll();
            try {
                sendBatch(client, now);
            } catch (IOException e) {
                failed.accept(client, e);
                continue;
            }
            requeue(client, now);
        }
    }

    /** Called when a confirmation freed room in the window of a client that was waiting for it. */
    void windowFreed(SimClient client) {
        if (client.windowBlocked && !client.finishedSending) {
            client.windowBlocked = false;
            client.waitedForWindow = true;
            if (periodNanos == 0) {
                ready.add(client);
            } else {
                timers.add(client);
            }
        }
    }

    private void requeue(SimClient client, long now) {
        if (isFinished(client, now)) {
            client.finishedSending = true;
            activeSenders--;
        } else if (!client.window.hasRoom()) {
            client.windowBlocked = true;
        } else if (periodNanos == 0) {
            ready.add(client);
        } else {
            timers.add(client);
        }
    }

    private boolean isFinished(SimClient client, long now) {
        long limit = options.messagesPerClient();
        boolean countReached = limit > 0 && client.sent >= limit;
        boolean timeUp = (periodNanos == 0 ? now : client.nextDueNanos) >= sendEndNanos;
        return countReached || timeUp || client.state != SimClient.State.JOINED;
    }

    /**
     * How many messages {@code client} writes now: no more than its window has room for, its
     * message count has left and the buffer holds, and with a rate no more than its schedule made
     * due before sending ends. Counted once before the batch, so the loop that writes the batch has
     * no exit test of its own (a test that turns true only at a run's end would make the JIT
     * recompile the loop just then).
     */
    int dueCount(SimClient client, long now, int lineBytes) {
        if (client.state != SimClient.State.JOINED) {
            return 0;
        }
        long count = Math.min(client.window.room(), out.capacity() / lineBytes);
        long limit = options.messagesPerClient();
        if (limit > 0) {
            count = Math.min(count, limit - client.sent);
        }
        if (periodNanos == 0) {
            return now >= sendEndNanos ? 0 : (int) Math.max(0, count);
        }
        long lastDue = Math.min(now, sendEndNanos - 1);
        long scheduled = client.nextDueNanos > lastDue ? 0 : (lastDue - client.nextDueNanos) / periodNanos + 1;
        return (int) Math.max(0, Math.min(count, scheduled));
    }

    private void sendBatch(SimClient client, long now) throws IOException {
        int receivers = options.roomSize(client.room) - 1;
        int lineBytes = client.privmsgPrefix.length + Payload.MAX_HEADER_BYTES + options.sizeBytes() + CRLF_BYTES;
        int count = dueCount(client, now, lineBytes);
        out.clear();
        for (int i = 0; i < count; i++) {
            long sendNanos = (periodNanos != 0 && client.waitedForWindow ? client.nextDueNanos : now) - origin;
            long sequence = client.window.open(receivers);
            int length = Payload.encode(client.id, sequence, sendNanos, options.sizeBytes(), payloadScratch, 0);
            out.put(client.privmsgPrefix).put(payloadScratch, 0, length).put((byte) '\r').put((byte) '\n');
            client.sent++;
            client.nextDueNanos += periodNanos;
            deliveries.countSent(receivers, sendNanos);
        }
        client.waitedForWindow = false;
        if (out.position() > 0) {
            lastSendNanos = now;
            writes++;
            out.flip();
            client.send(out);
        }
    }
}
