package chat.server.net;

import chat.protocol.DecodedLine;
import chat.protocol.LineDecoder;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.Pipe;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The one thread that owns the selector and, through the {@link LinkPipeline} and the sessions,
 * every piece of chat state. Each turn: handle ready keys, run work handed in by other threads,
 * then the pipeline's end of turn (waiting lines, timers, closes, pending writes), then sleep in
 * select() until the next deadline. No locks: other threads only add to {@link #tasks} and call
 * {@code wakeup()}.
 */
public final class EventLoop implements Runnable {
    private static final System.Logger LOG = System.getLogger(EventLoop.class.getName());
    private static final int CONSOLE_LINE_BYTES = 4096;

    private final Selector selector;
    private final InetSocketAddress boundAddress;
    private final LinkPipeline pipeline;
    /** The plain port's, then the TLS port's if there is one. */
    private final List<Acceptor> acceptors = new ArrayList<>();
    /** The TLS port's, if there is one: its handshake threads end with the loop. */
    private TlsTransports tls;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private Pipe.SourceChannel consoleSource;
    private Consumer<DecodedLine> consoleLines;
    private final LineDecoder consoleDecoder = new LineDecoder(CONSOLE_LINE_BYTES);
    private final ByteBuffer consoleBuffer = ByteBuffer.allocate(CONSOLE_LINE_BYTES);
    private volatile boolean running = true;

    /** Binds the listening socket now, so a port in use fails here and not on the loop thread. */
    public EventLoop(InetSocketAddress bindTo, LinkPipeline pipeline) throws IOException {
        this.pipeline = pipeline;
        this.selector = Selector.open();
        ServerSocketChannel listener;
        try {
            listener = bind(bindTo);
            accept(listener, UnaryOperator.identity());
        } catch (IOException | RuntimeException e) {
            selector.close();
            throw e;
        }
        this.boundAddress = (InetSocketAddress) listener.getLocalAddress();
        // The first record sets up the logging handlers, which open files (logging.properties, time
        // zone data); done now, not in the middle of running out of file descriptors, where that
        // failed with an Error that ended the loop thread.
        LOG.log(Level.INFO, "listening on " + describe(boundAddress));
    }

    /** A listening socket, bound now so that a port in use fails where it can be told. */
    public static ServerSocketChannel bind(InetSocketAddress address) throws IOException {
        ServerSocketChannel listener = ServerSocketChannel.open();
        try {
            listener.bind(address, 1024);
            listener.configureBlocking(false);
        } catch (IOException | RuntimeException e) {
            listener.close();
            throw e;
        }
        return listener;
    }

    /**
     * Accepts TLS connections on {@code listener} (bound with {@link #bind}) on this same loop,
     * before the loop runs. Its links go through the same pipeline as the plain port's.
     */
    public void acceptTls(ServerSocketChannel listener, TlsTransports tls) throws IOException {
        accept(listener, tls::wrap);
        this.tls = tls;
        tls.startHandshakeWork(this::execute);
        LOG.log(Level.INFO, "listening for TLS on " + describe((InetSocketAddress) listener.getLocalAddress()));
    }

    private void accept(ServerSocketChannel listener, UnaryOperator<Transport> wrap) throws IOException {
        SelectionKey key;
        try {
            key = listener.register(selector, SelectionKey.OP_ACCEPT);
        } catch (IOException | RuntimeException e) {
            listener.close();
            throw e;
        }
        Acceptor acceptor = new Acceptor(selector, listener, pipeline, new AcceptGuard(key, Acceptor.SERVER_FULL), wrap);
        key.attach(acceptor);
        acceptors.add(acceptor);
    }

    private static String describe(InetSocketAddress address) {
        return address.getAddress().getHostAddress() + ":" + address.getPort();
    }

    /**
     * The operator console: another thread writes stdin into {@code source}'s pipe, and each line
     * that arrives is handed to {@code lines} on the loop thread (the socket+stdin select pattern).
     */
    public void watchConsole(Pipe.SourceChannel source, Consumer<DecodedLine> lines) throws IOException {
        this.consoleSource = source;
        this.consoleLines = lines;
        source.configureBlocking(false);
        source.register(selector, SelectionKey.OP_READ, consoleDecoder);
    }

    public InetSocketAddress boundAddress() {
        return boundAddress;
    }

    /** From any thread: run {@code task} on the loop thread soon. */
    public void execute(Runnable task) {
        tasks.add(task);
        selector.wakeup();
    }

    @Override
    public void run() {
        try {
            while (running) {
                try {
                    turn();
                } catch (RuntimeException unexpected) {
                    // A bug in one phase must not stop the chat for everyone; the next turn goes on.
                    LOG.log(Level.WARNING, "unexpected failure in the event loop", unexpected);
                }
            }
        } catch (IOException | ClosedSelectorException e) {
            LOG.log(Level.ERROR, "selector failed; the server stops", e);
        } finally {
            pipeline.closeAll();
            closeQuietly();
        }
    }

    private void turn() throws IOException {
        long now = pipeline.clock().tick();
        for (SelectionKey key : selector.selectedKeys()) {
            handleKey(key);
        }
        selector.selectedKeys().clear();
        Runnable task;
        while ((task = tasks.poll()) != null) {
            try {
                task.run();
            } catch (RuntimeException unexpected) {
                LOG.log(Level.WARNING, "a task handed to the loop failed", unexpected);
            }
        }
        long acceptDeadline = Long.MAX_VALUE;
        for (Acceptor acceptor : acceptors) {
            acceptor.guard().resumeIfDue(now);
            acceptDeadline = Math.min(acceptDeadline, acceptor.guard().nextDeadline());
        }
        pipeline.endTurn();
        if (pipeline.shutdownComplete()) {
            running = false;
            return;
        }
        long timeout = Math.min(pipeline.nextDeadline(), acceptDeadline);
        long wait = timeout - pipeline.clock().fresh();
        if (wait <= 0 || !tasks.isEmpty()) {
            selector.selectNow();
        } else {
            selector.select(wait);
        }
    }

    private void handleKey(SelectionKey key) {
        if (!key.isValid()) {
            return;
        }
        Object attachment = key.attachment();
        if (attachment instanceof Link link) {
            pipeline.ready(link, key.isWritable(), key.isValid() && key.isReadable());
        } else if (attachment == consoleDecoder) {
            readConsole(key);
        } else if (attachment instanceof Acceptor acceptor && key.isAcceptable()) {
            acceptor.acceptSome();
        }
    }

    private void readConsole(SelectionKey key) {
        consoleBuffer.clear();
        int count;
        try {
            count = consoleSource.read(consoleBuffer);
        } catch (IOException e) {
            count = -1;
        }
        if (count < 0) {
            key.cancel(); // stdin is closed: no console, the server runs on
            return;
        }
        consoleBuffer.flip();
        DecodedLine line;
        while ((line = consoleDecoder.next(consoleBuffer)) != null) {
            try {
                consoleLines.accept(line);
            } catch (RuntimeException unexpected) {
                LOG.log(Level.WARNING, "a console command failed", unexpected);
            }
        }
    }

    /** From the loop thread: stop accepting, tell everyone, give output up to the drain time to leave. */
    public void beginShutdown() {
        if (pipeline.shuttingDown()) {
            return;
        }
        LOG.log(Level.INFO, "shutting down: " + pipeline.links().size() + " connections");
        closeListeners();
        pipeline.beginShutdown();
    }

    /** From any thread. */
    public void requestShutdown() {
        execute(this::beginShutdown);
    }

    /** Releases the listener and selector of a loop that never ran (its start failed half-way). */
    public void closeUnstarted() {
        closeQuietly();
    }

    private void closeQuietly() {
        for (Acceptor acceptor : acceptors) {
            acceptor.guard().close();
        }
        closeListeners();
        if (tls != null) {
            tls.close();
        }
        try {
            selector.close();
        } catch (IOException ignored) {
            // Shutting down either way.
        }
    }

    private void closeListeners() {
        for (Acceptor acceptor : acceptors) {
            try {
                acceptor.listener().close();
            } catch (IOException ignored) {
                // Not accepting any more is all that matters.
            }
        }
    }
}
