package chat.client.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class NewlineScanTest {

    private static int naive(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == '\n') {
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
                    assertEquals(naive(bytes, from, length), NewlineScan.indexOf(bytes, from, length),
                            "length " + length + " newline " + at + " from " + from);
                }
            }
        }
    }

    @Test
    void agreesWithAPlainLoopOnSeededRandomBytesIncludingHighAndNeighbouringValues() {
        Random random = new Random(5);
        byte[] alphabet = {'\n', '\t', 0x0B, 0x09, (byte) 0x8A, (byte) 0xFF, 0, 'a', ' '};
        for (int round = 0; round < 2000; round++) {
            byte[] bytes = new byte[random.nextInt(64)];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = alphabet[random.nextInt(alphabet.length)];
            }
            int from = bytes.length == 0 ? 0 : random.nextInt(bytes.length);
            int to = from + random.nextInt(bytes.length - from + 1);
            assertEquals(naive(bytes, from, to), NewlineScan.indexOf(bytes, from, to));
        }
    }

    @Test
    void aNewlinePastTheEndIsNotFound() {
        byte[] bytes = "abcdefghij\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertEquals(-1, NewlineScan.indexOf(bytes, 0, 10));
    }
}
