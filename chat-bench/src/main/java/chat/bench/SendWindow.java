package chat.bench;

/**
 * Bounds how many of one sender's messages are unconfirmed. A message is confirmed once EVERY
 * other member of its room has received it, so at most {@code capacity} messages per sender sit
 * in the server's queues towards any receiver: the server is never overrun however fast the
 * bench could write, and a slow server shows up as lower throughput, not as growing queues.
 *
 * <p>Confirmation needs no extra traffic (IRC does not echo to the sender): all receivers live in
 * the same process, so a receiver decrements the count of members still missing the message.
 */
public final class SendWindow {
    private final int capacity;
    /** Per open message, the receivers still missing it; a power-of-two ring so a slot is a mask, not a division. */
    private final int[] missingReceivers;
    private final int slotMask;
    private long nextSequence;
    private long oldestUnconfirmed;

    public SendWindow(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("window must be at least 1: " + capacity);
        }
        this.capacity = capacity;
        int slots = capacity == 1 ? 1 : Integer.highestOneBit(capacity - 1) << 1;
        this.missingReceivers = new int[slots];
        this.slotMask = slots - 1;
    }

    public boolean hasRoom() {
        return nextSequence - oldestUnconfirmed < capacity;
    }

    /** How many more messages may be opened now. */
    public int room() {
        return (int) (capacity - unconfirmed());
    }

    public long unconfirmed() {
        return nextSequence - oldestUnconfirmed;
    }

    /** Takes the next sequence number for a message that {@code receivers} members must confirm. */
    public long open(int receivers) {
        if (!hasRoom()) {
            throw new IllegalStateException("window full");
        }
        long sequence = nextSequence++;
        missingReceivers[slot(sequence)] = receivers;
        advance();
        return sequence;
    }

    /**
     * One receiver's first arrival of {@code sequence}; returns true when that freed room in a
     * window that was full. Arrivals outside the open range (already confirmed) are ignored.
     */
    public boolean confirm(long sequence) {
        if (sequence < oldestUnconfirmed || sequence >= nextSequence) {
            return false;
        }
        boolean wasFull = !hasRoom();
        int slot = slot(sequence);
        if (missingReceivers[slot] > 0) {
            missingReceivers[slot]--;
        }
        advance();
        return wasFull && hasRoom();
    }

    private void advance() {
        while (oldestUnconfirmed < nextSequence && missingReceivers[slot(oldestUnconfirmed)] == 0) {
            oldestUnconfirmed++;
        }
    }

    private int slot(long sequence) {
        return (int) sequence & slotMask;
    }
}
