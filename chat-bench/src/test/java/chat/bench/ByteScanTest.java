package chat.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ByteScanTest {

    private static int naive(byte[] bytes, int from, int to, byte wanted) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void findsTheFirstNewlineAtEveryPositionAndAlignment() {
        for (int length = 0; length < 40; length++) {
            for (int at = 0; at < length; at++) {
                byte[] bytes = new byte[length];
                java.util.Arrays.fill(bytes, (byte) 'x');
                bytes[at] = '\n';
                for (int from = 0; from <= length; from++) {
                    assertEquals(naive(bytes, from, length, (byte) '\n'), ByteScan.indexOfNewline(bytes, from, length),
                            "length " + length + " newline " + at + " from " + from);
                }
            }
        }
    }

    /** A seeded random byte string from {@code alphabet} and a random range in it. */
    private interface Case {
        void check(byte[] bytes, int from, int to);
    }

    private static void randomCases(long seed, byte[] alphabet, Case check) {
        Random random = new Random(seed);
        for (int round = 0; round < 2000; round++) {
            byte[] bytes = new byte[random.nextInt(64)];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = alphabet[random.nextInt(alphabet.length)];
            }
            int from = bytes.length == 0 ? 0 : random.nextInt(bytes.length);
            check.check(bytes, from, from + random.nextInt(bytes.length - from + 1));
        }
    }

    @Test
    void agreesWithAPlainLoopOnSeededRandomBytesIncludingHighAndNeighbouringValues() {
        randomCases(5, new byte[] {'\n', '\t', 0x0B, 0x09, (byte) 0x8A, (byte) 0xFF, 0, 'a', ' '},
                (bytes, from, to) -> assertEquals(naive(bytes, from, to, (byte) '\n'),
                        ByteScan.indexOfNewline(bytes, from, to)));
    }

    @Test
    void aNewlinePastTheEndIsNotFound() {
        byte[] bytes = "abcdefghij\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertEquals(-1, ByteScan.indexOfNewline(bytes, 0, 10));
    }

    @Test
    void findsAnyWantedByteAsAPlainLoopWould() {
        randomCases(7, new byte[] {' ', 0x20 - 1, 0x20 + 1, (byte) 0xA0, 'x', '\n'},
                (bytes, from, to) -> assertEquals(naive(bytes, from, to, (byte) ' '),
                        ByteScan.indexOf(bytes, from, to, (byte) ' ')));
    }

    @Test
    void findsTheEndOfARunOfFillerAtEveryPositionOrReturnsTheEnd() {
        for (int length = 0; length < 40; length++) {
            for (int at = 0; at <= length; at++) {
                byte[] bytes = new byte[length];
                java.util.Arrays.fill(bytes, (byte) 'x');
                if (at < length) {
                    bytes[at] = (byte) ('x' | 0x80);
                }
                for (int from = 0; from <= at; from++) {
                    assertEquals(at, ByteScan.indexOfOther(bytes, from, length, (byte) 'x'),
                            "length " + length + " other at " + at + " from " + from);
                }
            }
        }
    }

    @Test
    void readsEightBytesLowestFirst() {
        byte[] bytes = {1, 2, 3, 4, 5, 6, 7, 8, 9};
        assertEquals(0x0908070605040302L, ByteScan.longAt(bytes, 1));
    }
}
