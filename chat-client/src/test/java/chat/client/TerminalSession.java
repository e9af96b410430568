package chat.client;

import chat.client.net.NetworkLoop;
import chat.client.ui.ConsoleLoop;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jline.terminal.impl.DumbTerminal;

/**
 * One interactive client under test: JLine's DumbTerminal over in-memory streams, so the test types
 * keys and reads the screen while the real ConsoleLoop and NetworkLoop run on their own threads.
 * Published in this module's test-jar for the integration tests, which start it with {@link #start}.
 */
public final class TerminalSession implements AutoCloseable {
    private static final int END = -1;

    private final Keyboard keyboard = new Keyboard();
    private final ScreenCapture screen = new ScreenCapture();
    private final CompletableFuture<Integer> exit = new CompletableFuture<>();
    private final StringWriter errors = new StringWriter();

    TerminalSession(ClientConfig config) throws IOException {
        DumbTerminal terminal = new DumbTerminal("test", "dumb", keyboard, screen, StandardCharsets.UTF_8);
        Thread main = new Thread(() -> {
            try {
                exit.complete(ChatClient.runInteractive(config, terminal, new PrintWriter(errors, true)));
            } catch (Throwable t) {
                exit.completeExceptionally(t);
            }
        }, "test-client-" + config.nick());
        main.setDaemon(true);
        main.start();
    }

    /** A config for tests: no colours, short reconnect delays, a private history file, no pacing pause. */
    static ClientConfig config(int port, String nick, String room, Path historyDir) {
        return config(port, nick, room, historyDir, 50, 200);
    }

    /** @param firstDelayMillis first reconnect delay; it doubles (with jitter) up to {@code maxDelayMillis} */
    private static ClientConfig config(int port, String nick, String room, Path historyDir, long firstDelayMillis,
            long maxDelayMillis) {
        return ClientConfig.of("127.0.0.1", port, nick, room, null, false, historyDir.resolve(nick + ".history"))
                .withTimings(firstDelayMillis, maxDelayMillis, 60_000, 100, 1);
    }

    /** The client with the test config above but the given reconnect delays, for tests outside this package. */
    public static TerminalSession start(int port, String nick, String room, Path historyDir, long firstDelayMillis,
            long maxDelayMillis) throws IOException {
        return new TerminalSession(config(port, nick, room, historyDir, firstDelayMillis, maxDelayMillis));
    }

    public void type(String keys) {
        keyboard.type(keys);
    }

    /** Waits until the client has read every key typed so far (a dumb terminal echoes only on redraw). */
    public void awaitKeysRead() throws InterruptedException {
        keyboard.awaitDrained();
    }

    /** Ctrl-D on an empty line, or the end of a pipe: JLine reports end of input. */
    public void endInput() {
        keyboard.end();
    }

    public String screen() {
        return screen.text();
    }

    public String errors() {
        return errors.toString();
    }

    /** Waits until the screen shows the text somewhere after the given offset; returns where it ends. */
    public int awaitScreen(String text, int fromOffset) throws InterruptedException {
        return screen.await(text, fromOffset, Duration.ofSeconds(10));
    }

    public int awaitScreen(String text) throws InterruptedException {
        return awaitScreen(text, 0);
    }

    public int exitCode() throws Exception {
        return exit.get(10, TimeUnit.SECONDS);
    }

    /** Ends the input (Ctrl-D) and waits for the client to finish, so nothing outlives the test. */
    @Override
    public void close() throws Exception {
        keyboard.end();
        exit.handle((code, failure) -> code).get(10, TimeUnit.SECONDS);
    }

    /** Keys typed by the test; end() makes the next read return end of stream. */
    private static final class Keyboard extends InputStream {
        private final LinkedBlockingQueue<Integer> bytes = new LinkedBlockingQueue<>();

        void type(String keys) {
            for (byte b : keys.getBytes(StandardCharsets.UTF_8)) {
                bytes.add(b & 0xFF);
            }
        }

        void end() {
            bytes.add(END);
        }

        synchronized void awaitDrained() throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!bytes.isEmpty()) {
                long leftMillis = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (leftMillis <= 0) {
                    throw new AssertionError("the client did not read the typed keys");
                }
                wait(leftMillis);
            }
        }

        private synchronized void taken() {
            notifyAll();
        }

        @Override
        public int read() throws IOException {
            try {
                int next = bytes.take();
                taken();
                if (next == END) {
                    bytes.add(END); // stays at the end for every later read
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
            while (count < length && (next = bytes.peek()) != null && next != END) {
                into[offset + count++] = (byte) (int) bytes.poll();
            }
            taken();
            return count;
        }

        @Override
        public int available() {
            Integer next = bytes.peek();
            return next == null || next == END ? 0 : bytes.size();
        }
    }

    /** Everything the client wrote to its terminal, with a way to wait for text to appear. */
    private static final class ScreenCapture extends OutputStream {
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

        synchronized int await(String wanted, int fromOffset, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                String now = text();
                int at = now.indexOf(wanted, Math.min(fromOffset, now.length()));
                if (at >= 0) {
                    return at + wanted.length();
                }
                long leftMillis = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (leftMillis <= 0) {
                    throw new AssertionError("the screen never showed \"" + wanted + "\"; it shows:\n" + now);
                }
                wait(leftMillis);
            }
        }
    }
}
