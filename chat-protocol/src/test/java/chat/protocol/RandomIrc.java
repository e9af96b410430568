package chat.protocol;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Seeded generators of IRC-shaped data for the randomised tests: text drawn from every UTF-8
 * length class, words, commands, prefixes, tags and whole messages. Same seed, same data, so any
 * failure reproduces from the seed printed with it.
 */
final class RandomIrc {
    private static final String[] COMMANDS = {"PRIVMSG", "NOTICE", "JOIN", "PART", "NICK", "USER", "QUIT", "PING",
        "PONG", "MODE", "TOPIC", "KICK", "WHOIS", "CAP", "001", "353", "433", "privmsg", "Join"};
    /** Code point ranges with their UTF-8 lengths: ASCII, Latin-1, Greek, CJK, emoji, combining marks. */
    private static final int[][] RANGES = {{0x21, 0x7E}, {0xA0, 0xFF}, {0x391, 0x3C9}, {0x4E00, 0x9FFF},
        {0x1F300, 0x1F64F}, {0x300, 0x36F}, {0x10000, 0x10FFF}, {0xE000, 0xF8FF}};

    private final Random random;

    RandomIrc(long seed) {
        this.random = new Random(seed);
    }

    Random random() {
        return random;
    }

    int between(int min, int max) {
        return min + random.nextInt(max - min + 1);
    }

    boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    /** Any code point a person could type, never CR, LF or NUL; spaces and colons are common. */
    int codePoint() {
        int roll = random.nextInt(100);
        if (roll < 12) {
            return ' ';
        }
        if (roll < 15) {
            return ':';
        }
        if (roll < 17) {
            return "\t\u001b\u0007\u007f\u0085".charAt(random.nextInt(5)); // controls a terminal would act on
        }
        if (roll < 60) {
            return between('a', 'z');
        }
        int[] range = RANGES[random.nextInt(RANGES.length)];
        return between(range[0], range[1]);
    }

    String text(int maxCodePoints) {
        int count = random.nextInt(maxCodePoints + 1);
        StringBuilder out = new StringBuilder(count * 2);
        for (int i = 0; i < count; i++) {
            out.appendCodePoint(codePoint());
        }
        return out.toString();
    }

    /** A middle parameter: non-empty, no space, not starting with ':'. */
    String word(int maxCodePoints) {
        StringBuilder out = new StringBuilder();
        int count = between(1, maxCodePoints);
        while (out.codePointCount(0, out.length()) < count) {
            int c = codePoint();
            if (c != ' ' && !(out.length() == 0 && c == ':')) {
                out.appendCodePoint(c);
            }
        }
        return out.toString();
    }

    String command() {
        return COMMANDS[random.nextInt(COMMANDS.length)];
    }

    String prefix() {
        if (chance(40)) {
            return null;
        }
        return chance(50) ? word(10) : word(9) + "!" + word(8) + "@" + word(20);
    }

    Map<String, String> tags() {
        Map<String, String> tags = new LinkedHashMap<>();
        int count = chance(70) ? 0 : between(1, 4);
        for (int i = 0; i < count; i++) {
            String key = (chance(30) ? "+" : "") + (chance(30) ? "example.com/" : "") + asciiKey();
            String value = chance(20) ? "" : text(15) + (chance(30) ? ";\\ \r\n" : "");
            tags.put(key, value);
        }
        return tags;
    }

    private String asciiKey() {
        StringBuilder key = new StringBuilder();
        int length = between(1, 8);
        for (int i = 0; i < length; i++) {
            key.append("abcdefghijklmnopqrstuvwxyz0123456789-".charAt(random.nextInt(37)));
        }
        return key.toString();
    }

    /** A message the encoder accepts: up to 15 parameters, any last parameter. */
    IrcMessage message(int maxLastCodePoints) {
        int paramCount = random.nextInt(ProtocolLimits.MAX_PARAMS + 1);
        List<String> params = new ArrayList<>(paramCount);
        for (int i = 0; i < paramCount - 1; i++) {
            params.add(word(6));
        }
        if (paramCount > 0) {
            params.add(chance(10) ? "" : (chance(10) ? ":" : "") + text(maxLastCodePoints));
        }
        return new IrcMessage(tags(), prefix(), command(), params);
    }

    /** Random bytes with newlines, CRs and UTF-8 lead bytes more frequent than chance would make them. */
    byte[] hostileBytes(int maxLength) {
        byte[] bytes = new byte[random.nextInt(maxLength + 1)];
        for (int i = 0; i < bytes.length; i++) {
            int roll = random.nextInt(100);
            if (roll < 4) {
                bytes[i] = '\n';
            } else if (roll < 7) {
                bytes[i] = '\r';
            } else if (roll < 9) {
                bytes[i] = 0;
            } else if (roll < 40) {
                bytes[i] = (byte) between(0x80, 0xFF);
            } else if (roll < 75) {
                bytes[i] = (byte) between(0x20, 0x7E);
            } else {
                bytes[i] = (byte) random.nextInt(256);
            }
        }
        return bytes;
    }
}
