package chat.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * One way of handing input to a {@link LineDecoder}: how the bytes are cut into reads, and what
 * kind of buffer carries each read. Decoder tests run every case under {@link #all()} so that a
 * result which depends on where reads happen to split is caught.
 *
 * <p>The three buffer kinds reach the decoder's three code paths: a heap buffer whose array starts at
 * a non-zero offset and whose position is not 0 (the array fast path), a direct buffer reused the
 * way a server reuses its read buffer, and a read-only heap buffer (no accessible array).
 */
record Feeding(String splitName, Function<byte[], int[]> splitter, BufferKind kind) {

    enum BufferKind { HEAP_SLICE, DIRECT, READ_ONLY_HEAP }

    /** What came out of one feeding: the results in order, and the most bytes the decoder ever held. */
    record Outcome(List<DecodedLine> lines, int maxPendingBytes) {
    }

    static List<Feeding> all() {
        List<Feeding> feedings = new ArrayList<>();
        for (BufferKind kind : BufferKind.values()) {
            feedings.add(new Feeding("whole", Feeding::whole, kind));
            feedings.add(new Feeding("byte by byte", Feeding::byteByByte, kind));
            feedings.add(new Feeding("inside every UTF-8 character", Feeding::insideEveryMultiByteCharacter, kind));
            feedings.add(new Feeding("between CR and LF", Feeding::betweenCrAndLf, kind));
            for (long seed = 1; seed <= 3; seed++) {
                long fixed = seed;
                feedings.add(new Feeding("random splits, seed " + seed, input -> randomSplits(input, fixed), kind));
            }
        }
        return feedings;
    }

    /**
     * Compares decoded results; on a mismatch it shows long lines by length and ends only, so a
     * failing 10 MB case does not flood the report.
     */
    static void assertLines(List<DecodedLine> expected, List<DecodedLine> actual) {
        if (!expected.equals(actual)) {
            throw new AssertionError("expected " + summary(expected) + " but was " + summary(actual));
        }
    }

    static String summary(List<DecodedLine> lines) {
        List<String> shown = new ArrayList<>();
        for (DecodedLine line : lines) {
            if (line instanceof DecodedLine.Text text && text.text().length() > 60) {
                String t = text.text();
                shown.add("Text[" + t.length() + " chars: " + t.substring(0, 25) + "..." + t.substring(t.length() - 25) + "]");
            } else {
                shown.add(String.valueOf(line));
            }
        }
        return shown.toString();
    }

    @Override
    public String toString() {
        return splitName + ", " + kind;
    }

    /** Decodes {@code input} with a fresh default decoder. */
    List<DecodedLine> decode(byte[] input) {
        return feed(new LineDecoder(), input).lines();
    }

    /**
     * Feeds {@code input} to {@code decoder} read by read, draining each read the way a server does
     * (call {@code next} until null), and checks the decoder's contract on the way: a null answer
     * means the whole read was consumed.
     */
    Outcome feed(LineDecoder decoder, byte[] input) {
        return feed(decoder, input, splitter.apply(input));
    }

    Outcome feed(LineDecoder decoder, byte[] input, int[] cuts) {
        List<DecodedLine> lines = new ArrayList<>();
        int maxPending = 0;
        Reads reads = new Reads(kind, input, largestRead(cuts));
        int start = 0;
        for (int end : cuts) {
            ByteBuffer read = reads.window(start, end);
            DecodedLine line;
            while ((line = decoder.next(read)) != null) {
                lines.add(line);
            }
            assertEquals(0, read.remaining(), "a null answer must mean the read was consumed");
            maxPending = Math.max(maxPending, decoder.pendingBytes());
            start = end;
        }
        assertEquals(input.length, start, "the splitter must cover the whole input");
        return new Outcome(lines, maxPending);
    }

    /** Builds the buffers for one feeding; a window is the read of bytes {@code [start, end)}. */
    private static final class Reads {
        private static final int ARRAY_OFFSET = 7;
        private final BufferKind kind;
        private final byte[] input;
        private final ByteBuffer whole;
        private final ByteBuffer direct;

        Reads(BufferKind kind, byte[] input, int largestRead) {
            this.kind = kind;
            this.input = input;
            byte[] padded = new byte[input.length + 2 * ARRAY_OFFSET];
            System.arraycopy(input, 0, padded, ARRAY_OFFSET, input.length);
            ByteBuffer slice = ByteBuffer.wrap(padded, ARRAY_OFFSET, input.length).slice();
            this.whole = kind == BufferKind.READ_ONLY_HEAP ? slice.asReadOnlyBuffer() : slice;
            this.direct = kind == BufferKind.DIRECT ? ByteBuffer.allocateDirect(Math.max(1, largestRead)) : null;
        }

        ByteBuffer window(int start, int end) {
            if (kind == BufferKind.DIRECT) {
                direct.clear();
                direct.put(input, start, end - start);
                return direct.flip();
            }
            return whole.limit(end).position(start);
        }
    }

    private static int largestRead(int[] cuts) {
        int largest = 0;
        int start = 0;
        for (int end : cuts) {
            largest = Math.max(largest, end - start);
            start = end;
        }
        return largest;
    }

    static int[] whole(byte[] input) {
        return new int[] {input.length};
    }

    static int[] byteByByte(byte[] input) {
        int[] cuts = new int[input.length];
        for (int i = 0; i < input.length; i++) {
            cuts[i] = i + 1;
        }
        return cuts;
    }

    /** A read ends before every UTF-8 continuation byte, so every multi-byte character is split. */
    static int[] insideEveryMultiByteCharacter(byte[] input) {
        List<Integer> cuts = new ArrayList<>();
        for (int i = 1; i < input.length; i++) {
            if ((input[i] & 0xC0) == 0x80) {
                cuts.add(i);
            }
        }
        return withEnd(cuts, input.length);
    }

    /** A read ends after every CR, so the CR of each CRLF arrives without its LF. */
    static int[] betweenCrAndLf(byte[] input) {
        List<Integer> cuts = new ArrayList<>();
        for (int i = 0; i < input.length - 1; i++) {
            if (input[i] == '\r') {
                cuts.add(i + 1);
            }
        }
        return withEnd(cuts, input.length);
    }

    /** Reads of random length, mostly short, sometimes long enough to carry several lines. */
    static int[] randomSplits(byte[] input, long seed) {
        Random random = new Random(seed);
        List<Integer> cuts = new ArrayList<>();
        int at = 0;
        while (at < input.length) {
            at = Math.min(input.length, at + 1 + random.nextInt(random.nextBoolean() ? 8 : 1200));
            cuts.add(at);
        }
        return withEnd(cuts, input.length);
    }

    /** Two reads cut at {@code at}; used to split an input at every byte boundary in turn. */
    static int[] twoReads(byte[] input, int at) {
        assertTrue(at >= 0 && at <= input.length);
        return at == 0 || at == input.length ? new int[] {input.length} : new int[] {at, input.length};
    }

    private static int[] withEnd(List<Integer> cuts, int length) {
        if (cuts.isEmpty() || cuts.get(cuts.size() - 1) != length) {
            cuts.add(length);
        }
        return cuts.stream().mapToInt(Integer::intValue).toArray();
    }
}
