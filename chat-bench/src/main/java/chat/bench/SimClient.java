package chat.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import chat.protocol.IrcNames;
import java.util.Arrays;

/**
 * One simulated IRC user: its socket, where it is in registration, its unwritten output, the
 * partial line it has read, its send window and what it has received from each room member.
 * Owned by the bench loop thread only. Buffers are allocated only while bytes are actually left
 * over, so ten thousand idle clients cost little in the bench process.
 */
final class SimClient {
    enum State { CONNECTING, HANDSHAKING, REGISTERING, JOINING, JOINED, QUITTING, CLOSED }

    final int id;
    final int room;
    final int memberIndex;
    /** Which of the --ports this client is connected to. */
    final int node;
    final String nick;
    final String roomName;
    final byte[] privmsgPrefix;
    final SendWindow window;
    final ReceiveLedger[] fromMember;

    SocketChannel channel;
    /** What is read and written: the socket itself, or TLS over it (--tls). */
    ByteChannel io;
    /** Null without --tls. */
    TlsClientChannel tls;
    SelectionKey key;
    State state = State.CONNECTING;

    /**
     * Room members this client's server has shown it (NAMES at its JOIN, others' JOINs), by nick,
     * until it has seen them all; then null. With several nodes a JOIN reaches the other nodes a
     * little later; once every client has seen its whole room, every node knows where each room's
     * members are and no message goes astray. A set, not a count: a JOIN can arrive both in the
     * NAMES reply and as a line, depending on when it crossed ours. Null from the start with one
     * server, where a JOIN answered is a JOIN known (and a big room would cost n² nicks here).
     */
    private java.util.Set<String> membersSeen;
    long sent;
    long nextDueNanos;
    boolean windowBlocked;
    /** Set when the window, not the schedule, held the client back (its lag is the server's). */
    boolean waitedForWindow;
    boolean finishedSending;

    private byte[] carry;
    private int carryLength;
    private byte[] pending;
    private int pendingLength;

    SimClient(BenchOptions options, int id) {
        this.id = id;
        this.room = options.roomOf(id);
        this.memberIndex = options.memberIndexOf(id);
        this.node = options.nodeOf(id);
        this.membersSeen = options.nodes() > 1 ? new java.util.HashSet<>() : null;
        this.nick = options.nick(id);
        this.roomName = options.roomName(room);
        this.privmsgPrefix = ("PRIVMSG " + roomName + " :").getBytes(StandardCharsets.US_ASCII);
        this.window = new SendWindow(options.window());
        this.fromMember = new ReceiveLedger[options.roomSize(room)];
    }

    /** Records members shown; true the first time the whole room has been seen. */
    boolean sawMembers(String... nicks) {
        if (membersSeen == null) {
            return false;
        }
        for (String member : nicks) {
            membersSeen.add(IrcNames.fold(member));
        }
        if (membersSeen.size() < fromMember.length) {
            return false;
        }
        membersSeen = null;
        return true;
    }

    ReceiveLedger ledgerFor(int senderMemberIndex) {
        ReceiveLedger ledger = fromMember[senderMemberIndex];
        if (ledger == null) {
            ledger = new ReceiveLedger();
            fromMember[senderMemberIndex] = ledger;
        }
        return ledger;
    }

    boolean hasPendingOutput() {
        return pendingLength > 0;
    }

    /**
     * Writes {@code out} (flipped, in the loop's shared buffer) after anything still pending;
     * what the socket does not take is kept and OP_WRITE requested, so the loop never blocks.
     */
    void send(ByteBuffer out) throws IOException {
        if (pendingLength > 0) {
            keep(out);
            return;
        }
        io.write(out);
        if (out.hasRemaining()) {
            keep(out);
            key.interestOps(key.interestOps() | SelectionKey.OP_WRITE);
        } else if (tls != null && tls.hasPendingOutput()) {
            key.interestOps(key.interestOps() | SelectionKey.OP_WRITE); // a TLS record waits for room
        }
    }

    /** On OP_WRITE: pushes pending output through the shared buffer. */
    void flushPending(ByteBuffer scratch) throws IOException {
        if (tls != null) {
            tls.flush();
            if (tls.hasPendingOutput()) {
                return; // still no room; OP_WRITE stays
            }
        }
        int written = 0;
        while (written < pendingLength) {
            scratch.clear();
            int chunk = Math.min(scratch.capacity(), pendingLength - written);
            scratch.put(pending, written, chunk).flip();
            int n = io.write(scratch);
            written += n;
            if (n < chunk) {
                break;
            }
        }
        System.arraycopy(pending, written, pending, 0, pendingLength - written);
        pendingLength -= written;
        if (pendingLength == 0 && (tls == null || !tls.hasPendingOutput())) {
            pending = null;
            key.interestOps(key.interestOps() & ~SelectionKey.OP_WRITE);
        }
    }

    private void keep(ByteBuffer out) {
        int length = out.remaining();
        if (pending == null) {
            pending = new byte[Math.max(1024, length)];
        } else if (pendingLength + length > pending.length) {
            pending = Arrays.copyOf(pending, Math.max(pendingLength + length, pending.length * 2));
        }
        out.get(pending, pendingLength, length);
        pendingLength += length;
    }

    /** Puts the partial line left from the previous read at the start of {@code in}. */
    void restoreCarry(ByteBuffer in) {
        if (carryLength > 0) {
            in.put(carry, 0, carryLength);
            carry = null;
            carryLength = 0;
        }
    }

    /** Keeps {@code bytes[from, to)}, a line whose newline has not arrived yet. */
    void saveCarry(byte[] bytes, int from, int to) {
        carryLength = to - from;
        carry = carryLength == 0 ? null : Arrays.copyOfRange(bytes, from, to);
    }

    void close() {
        state = State.CLOSED;
        pending = null;
        pendingLength = 0;
        carry = null;
        if (key != null) {
            key.cancel();
        }
        try {
            if (io != null) {
                io.close();
            } else if (channel != null) {
                channel.close();
            }
        } catch (IOException ignored) {
            // Closing a socket we are done with: nothing useful to do about a failure.
        }
    }
}
