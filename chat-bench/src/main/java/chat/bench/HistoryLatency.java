package chat.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * How long CHATHISTORY takes, as a client sees it: one connection asks {@code LATEST <room> * 100}
 * (or BEFORE a point that walks back through the room) again and again, each request sent when
 * the previous batch ended, and the time from sending to the batch's end goes into a histogram.
 *
 * <pre>java -cp chat-bench.jar chat.bench.HistoryLatency PORT ROOM [REQUESTS] [LIMIT]</pre>
 */
public final class HistoryLatency {
    private HistoryLatency() {
    }

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        String room = args[1];
        int requests = args.length > 2 ? Integer.parseInt(args[2]) : 1_000;
        int limit = args.length > 3 ? Integer.parseInt(args[3]) : 100;
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setTcpNoDelay(true);
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            OutputStream out = socket.getOutputStream();
            send(out, "CAP REQ :draft/chathistory batch message-tags\r\nCAP END\r\nNICK probe\r\nUSER probe 0 * :probe\r\n"
                    + "JOIN " + room + "\r\n");
            readUntil(in, " 366 ");
            Histogram latest = new Histogram(60_000_000_000L, 3);
            Histogram before = new Histogram(60_000_000_000L, 3);
            String oldest = null;
            int lines = 0;
            for (int i = 0; i < requests * 2; i++) {
                boolean walk = i % 2 == 1 && oldest != null;
                String request = walk ? "CHATHISTORY BEFORE " + room + " msgid=" + oldest + " " + limit
                        : "CHATHISTORY LATEST " + room + " * " + limit;
                long start = System.nanoTime();
                send(out, request + "\r\n");
                String first = null;
                int got = 0;
                for (String line; (line = in.readLine()) != null; ) {
                    if (line.startsWith("PING")) {
                        send(out, "PONG" + line.substring(4) + "\r\n");
                    } else if (line.contains(" PRIVMSG ")) {
                        got++;
                        if (first == null) {
                            first = line.substring(line.indexOf("msgid=") + 6, line.indexOf("msgid=") + 20);
                        }
                    } else if (line.contains(" BATCH -") || line.contains(" FAIL ")) {
                        break;
                    }
                }
                (walk ? before : latest).recordValue(System.nanoTime() - start);
                lines += got;
                oldest = got == 0 ? null : first; // walk back a page each time; start again at the top when done
            }
            System.out.println(String.format(Locale.ROOT,
                    "CHATHISTORY LATEST %s * %d: %d requests, p50 %.2f ms p99 %.2f ms max %.2f ms;"
                            + " BEFORE (walking back): p50 %.2f ms p99 %.2f ms max %.2f ms; %d lines received",
                    room, limit, latest.getTotalCount(), ms(latest, 50), ms(latest, 99), latest.getMaxValue() / 1e6,
                    ms(before, 50), ms(before, 99), before.getMaxValue() / 1e6, lines));
        }
    }

    private static double ms(Histogram histogram, double percentile) {
        return histogram.getValueAtPercentile(percentile) / 1e6;
    }

    private static void send(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void readUntil(BufferedReader in, String marker) throws IOException {
        for (String line; (line = in.readLine()) != null; ) {
            if (line.contains(marker)) {
                return;
            }
        }
        throw new IOException("the server closed before " + marker.strip());
    }
}
