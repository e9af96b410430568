package chat.server;

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

/**
 * The one thread that owns the selector and every piece of chat state. Each turn: handle ready
 * keys, run work handed in by other threads, let waiting lines through, fire due timers, finish
 * closes, write pending output, then sleep in select() until the next deadline. No locks: other
 * threads only add to {@link #tasks} and call {@code wakeup()}.
 */
final class EventLoop implements ConnectionHost, Runnable {
    private static final System.Logger LOG = System.getLogger(EventLoop.class.getName());
    /** Shared by all connections: each read fills it, the decoder takes what it needs, and it is reused. */
    private static final int READ_BUFFER_BYTES = 16 * 1024;

    private final Selector selector;
    private final ServerSocketChannel listener;
    private final InetSocketAddress boundAddress;
    private final ChatState state;
    private final LineRouter router;
    private final LineIntake intake;
    private final Timers timers;
    private final ConsoleCommands console;
    private final Pipe.SourceChannel consoleSource;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final ByteBuffer readBuffer = ByteBuffer.allocate(READ_BUFFER_BYTES);
    private final List<Connection> toFlush = new ArrayList<>();
    private final List<Connection> toClose = new ArrayList<>();
    private final Closer closer;
    private final Acceptor acceptor;
    private final AcceptGuard acceptGuard;
    private volatile boolean running = true;

    EventLoop(ServerConfig config, Pipe.SourceChannel consoleSource, ConsoleOutput consoleOutput) throws IOException {
        this.state = new ChatState(config);
        this.selector = Selector.open();
        this.listener = ServerSocketChannel.open();
        SelectionKey listenerKey;
        try {
            listener.bind(new InetSocketAddress(config.bindAddress(), config.port()), 1024);
            listener.configureBlocking(false);
            listenerKey = listener.register(selector, SelectionKey.OP_ACCEPT);
        } catch (IOException | RuntimeException e) {
            listener.close();
            selector.close();
            throw e;
        }
        this.boundAddress = (InetSocketAddress) listener.getLocalAddress();
        this.acceptGuard = new AcceptGuard(listenerKey, Acceptor.SERVER_FULL);
        // The first record sets up the logging handlers, which open files (logging.properties, time
        // zone data); done now, not in the middle of running out of file descriptors, where that
        // failed with an Error that ended the loop thread.
        LOG.log(Level.INFO, "listening on " + boundAddress.getAddress().getHostAddress() + ":" + boundAddress.getPort());
        CommandDispatcher dispatcher = Commands.table(state);
        this.router = new LineRouter(state, dispatcher);
        this.intake = new LineIntake(state, router);
        this.closer = new Closer(state);
        this.timers = new Timers(state);
        this.console = new ConsoleCommands(state, consoleOutput, this::beginShutdown);
        this.consoleSource = consoleSource;
        this.acceptor = new Acceptor(selector, listener, state, closer, this, acceptGuard);
        if (consoleSource != null) {
            consoleSource.configureBlocking(false);
            consoleSource.register(selector, SelectionKey.OP_READ, console);
        }
    }

    InetSocketAddress boundAddress() {
        return boundAddress;
    }

    /** From any thread: run {@code task} on the loop thread soon. */
    void execute(Runnable task) {
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
            closer.closeAll();
            closeQuietly();
        }
    }

    private void turn() throws IOException {
        state.nowMillis = Timers.monotonicMillis();
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
        intake.processBacklogs();
        timers.fireDue();
        acceptGuard.resumeIfDue(state.nowMillis);
        finishTurn();
        if (closer.shutdownComplete()) {
            running = false;
            return;
        }
        long timeout = Math.min(Math.min(timers.nextDeadline(), intake.nextDeadline()),
                Math.min(closer.nextDeadline(), acceptGuard.nextDeadline()));
        long wait = timeout - Timers.monotonicMillis();
        if (wait <= 0 || !tasks.isEmpty() || !toClose.isEmpty()) {
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
        if (attachment instanceof Connection connection) {
            handleConnection(key, connection);
        } else if (attachment == console) {
            try {
                console.readFrom(consoleSource, key);
            } catch (RuntimeException unexpected) {
                LOG.log(Level.WARNING, "a console command failed", unexpected);
            }
        } else if (key.isAcceptable()) {
            acceptor.acceptSome();
        }
    }

    private void handleConnection(SelectionKey key, Connection connection) {
        try {
            if (key.isValid() && key.isWritable()) {
                closer.writeSome(connection);
            }
            if (key.isValid() && key.isReadable() && !connection.isClosing()) {
                readBuffer.clear();
                intake.read(connection, readBuffer);
            }
            intake.updateInterest(connection);
        } catch (RuntimeException unexpected) {
            LOG.log(Level.WARNING, "connection " + connection + " failed; closing it", unexpected);
            connection.requestClose("Internal error");
        }
    }

    /** Closes what was asked to close this turn, then writes everything queued before the loop sleeps. */
    private void finishTurn() {
        while (!toClose.isEmpty()) {
            List<Connection> batch = new ArrayList<>(toClose);
            toClose.clear();
            for (Connection connection : batch) {
                closer.leaveChat(connection);
            }
        }
        // By index: a failed write may request a close, which may add to this list while it runs.
        for (int i = 0; i < toFlush.size(); i++) {
            Connection connection = toFlush.get(i);
            connection.flushScheduled = false;
            if (!connection.isClosed()) {
                closer.writeSome(connection);
                intake.updateInterest(connection);
            }
        }
        toFlush.clear();
        closer.closeDrained();
    }

    /** From the loop thread: stop accepting, tell everyone, give output up to the drain time to leave. */
    private void beginShutdown() {
        if (closer.shuttingDown()) {
            return;
        }
        LOG.log(Level.INFO, "shutting down: " + state.connections.size() + " connections");
        try {
            listener.close();
        } catch (IOException ignored) {
            // Not accepting any more is all that matters.
        }
        closer.beginShutdown();
    }

    /** From any thread. */
    void requestShutdown() {
        execute(this::beginShutdown);
    }

    @Override
    public void flushSoon(Connection connection) {
        if (!connection.flushScheduled) {
            connection.flushScheduled = true;
            toFlush.add(connection);
        }
    }

    @Override
    public void closeSoon(Connection connection) {
        toClose.add(connection);
    }

    private void closeQuietly() {
        acceptGuard.close();
        try {
            listener.close();
            selector.close();
        } catch (IOException ignored) {
            // Shutting down either way.
        }
    }
}
