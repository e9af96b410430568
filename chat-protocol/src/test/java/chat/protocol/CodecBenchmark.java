package chat.protocol;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Single-threaded codec speed: decode+parse of realistic chat lines from large heap and direct
 * buffers read in 64 KiB windows (as a server's read buffer would hand them over), and encoding.
 * Not a test (surefire never runs it); timings belong here, not in unit tests. Run with
 * <pre>
 * mvn -q -B -pl chat-protocol test-compile
 * java -cp chat-protocol/target/classes:chat-protocol/target/test-classes chat.protocol.CodecBenchmark
 * </pre>
 * Also reports bytes allocated per line, to show allocation follows lines, not bytes.
 */
public final class CodecBenchmark {
    private static final int READ_WINDOW_BYTES = 64 * 1024;
    private static final int INPUT_BYTES = 32 * 1024 * 1024;
    private static final int ROUNDS = 7;
    private static long sink;

    private CodecBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        byte[] chat = realisticLines(new Random(42), INPUT_BYTES, 0);
        byte[] utf8Chat = realisticLines(new Random(43), INPUT_BYTES, 30);
        byte[] longLines = realisticLines(new Random(44), INPUT_BYTES, -1);
        System.out.printf("Java %s, %d lines of %.1f bytes average (ASCII), %.1f (30%% non-ASCII), %.1f (long)%n",
                System.getProperty("java.version"), countLines(chat), average(chat), average(utf8Chat), average(longLines));

        run("decode+parse, heap, ASCII", chat, false, true);
        run("decode+parse, direct, ASCII", chat, true, true);
        run("decode+parse, heap, 30% UTF-8", utf8Chat, false, true);
        run("decode+parse, direct, 30% UTF-8", utf8Chat, true, true);
        run("decode only, heap, ASCII", chat, false, false);
        run("decode only, heap, 30% UTF-8", utf8Chat, false, false);
        run("decode+parse, heap, ~400-byte lines", longLines, false, true);
        encode(chat);
        System.out.println("(sink " + (sink & 1) + ")");
    }

    private static void run(String name, byte[] input, boolean direct, boolean parse) throws MalformedMessageException {
        ByteBuffer buffer = direct ? ByteBuffer.allocateDirect(input.length).put(input).flip() : ByteBuffer.wrap(input);
        long lines = 0;
        double[] seconds = new double[ROUNDS];
        long allocated = 0;
        for (int round = 0; round < ROUNDS; round++) {
            long allocatedBefore = allocatedBytes();
            long start = System.nanoTime();
            lines = decodeAll(buffer, parse);
            seconds[round] = (System.nanoTime() - start) / 1e9;
            allocated = allocatedBytes() - allocatedBefore;
        }
        report(name, input.length, lines, seconds, allocated);
    }

    private static long decodeAll(ByteBuffer buffer, boolean parse) throws MalformedMessageException {
        LineDecoder decoder = new LineDecoder();
        long lines = 0;
        for (int start = 0; start < buffer.capacity(); start += READ_WINDOW_BYTES) {
            buffer.limit(Math.min(buffer.capacity(), start + READ_WINDOW_BYTES)).position(start);
            DecodedLine line;
            while ((line = decoder.next(buffer)) != null) {
                if (line instanceof DecodedLine.Text text) {
                    if (parse) {
                        sink += IrcParser.parse(text.text()).paramCount();
                    } else {
                        sink += text.text().length();
                    }
                    lines++;
                }
            }
        }
        buffer.clear();
        return lines;
    }

    private static void encode(byte[] sample) throws MalformedMessageException {
        List<IrcMessage> messages = new ArrayList<>();
        LineDecoder decoder = new LineDecoder();
        ByteBuffer in = ByteBuffer.wrap(sample, 0, 1 << 20);
        DecodedLine line;
        while ((line = decoder.next(in)) != null) {
            messages.add(IrcParser.parse(((DecodedLine.Text) line).text()));
        }
        double[] seconds = new double[ROUNDS];
        long bytes = 0;
        long allocated = 0;
        int repeat = 20;
        for (int round = 0; round < ROUNDS; round++) {
            long allocatedBefore = allocatedBytes();
            long start = System.nanoTime();
            bytes = 0;
            for (int r = 0; r < repeat; r++) {
                for (IrcMessage message : messages) {
                    bytes += IrcEncoder.encode(message).length;
                }
            }
            seconds[round] = (System.nanoTime() - start) / 1e9;
            allocated = allocatedBytes() - allocatedBefore;
        }
        report("encode (IrcEncoder.encode)", bytes, (long) messages.size() * repeat, seconds, allocated);
        sink += bytes;
    }

    private static void report(String name, long bytes, long lines, double[] seconds, long allocated) {
        double[] sorted = seconds.clone();
        Arrays.sort(sorted);
        double median = sorted[sorted.length / 2];
        System.out.printf("%-36s %6.2f M lines/s  %7.1f MB/s  (median of %d, best %.2f M lines/s)  %5.0f B allocated/line%n",
                name, lines / median / 1e6, bytes / median / 1e6, seconds.length, lines / sorted[0] / 1e6,
                (double) allocated / lines);
    }

    /**
     * Server-to-client traffic as a chat produces it: mostly PRIVMSG with a full prefix, some
     * JOIN/PART/PING/NOTICE. {@code nonAsciiPercent} of messages carry accented and CJK text;
     * -1 makes every message about 400 bytes.
     */
    static byte[] realisticLines(Random random, int totalBytes, int nonAsciiPercent) {
        String[] nicks = {"alice", "bob", "carol", "dave", "erin_", "frank[m]", "grace", "heidi"};
        String[] rooms = {"#lobby", "#java", "#random", "#ops"};
        String[] words = {"hello", "world", "the", "server", "is", "fast", "enough", "we", "hope", "chat", "line",
            "message", "again", "today", "ok", "thanks", "see", "you", "later", "what"};
        String[] accented = {"héllo", "wörld", "naïve", "café", "日本語", "Grüße", "ñandú", "€"};
        ByteBuffer out = ByteBuffer.allocate(totalBytes);
        while (true) {
            String nick = nicks[random.nextInt(nicks.length)];
            String prefix = ":" + nick + "!" + nick + "@127.0.0.1 ";
            String line;
            int kind = random.nextInt(100);
            if (kind < 85 || nonAsciiPercent < 0) {
                StringBuilder text = new StringBuilder();
                boolean unicode = random.nextInt(100) < nonAsciiPercent;
                int target = nonAsciiPercent < 0 ? 360 : 40 + random.nextInt(40);
                while (text.length() < target) {
                    text.append(unicode && random.nextInt(3) == 0 ? accented[random.nextInt(accented.length)]
                            : words[random.nextInt(words.length)]).append(' ');
                }
                line = prefix + "PRIVMSG " + rooms[random.nextInt(rooms.length)] + " :" + text.toString().trim();
            } else if (kind < 90) {
                line = prefix + "JOIN " + rooms[random.nextInt(rooms.length)];
            } else if (kind < 94) {
                line = prefix + "PART " + rooms[random.nextInt(rooms.length)] + " :see you later";
            } else if (kind < 97) {
                line = "PING :irc.example.net";
            } else {
                line = ":irc.example.net NOTICE " + nick + " :*** server notice number " + random.nextInt(100000);
            }
            byte[] bytes = (line + "\r\n").getBytes(StandardCharsets.UTF_8);
            if (out.remaining() < bytes.length) {
                return Arrays.copyOf(out.array(), out.position());
            }
            out.put(bytes);
        }
    }

    private static long countLines(byte[] input) {
        long lines = 0;
        for (byte b : input) {
            lines += b == '\n' ? 1 : 0;
        }
        return lines;
    }

    private static double average(byte[] input) {
        return (double) input.length / countLines(input);
    }

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
                .getThreadAllocatedBytes(Thread.currentThread().getId());
    }
}
