package chat.server;

import chat.server.account.Identity;
import chat.server.cluster.ClusterConfig;
import chat.server.cluster.ClusterHistory;
import chat.server.cluster.ClusterNetwork;
import chat.server.cluster.ClusterUnavailableException;
import chat.server.cluster.ClusterAccounts;
import chat.server.account.Operators;
import chat.server.command.ClientSession;
import chat.server.command.CommandDispatcher;
import chat.server.command.CommandTable;
import chat.server.console.ConsoleCommands;
import chat.server.console.ConsoleOutput;
import chat.server.console.TlsConsole;
import chat.server.console.OperatorConsole;
import chat.server.history.History;
import chat.server.history.HistoryStore;
import chat.server.history.HistoryUnavailableException;
import chat.server.model.ServerState;
import chat.server.net.AddressBlocks;
import chat.server.net.Clock;
import chat.server.net.EventLoop;
import chat.server.net.LinkPipeline;
import chat.server.net.LinkPolicy;
import chat.server.net.LinkTable;
import chat.server.net.LoopClock;
import chat.server.net.TlsTransports;
import chat.server.plain.PlainTextSession;
import chat.server.tls.ServerCertificates;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.channels.Pipe;
import java.nio.channels.ServerSocketChannel;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A running server, and the one place where its parts are put together: the network layer
 * ({@link LinkPipeline} under an {@link EventLoop}), the chat state, the command table, the
 * sessions that join them, and the operator console. The listening socket is bound when
 * {@link #start} returns (port 0 picks a free port; {@link #port()} says which), the loop runs on
 * its own thread, and {@link #shutdown()} asks for the graceful shutdown that console 88, SIGINT
 * and SIGTERM also trigger.
 */
public final class ChatServer implements AutoCloseable {
    /** How long a graceful stop may take for output to drain. */
    public static final long DRAIN_MILLIS = LinkPipeline.drainMillis();
    private static final long MAX_SWEEP_INTERVAL_MILLIS = 1_000;
    private static final long MIN_SWEEP_INTERVAL_MILLIS = 5;

    private static final System.Logger LOG = System.getLogger(ChatServer.class.getName());

    private final EventLoop loop;
    private final Thread loopThread;
    private final ServerState state;
    private final ServerConfig config;
    /** Null without a TLS port. */
    private final TlsPort tls;

    /** The TLS side, when there is one: its certificate (reloadable) and its handshake counts. */
    private record TlsPort(ServerCertificates certificates, TlsTransports transports) implements TlsConsole {
        @Override
        public String stats() {
            return transports.stats() + "; certificate " + certificates.fingerprint();
        }
    }

    private ChatServer(EventLoop loop, HistoryStore history, Identity identity, ServerState state, ServerConfig config,
            TlsPort tls, ClusterNetwork cluster) {
        this.loop = loop;
        this.state = state;
        this.config = config;
        this.tls = tls;
        // History and accounts are closed by the loop's own thread when the loop ends: everything
        // the loop accepted is queued by then, and their writers commit it before the thread ends.
        // So is the cluster's bus, after the users' QUITs it was given.
        this.loopThread = new Thread(() -> {
            try {
                loop.run();
            } finally {
                if (cluster != null) {
                    cluster.stop();
                }
                history.close();
                identity.close();
            }
        }, "chat-event-loop");
    }

    /**
     * Binds and starts. {@code console} (may be null) is read as the operator console;
     * {@code consoleOut} receives the console's answers.
     *
     * @throws IOException when the address cannot be bound (for example the port is in use)
     */
    public static ChatServer start(ServerConfig config, InputStream console, PrintStream consoleOut)
            throws IOException {
        return start(config, Clock.system(), console, consoleOut);
    }

    /**
     * As {@link #start(ServerConfig, InputStream, PrintStream)}, on the given clock.
     *
     * @throws HistoryUnavailableException when history is on and its database cannot be used
     */
    public static ChatServer start(ServerConfig config, Clock clock, InputStream console, PrintStream consoleOut)
            throws IOException {
        try {
            return start(config, null, clock, console, consoleOut);
        } catch (ClusterUnavailableException e) {
            throw new IllegalStateException("no cluster was asked for", e);
        }
    }

    /**
     * As {@link #start(ServerConfig, Clock, InputStream, PrintStream)}, as a node of the cluster
     * {@code cluster} describes (null: one server on its own).
     *
     * @throws ClusterUnavailableException when the cluster's Redis cannot be reached or the node's name is in use
     */
    public static ChatServer start(ServerConfig config, ClusterConfig cluster, Clock clock, InputStream console,
            PrintStream consoleOut) throws IOException, ClusterUnavailableException {
        // History answers through the loop's task queue, and the loop exists only after the
        // assembly it serves: tasks go through this until it does.
        LoopTasks loopTasks = new LoopTasks();
        // In a cluster history lives in Redis, where every node reads the same; else in SQLite here.
        ClusterHistory clusterHistory = cluster != null && config.history().enabled()
                ? ClusterHistory.open(config.history(), cluster, clock::epochMillis, loopTasks) : null;
        HistoryStore history = clusterHistory != null ? clusterHistory
                : config.history().enabled()
                ? History.open(config.history(), clock::epochMillis, loopTasks, loopTasks::resumeReading)
                : History.disabled();
        Identity identity;
        try {
            // A cluster node's accounts are the cluster's: in its Redis, the same on every node.
            identity = cluster == null ? Identity.open(config.accounts(), loopTasks)
                    : ClusterAccounts.open(config.accounts(), cluster, loopTasks);
        } catch (IOException | ClusterUnavailableException | RuntimeException e) {
            history.close();
            throw e;
        }
        Assembly chat;
        EventLoop loop;
        TlsPort tls = null;
        ServerSocketChannel tlsListener = null;
        try {
            if (config.tls().enabled()) {
                // Before the loop exists: a certificate made on first start costs a key generation.
                ServerCertificates certificates = ServerCertificates.open(config.tls(), config.serverName());
                tlsListener = EventLoop.bind(new InetSocketAddress(config.bindAddress(), config.tls().port()));
                // The port actually bound (port 0 picks one): sts and --tls-only tell clients this one.
                config = config.toBuilder().tls(config.tls().withPort(
                        ((InetSocketAddress) tlsListener.getLocalAddress()).getPort())).build();
                tls = new TlsPort(certificates, new TlsTransports(certificates::context));
            }
            chat = assemble(config, clock, history, identity);
            loop = new EventLoop(new InetSocketAddress(config.bindAddress(), config.port()), chat.pipeline());
        } catch (IOException | RuntimeException e) {
            closeQuietly(tlsListener);
            history.close();
            identity.close();
            throw e;
        }
        if (tls != null) {
            try {
                loop.acceptTls(tlsListener, tls.transports());
            } catch (IOException | RuntimeException e) {
                loop.closeUnstarted();
                history.close();
                identity.close();
                throw e;
            }
        }
        loopTasks.bind(loop, chat.pipeline());
        ClusterNetwork network = null;
        if (cluster != null) {
            network = new ClusterNetwork(chat.state(), cluster.nodeName());
            chat.pipeline().afterEachTurn(network::endTurn);
            network.keepHistory(clusterHistory);
            chat.state().useNetwork(network);
            try {
                network.start(cluster, loopTasks);
            } catch (ClusterUnavailableException | RuntimeException e) {
                loop.closeUnstarted();
                history.close();
                identity.close();
                throw e;
            }
        }
        Pipe pipe = null;
        ConsoleCommands commands = null;
        if (console != null) {
            try {
                pipe = Pipe.open();
                commands = new ConsoleCommands(chat.state(), new ConsoleOutput(consoleOut),
                        loop::beginShutdown);
                commands.useTls(tls);
                loop.watchConsole(pipe.source(), commands::accept);
            } catch (IOException | RuntimeException e) {
                loop.closeUnstarted();
                if (network != null) {
                    network.stop();
                }
                history.close();
                identity.close();
                throw e;
            }
        }
        ChatServer server = new ChatServer(loop, history, identity, chat.state(), config, tls, network);
        if (commands != null) {
            commands.useReload(server::reload);
        }
        server.loopThread.start();
        if (pipe != null) {
            OperatorConsole.start(console, pipe.sink());
        }
        return server;
    }

    /**
     * Reads the --opers file again (SIGHUP), on the calling thread, and hands the result to the
     * loop: later OPERs check the new file, operators online stay. A file that cannot be read or
     * has a bad line changes nothing. Returns what happened, in words.
     */
    public String reloadOperators() {
        java.nio.file.Path file = state.config().operators().source();
        if (file == null) {
            return "no --opers file to reload";
        }
        try {
            Operators reloaded = Operators.load(file);
            loop.execute(() -> state.operators(reloaded));
            String words = "reloaded " + file + ": " + reloaded.count() + " operator(s)";
            LOG.log(System.Logger.Level.INFO, words);
            return words;
        } catch (IOException | IllegalArgumentException e) {
            String words = "operators not reloaded, the old ones stay: " + e.getMessage();
            LOG.log(System.Logger.Level.WARNING, words);
            return words;
        }
    }

    /** The loop's task queue for history answers and password checks, usable before the loop is made. */
    private static final class LoopTasks implements Executor {
        private volatile EventLoop loop;
        private volatile LinkPipeline pipeline;

        void bind(EventLoop eventLoop, LinkPipeline linkPipeline) {
            pipeline = linkPipeline;
            loop = eventLoop;
        }

        @Override
        public void execute(Runnable task) {
            EventLoop target = loop;
            if (target != null) {
                target.execute(task);
            }
        }

        /** The history writer caught up: read clients again (on the loop thread). */
        void resumeReading() {
            LinkPipeline target = pipeline;
            if (target != null) {
                execute(target::resumeReading);
            }
        }
    }

    private static void closeQuietly(ServerSocketChannel listener) {
        if (listener != null) {
            try {
                listener.close();
            } catch (IOException ignored) {
                // It never accepted anything.
            }
        }
    }

    /** The chat without a selector: its state and the link pipeline whose sessions act on it. */
    public record Assembly(ServerState state, LinkPipeline pipeline) {
    }

    /**
     * State, command table and sessions over a link pipeline. The in-memory test harness uses
     * exactly this, driving the pipeline with fake transports and a fake clock.
     */
    public static Assembly assemble(ServerConfig config, Clock clock) {
        return assemble(config, clock, History.disabled());
    }

    /** As {@link #assemble(ServerConfig, Clock)}, keeping history in {@code history}; accounts in memory, hashed inline. */
    public static Assembly assemble(ServerConfig config, Clock clock, HistoryStore history) {
        return assemble(config, clock, history, Identity.inMemory(config.accounts()));
    }

    /** As {@link #assemble(ServerConfig, Clock, HistoryStore)}, with these accounts. */
    public static Assembly assemble(ServerConfig config, Clock clock, HistoryStore history, Identity identity) {
        LoopClock loopClock = new LoopClock(clock);
        LinkTable links = new LinkTable();
        ServerState state = new ServerState(config, loopClock, links, history, identity);
        CommandDispatcher dispatcher = CommandTable.dispatcher(state);
        // Made once, not per link: a lambda that captures state is an object of its own.
        Function<ClientSession, ClientSession.PlainText> plainText = session -> PlainTextSession.open(state, session);
        LinkPipeline pipeline = new LinkPipeline(policy(config), loopClock, links,
                link -> ClientSession.open(state, dispatcher, link, plainText));
        pipeline.holdInputWhile(history::behind); // the writer behind: clients wait, no line is dropped
        pipeline.afterEachTurn(history::endTurn);
        return new Assembly(state, pipeline);
    }

    /** The network layer's limits; the sweep runs a few times per the shortest timeout, at most once a second. */
    static LinkPolicy policy(ServerConfig config) {
        long shortest = Math.min(config.registrationTimeoutMillis(),
                Math.min(config.pingIntervalMillis(), config.pingTimeoutMillis()));
        long sweep = Math.max(MIN_SWEEP_INTERVAL_MILLIS, Math.min(MAX_SWEEP_INTERVAL_MILLIS, shortest / 4));
        if (config.tls().enabled()) {
            shortest = Math.min(shortest, config.tls().handshakeTimeoutMillis());
        }
        return new LinkPolicy(config.maxClients(), config.sendQueueSoftBytes(), config.sendQueueHardBytes(),
                config.sendQueueSoftMillis(), config.sendQueueTotalBytes(),
                config.floodLinesPerSecond(), config.floodBurstLines(), config.floodMaxDelayedLines(), sweep,
                config.maxPerIp(), config.connectsPerMinute(), AddressBlocks.parse(config.exempt()),
                config.tls().handshakeTimeoutMillis());
    }

    public InetSocketAddress address() {
        return loop.boundAddress();
    }

    public int port() {
        return loop.boundAddress().getPort();
    }

    /** The configuration in force: as given, with the TLS port actually bound. */
    public ServerConfig config() {
        return config;
    }

    /** The TLS port, or -1 without TLS. */
    public int tlsPort() {
        return tls == null ? -1 : config.tls().port();
    }

    /** {@code SHA256:AB:CD:...} of the server's TLS certificate; null without TLS. */
    public String tlsFingerprint() {
        return tls == null ? null : tls.certificates().fingerprint();
    }

    /** The TLS certificate in force (tests); null without TLS. */
    public ServerCertificates tlsCertificates() {
        return tls == null ? null : tls.certificates();
    }

    /**
     * Reads the TLS certificate files again on the calling thread (SIGHUP's), never the loop's;
     * returns the line for the operator. New handshakes see the new certificate, nobody is dropped.
     */
    public String reloadTls() {
        return tls == null ? "no TLS port: nothing to reload" : tls.certificates().reload();
    }

    /** SIGHUP and /reload: the --opers file (if any) and the TLS certificate (if any), read again; what happened, in words. */
    public java.util.List<String> reload() {
        java.util.List<String> done = new java.util.ArrayList<>();
        if (state.config().operators().source() != null) {
            done.add(reloadOperators());
        }
        if (tls != null) {
            done.add(reloadTls());
        }
        if (done.isEmpty()) {
            done.add("nothing to reload: no --opers file and no TLS port");
        }
        return done;
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
        awaitStopped(DRAIN_MILLIS + 3_000, TimeUnit.MILLISECONDS);
    }
}
