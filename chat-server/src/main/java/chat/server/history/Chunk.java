package chat.server.history;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The lines of one target written in one commit, kept as one row: a row per line would cost the
 * writer a B-tree insert per line (several microseconds each), which at the relay's rate is a
 * whole core; a row per target per commit costs that once for up to thousands of lines. Under
 * light load a chunk holds one line. Each line is kept as the bytes the relay sent (no second
 * formatting), in (sequence, time, command code, length, bytes) records.
 */
final class Chunk {
    private Chunk() {
    }

    /** Commands a chunk stores, by the one-byte code each line carries (new ones go at the end: codes are on disk). */
    private static final String[] COMMANDS = {"PRIVMSG", "NOTICE", "JOIN", "PART", "QUIT", "KICK", "NICK", "TOPIC", "MODE"};
    private static final int HEADER_BYTES = Long.BYTES * 2 + 1 + Short.BYTES;

    /**
     * The lines' records: sequence, time, a command code, then the wire bytes without CRLF (length
     * first). Written into one array sized up front: this runs for every line kept.
     */
    static byte[] encode(List<HistoryWriter.Append> lines) {
        int size = 0;
        for (HistoryWriter.Append line : lines) {
            size += HEADER_BYTES + withoutCrLf(line.wireLine());
        }
        // Plain array stores: the launcher runs C1, which compiles ByteBuffer's checked puts into
        // calls; this loop is the writer's main cost per line.
        byte[] out = new byte[size];
        int at = 0;
        for (HistoryWriter.Append line : lines) {
            byte[] wire = line.wireLine();
            int length = withoutCrLf(wire);
            at = putLong(out, at, line.sequence());
            at = putLong(out, at, line.epochMillis());
            out[at++] = code(line.command());
            out[at++] = (byte) (length >>> 8);
            out[at++] = (byte) length;
            System.arraycopy(wire, 0, out, at, length);
            at += length;
        }
        return out;
    }

    private static int putLong(byte[] out, int at, long value) {
        for (int shift = 56; shift >= 0; shift -= 8) {
            out[at++] = (byte) (value >>> shift);
        }
        return at;
    }

    private static int withoutCrLf(byte[] wire) {
        return wire.length >= 2 && wire[wire.length - 2] == '\r' ? wire.length - 2 : wire.length;
    }

    /** Whether a chunk can store lines of this command. */
    static boolean keeps(String command) {
        for (String kept : COMMANDS) {
            if (kept.equals(command)) {
                return true;
            }
        }
        return false;
    }

    private static byte code(String command) {
        for (int i = 0; i < COMMANDS.length; i++) {
            if (COMMANDS[i].equals(command)) {
                return (byte) i;
            }
        }
        throw new IllegalArgumentException("not a command history keeps: " + command);
    }

    static List<StoredLine> decode(byte[] body) {
        List<StoredLine> lines = new ArrayList<>();
        ByteBuffer in = ByteBuffer.wrap(body);
        try {
            while (in.hasRemaining()) {
                long sequence = in.getLong();
                long epochMillis = in.getLong();
                String command = COMMANDS[in.get()];
                int length = Short.toUnsignedInt(in.getShort());
                lines.add(new StoredLine(sequence, epochMillis, command,
                        new String(body, in.position(), length, StandardCharsets.UTF_8)));
                in.position(in.position() + length);
            }
        } catch (RuntimeException damaged) {
            throw new IllegalStateException("a history chunk is damaged", damaged);
        }
        return lines;
    }
}
