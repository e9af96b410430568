package chat.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jline.terminal.impl.DumbTerminal;

/**
 * The real interactive client (ConsoleLoop, NetworkLoop, JLine) in this JVM on a DumbTerminal over
 * in-memory streams: the test types keys and waits for text on the screen. Reconnect delays are
 * short so a server restart is survived within a test's time.
 */
public final class InProcessClient implements AutoCloseable {
    private static final int END = -1;

    private final LinkedBlockingQueue<Integer> keys = new LinkedBlockingQueue<>();
    private final Screen screen = new Screen();
    private final CompletableFuture<Integer> exit = new CompletableFuture<>();
    private final StringWriter errors = new StringWriter();

    /**
     * @param firstDelayMillis first reconnect delay; it doubles (with jitter) up to {@code maxDelayMillis}
     */
    public InProcessClient(int port, String nick, String room, Path home, long firstDelayMillis, long maxDelayMillis)
            throws IOException {
        ClientConfig config = ClientConfig.of("127.0.0.1", port, nick, room, null, false, home.resolve(nick + ".history"))
                .withTimings(firstDelayMillis, maxDelayMillis, 60_000, 100, 1);
        DumbTerminal terminal = new DumbTerminal("it", "dumb", new Keyboard(), screen, StandardCharsets.UTF_8);
        Thread main = new Thread(() -> {
            try {
                exit.complete(ChatClient.runInteractive(config, terminal, new PrintWriter(errors, true)));
            } catch (Throwable t) {
                exit.completeExceptionally(t);
            }
        }, "it-client-" + nick);
        main.setDaemon(true);
        main.start();
    }

    public void type(String text) {
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            keys.add(b & 0xFF);
        }
    }

    public String screen() {
        return screen.text();
    }

    /** Waits until the screen shows {@code text} after {@code fromOffset}; returns where it ends. */
    public int awaitScreen(String text, int fromOffset, long timeoutMillis) throws InterruptedException {
        return screen.await(text, fromOffset, timeoutMillis);
    }

    public int exitCode(long timeoutMillis) throws Exception {
        return exit.get(timeoutMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() throws Exception {
        keys.add(END);
        exit.handle((code, failure) -> code).get(10, TimeUnit.SECONDS);
    }

    private final class Keyboard extends InputStream {
        @Override
        public int read() throws IOException {
            try {
                int next = keys.take();
                if (next == END) {
                    keys.add(END);
                }
                return next;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException();
            }
        }

        @Override
        public int read(byte[] into, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            int first = read();
            if (first == END) {
                return END;
            }
            into[offset] = (byte) first;
            int count = 1;
            Integer next;
            while (count < length && (next = keys.peek()) != null && next != END) {
                into[offset + count++] = (byte) (int) keys.poll();
            }
            return count;
        }
    }

    private static final class Screen extends OutputStream {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        @Override
        public synchronized void write(int b) {
            bytes.write(b);
            notifyAll();
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            bytes.write(b, off, len);
            notifyAll();
        }

        synchronized String text() {
            return bytes.toString(StandardCharsets.UTF_8);
        }

        synchronized int await(String wanted, int fromOffset, long timeoutMillis) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
            while (true) {
                String now = text();
                int at = now.indexOf(wanted, Math.min(fromOffset, now.length()));
                if (at >= 0) {
                    return at + wanted.length();
                }
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    throw new AssertionError("the screen never showed \"" + wanted + "\"; it shows:\n" + now);
                }
                wait(left);
            }
        }
    }
}
