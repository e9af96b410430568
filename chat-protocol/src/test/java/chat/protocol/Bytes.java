package chat.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Byte-array building for tests. */
final class Bytes {
    private Bytes() {
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] repeat(char ascii, int count) {
        byte[] bytes = new byte[count];
        Arrays.fill(bytes, (byte) ascii);
        return bytes;
    }

    /** Bytes given as ints so that 0x80..0xFF can be written without casts. */
    static byte[] of(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    static String hex(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        for (byte b : bytes) {
            out.append(String.format("%02X ", b & 0xFF));
        }
        return out.toString().trim();
    }
}
