package chat.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.channels.Pipe;
import java.util.concurrent.TimeUnit;

/**
 * A running server: the listening socket is bound when {@link #start} returns (port 0 picks a free
 * port; {@link #port()} says which), the loop runs on its own thread, and {@link #shutdown()} asks
 * for the graceful shutdown that console 88, SIGINT and SIGTERM also trigger.
 */
public final class ChatServer implements AutoCloseable {
    private final EventLoop loop;
    private final Thread loopThread;

    private ChatServer(EventLoop loop) {
        this.loop = loop;
        this.loopThread = new Thread(loop, "chat-event-loop");
    }

    /**
     * Binds and starts. {@code console} (may be null) is read as the operator console;
     * {@code consoleOut} receives the console's answers.
     *
     * @throws IOException when the address cannot be bound (for example the port is in use)
     */
    public static ChatServer start(ServerConfig config, InputStream console, PrintStream consoleOut)
            throws IOException {
        Pipe pipe = console == null ? null : Pipe.open();
        EventLoop loop;
        try {
            loop = new EventLoop(config, pipe == null ? null : pipe.source(), new ConsoleOutput(consoleOut));
        } catch (IOException | RuntimeException e) {
            if (pipe != null) {
                pipe.source().close();
                pipe.sink().close();
            }
            throw e;
        }
        ChatServer server = new ChatServer(loop);
        server.loopThread.start();
        if (pipe != null) {
            OperatorConsole.start(console, pipe.sink());
        }
        return server;
    }

    public InetSocketAddress address() {
        return loop.boundAddress();
    }

    public int port() {
        return loop.boundAddress().getPort();
    }

    /** Asks for a graceful shutdown (from any thread) and returns at once. */
    public void shutdown() {
        loop.requestShutdown();
    }

    /** Waits until the loop has stopped; true when it did within the time. */
    public boolean awaitStopped(long timeout, TimeUnit unit) throws InterruptedException {
        loopThread.join(Math.max(1, unit.toMillis(timeout)));
        return !loopThread.isAlive();
    }

    /** Shuts down and waits for the loop (at most the drain time plus a margin). */
    @Override
    public void close() throws InterruptedException {
        shutdown();
        awaitStopped(Closer.DRAIN_MILLIS + 3_000, TimeUnit.MILLISECONDS);
    }
}
