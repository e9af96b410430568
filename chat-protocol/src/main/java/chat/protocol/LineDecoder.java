package chat.protocol;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Turns the bytes of one connection into whole lines, one call at a time.
 *
 * <p>Framing accepts LF or CRLF. A line may be at most {@link ProtocolLimits#MAX_LINE_BYTES}
 * bytes including its CRLF (so 510 bytes of content); once a line passes that, the decoder
 * reports {@link DecodedLine.TooLong} at once (it does not wait for a newline that may never
 * come) and silently discards up to the next newline. Text is decoded only when a whole line is
 * present, so a character split across reads is never broken.
 *
 * <p>After {@link #allowMessageTags()}, a line that starts with '@' may add an IRCv3 tag section of
 * up to {@link ProtocolLimits#MAX_TAGS_BYTES} bytes ('@' and its trailing space included); the rest of
 * that line keeps the ordinary limit.
 *
 * <p>Nothing is buffered while no partial line is pending: an idle connection holds no array.
 * The scan position is remembered so a slowly arriving line is scanned once, not once per read.
 * Not thread-safe; one instance per connection, used by the thread that reads it.
 */
public final class LineDecoder {
    private static final byte LF = '\n';
    private static final byte CR = '\r';

    private final int maxContentBytes;
    private int maxTaggedContentBytes;
    private byte[] pending;
    private int pendingLength;
    private boolean discarding;

    public LineDecoder() {
        this(ProtocolLimits.MAX_LINE_BYTES);
    }

    /** @param maxLineBytes the line limit including the two bytes of CRLF */
    public LineDecoder(int maxLineBytes) {
        if (maxLineBytes < 3) {
            throw new IllegalArgumentException("maxLineBytes must leave room for content: " + maxLineBytes);
        }
        this.maxContentBytes = maxLineBytes - ProtocolLimits.CRLF_BYTES;
        this.maxTaggedContentBytes = maxContentBytes;
    }

    /** Lets lines that start with an IRCv3 tag section ('@') use the extra tag budget. */
    public void allowMessageTags() {
        maxTaggedContentBytes = maxContentBytes + ProtocolLimits.MAX_TAGS_BYTES;
    }

    /** True while part of a line has arrived and its newline has not. */
    public boolean hasPartialLine() {
        return pendingLength > 0 || discarding;
    }

    /** Bytes held for the partial line; 0 when idle. */
    public int pendingBytes() {
        return pendingLength;
    }

    /**
     * Consumes bytes from {@code in} up to and including the next line terminator and returns
     * what that line was, or returns {@code null} after consuming all of {@code in} when no line
     * is complete yet. Empty lines are skipped, as RFC 1459 2.3.1 lets servers do. Call repeatedly
     * until it returns null to drain a buffer.
     */
    public DecodedLine next(ByteBuffer in) {
        while (in.hasRemaining()) {
            int start = in.position();
            int limit = in.limit();
            int newline = indexOfNewline(in, start, limit);
            if (discarding) {
                in.position(newline < 0 ? limit : newline + 1);
                if (newline >= 0) {
                    discarding = false;
                }
                continue;
            }
            int end = newline < 0 ? limit : newline;
            int chunk = end - start;
            int budget = contentBudget(in, start);
            int lineBytes = pendingLength + chunk;
            // With the LF in sight, LineJudge judges the exact length; this only stops a huge
            // line from being copied. Without it, the line is refused as soon as it cannot fit.
            boolean tooLong = newline >= 0 ? lineBytes > budget + 1 : cannotFit(lineBytes, budget, in.get(end - 1));
            if (tooLong) {
                return overflow(in, newline, limit, budget);
            }
            if (newline < 0) {
                append(in, start, chunk);
                in.position(limit);
                return null;
            }
            in.position(newline + 1);
            DecodedLine line;
            if (pendingLength == 0 && in.hasArray()) {
                line = LineJudge.judge(in.array(), in.arrayOffset() + start, chunk, budget, maxContentBytes);
            } else if (pendingLength == 0) {
                // A direct buffer: judge the line from a per-thread scratch copy rather than
                // allocating a pending array that would be dropped right after.
                byte[] scratch = scratch(chunk);
                in.get(start, scratch, 0, chunk);
                line = LineJudge.judge(scratch, 0, chunk, budget, maxContentBytes);
            } else {
                append(in, start, chunk);
                line = LineJudge.judge(pending, 0, pendingLength, budget, maxContentBytes);
                releasePending();
            }
            if (line != null) {
                return line;
            }
        }
        return null;
    }

    /**
     * True when {@code bytes} of a line (terminator not yet seen) can no longer fit the budget.
     * One byte past the budget is still fine when it is a CR, because it may be the CR of the
     * CRLF; any other byte there already proves the line too long, so it is reported at once.
     */
    private static boolean cannotFit(int bytes, int budget, byte lastByte) {
        return bytes > budget + 1 || (bytes == budget + 1 && lastByte != CR);
    }

    private int contentBudget(ByteBuffer in, int start) {
        byte first = pendingLength > 0 ? pending[0] : in.get(start);
        return first == '@' ? maxTaggedContentBytes : maxContentBytes;
    }

    private DecodedLine overflow(ByteBuffer in, int newline, int limit, int budget) {
        releasePending();
        if (newline < 0) {
            discarding = true;
            in.position(limit);
        } else {
            in.position(newline + 1);
        }
        return new DecodedLine.TooLong(budget + ProtocolLimits.CRLF_BYTES);
    }

    private static final ThreadLocal<byte[]> SCRATCH = ThreadLocal.withInitial(
            () -> new byte[ProtocolLimits.MAX_LINE_BYTES + ProtocolLimits.MAX_TAGS_BYTES]);

    private static byte[] scratch(int length) {
        byte[] scratch = SCRATCH.get();
        if (scratch.length < length) {
            scratch = new byte[length];
            SCRATCH.set(scratch);
        }
        return scratch;
    }

    private static int indexOfNewline(ByteBuffer in, int from, int to) {
        if (in.hasArray()) {
            // Plain array indexing lets the JIT drop the per-byte buffer bounds checks.
            byte[] array = in.array();
            int offset = in.arrayOffset();
            for (int i = from + offset, end = to + offset; i < end; i++) {
                if (array[i] == LF) {
                    return i - offset;
                }
            }
            return -1;
        }
        for (int i = from; i < to; i++) {
            if (in.get(i) == LF) {
                return i;
            }
        }
        return -1;
    }

    private void append(ByteBuffer in, int from, int length) {
        if (length == 0) {
            return;
        }
        int needed = pendingLength + length;
        if (pending == null) {
            pending = new byte[Math.max(64, Integer.highestOneBit(needed - 1) << 1)];
        } else if (needed > pending.length) {
            pending = Arrays.copyOf(pending, Math.max(needed, pending.length * 2));
        }
        in.get(from, pending, pendingLength, length);
        pendingLength = needed;
    }

    private void releasePending() {
        pending = null;
        pendingLength = 0;
    }
}
