package chat.protocol;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
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
            int newline = indexOf(in, start, limit);
            int end = newline < 0 ? limit : newline;
            if (discarding) {
                in.position(newline < 0 ? limit : newline + 1);
                if (newline >= 0) {
                    discarding = false;
                }
                continue;
            }
            int chunk = end - start;
            int budget = contentBudget(in, start);
            if (pendingLength + chunk > budget + 1) {
                // +1 tolerates the CR of a CRLF that sits just past the content budget.
                return overflow(in, newline, limit);
            }
            if (newline < 0) {
                append(in, start, chunk);
                in.position(limit);
                return null;
            }
            in.position(newline + 1);
            DecodedLine line;
            if (pendingLength == 0 && in.hasArray()) {
                line = complete(in.array(), in.arrayOffset() + start, chunk, budget);
            } else if (pendingLength == 0) {
                // A direct buffer: judge the line from a per-thread scratch copy rather than
                // allocating a pending array that would be dropped right after.
                byte[] scratch = scratch(chunk);
                in.get(start, scratch, 0, chunk);
                line = complete(scratch, 0, chunk, budget);
            } else {
                append(in, start, chunk);
                line = complete(pending, 0, pendingLength, budget);
                releasePending();
            }
            if (line != null) {
                return line;
            }
        }
        return null;
    }

    private int contentBudget(ByteBuffer in, int start) {
        byte first = pendingLength > 0 ? pending[0] : in.get(start);
        return first == '@' ? maxTaggedContentBytes : maxContentBytes;
    }

    private DecodedLine overflow(ByteBuffer in, int newline, int limit) {
        int budget = pendingLength > 0 && pending[0] == '@' ? maxTaggedContentBytes : maxContentBytes;
        releasePending();
        if (newline < 0) {
            discarding = true;
            in.position(limit);
        } else {
            in.position(newline + 1);
        }
        return new DecodedLine.TooLong(budget + ProtocolLimits.CRLF_BYTES);
    }

    /** Judges one whole line (without its LF); returns null for an empty line. */
    private static DecodedLine complete(byte[] bytes, int offset, int length, int budget) {
        if (length > 0 && bytes[offset + length - 1] == CR) {
            length--;
        }
        if (length > budget) {
            return new DecodedLine.TooLong(budget + ProtocolLimits.CRLF_BYTES);
        }
        if (length == 0) {
            return null;
        }
        boolean ascii = true;
        for (int i = 0; i < length; i++) {
            byte b = bytes[offset + i];
            if (b == 0 || b == CR) {
                return new DecodedLine.ForbiddenByte(b, i);
            }
            if (b < 0) {
                ascii = false;
            }
        }
        if (ascii) {
            // Latin-1 is byte-for-char identical on ASCII and lets the JDK build a compact string.
            return new DecodedLine.Text(new String(bytes, offset, length, StandardCharsets.ISO_8859_1));
        }
        int invalid = Utf8.firstInvalidOffset(bytes, offset, offset + length);
        if (invalid >= 0) {
            return new DecodedLine.InvalidUtf8(invalid - offset);
        }
        return new DecodedLine.Text(new String(bytes, offset, length, StandardCharsets.UTF_8));
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

    private static int indexOf(ByteBuffer in, int from, int to) {
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
