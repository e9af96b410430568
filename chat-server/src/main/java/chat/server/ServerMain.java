package chat.server;

import chat.server.cluster.ClusterConfig;
import chat.server.cluster.ClusterUnavailableException;
import chat.server.command.ServerInfo;
import chat.server.net.Clock;
import chat.server.console.ConsoleCommands;
import chat.server.account.AccountConfig;
import chat.server.account.AccountsUnavailableException;
import chat.server.account.Operators;
import chat.server.history.HistoryConfig;
import chat.server.history.HistoryUnavailableException;
import chat.server.tls.CertificateUnusableException;
import chat.server.tls.SignatureSchemes;
import chat.server.tls.TlsConfig;
import java.io.IOException;
import java.net.BindException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./chat server}: parses options (each with an environment-variable default), starts the
 * server, prints where it listens, and runs until the console says 88 or /shutdown, or SIGINT or
 * SIGTERM arrive. Exit codes: 0 after a graceful shutdown, 2 for a bad option or an address
 * that cannot be bound, 1 for anything unexpected.
 */
@Command(name = "chat server", mixinStandardHelpOptions = true, versionProvider = ServerMain.Version.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = "The chat server: IRC clients, the chat client and plain-text (nc) users in shared rooms.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:stopped gracefully", "1:unexpected failure, or the history database cannot be used",
            "2:bad option, or the port is in use"})
public final class ServerMain implements Callable<Integer> {
    static final int EXIT_USAGE = 2;
    static final int EXIT_FAILURE = 1;

    @Option(names = "--bind", defaultValue = "${env:CHAT_BIND:-" + ServerConfig.DEFAULT_BIND + "}", paramLabel = "ADDRESS",
            description = "Address to listen on; 0.0.0.0 opens it to other machines (env CHAT_BIND, default ${DEFAULT-VALUE}).")
    String bind;
    @Option(names = {"-p", "--port"}, defaultValue = "${env:CHAT_PORT:-" + ServerConfig.DEFAULT_PORT + "}", paramLabel = "PORT",
            description = "TCP port (env CHAT_PORT, default ${DEFAULT-VALUE}).")
    int port;
    @Option(names = "--room", defaultValue = "${env:CHAT_ROOM:-" + ServerConfig.DEFAULT_ROOM + "}", paramLabel = "ROOM",
            description = "Room plain-text users start in (env CHAT_ROOM, default ${DEFAULT-VALUE}).")
    String room;
    @Option(names = "--server-name", defaultValue = "${env:CHAT_SERVER_NAME}", paramLabel = "NAME",
            description = "Name in every server reply (env CHAT_SERVER_NAME, default the host name).")
    String serverName;
    @Option(names = "--password", defaultValue = "${env:CHAT_PASSWORD}", paramLabel = "PASSWORD",
            description = "Require IRC clients to send PASS with this password (env CHAT_PASSWORD; default none).")
    String password;
    @Option(names = "--max-clients", defaultValue = "${env:CHAT_MAX_CLIENTS:-" + ServerConfig.DEFAULT_MAX_CLIENTS + "}", paramLabel = "N",
            description = "Connections beyond this get 'ERROR :Server full' (default ${DEFAULT-VALUE}).")
    int maxClients;
    @Option(names = "--max-per-ip", defaultValue = "${env:CHAT_MAX_PER_IP:-" + ServerConfig.DEFAULT_MAX_PER_IP + "}",
            paramLabel = "N", description = "Connections one address (an IPv6 /64) may hold; 0 = no limit (default ${DEFAULT-VALUE}).")
    int maxPerIp;
    @Option(names = "--connects-per-minute", paramLabel = "N",
            defaultValue = "${env:CHAT_CONNECTS_PER_MINUTE:-" + ServerConfig.DEFAULT_CONNECTS_PER_MINUTE + "}",
            description = "New connections one address may open per minute; 0 = no limit (default ${DEFAULT-VALUE}).")
    int connectsPerMinute;
    @Option(names = "--exempt", defaultValue = "${env:CHAT_EXEMPT}", paramLabel = "CIDR,...",
            description = "Address blocks the two per-address limits do not apply to, e.g. 10.0.0.0/8,::1 (default none).")
    String exempt;
    @Option(names = "--sendq-soft", defaultValue = "${env:CHAT_SENDQ_SOFT:-" + ServerConfig.DEFAULT_SENDQ_SOFT + "}", paramLabel = "BYTES",
            converter = ByteSizeConverter.class,
            description = "Queued output past which we stop reading that client (default ${DEFAULT-VALUE}).")
    int sendQueueSoftBytes;
    @Option(names = "--sendq-hard", defaultValue = "${env:CHAT_SENDQ_HARD:-" + ServerConfig.DEFAULT_SENDQ_HARD + "}", paramLabel = "BYTES",
            converter = ByteSizeConverter.class,
            description = "Queued output past which the client is dropped with 'SendQ exceeded' (default ${DEFAULT-VALUE}).")
    int sendQueueHardBytes;
    @Option(names = "--sendq-soft-time", defaultValue = "${env:CHAT_SENDQ_SOFT_TIME:-" + ServerConfig.DEFAULT_SENDQ_SOFT_TIME + "}",
            paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Time a client's queued output may stay past the soft limit before it is dropped (default ${DEFAULT-VALUE}).")
    long sendQueueSoftMillis;
    @Option(names = "--sendq-total", defaultValue = "${env:CHAT_SENDQ_TOTAL:-" + ServerConfig.DEFAULT_SENDQ_TOTAL + "}",
            paramLabel = "BYTES", converter = OutputBudgetConverter.class,
            description = "Queued output of all clients together past which the largest queues are dropped; "
                    + "a size or a share of the maximum heap (default ${DEFAULT-VALUE}).")
    long sendQueueTotalBytes;
    @Option(names = "--flood-rate", defaultValue = "${env:CHAT_FLOOD_RATE:-" + ServerConfig.DEFAULT_FLOOD_RATE + "}", paramLabel = "LINES_PER_S",
            description = "Lines per second a client may send after its burst; 0 turns flood control off (default ${DEFAULT-VALUE}).")
    double floodRate;
    @Option(names = "--flood-burst", defaultValue = "${env:CHAT_FLOOD_BURST:-" + ServerConfig.DEFAULT_FLOOD_BURST + "}", paramLabel = "LINES",
            description = "Lines a client may send at once before lines are delayed (default ${DEFAULT-VALUE}).")
    int floodBurst;
    @Option(names = "--flood-max-delayed", defaultValue = "${env:CHAT_FLOOD_MAX_DELAYED:-" + ServerConfig.DEFAULT_FLOOD_MAX_DELAYED + "}", paramLabel = "LINES",
            description = "Delayed lines after which the client is dropped with 'Excess Flood' (default ${DEFAULT-VALUE}).")
    int floodMaxDelayed;
    @Option(names = "--registration-timeout", defaultValue = "${env:CHAT_REGISTRATION_TIMEOUT:-" + ServerConfig.DEFAULT_REGISTRATION_TIMEOUT + "}",
            paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Time to choose a nick before being dropped (default ${DEFAULT-VALUE}; 500ms, 30s, 2m).")
    long registrationTimeoutMillis;
    @Option(names = "--ping-interval", defaultValue = "${env:CHAT_PING_INTERVAL:-" + ServerConfig.DEFAULT_PING_INTERVAL + "}", paramLabel = "DURATION",
            converter = DurationConverter.class,
            description = "Silence after which an IRC client is sent PING (default ${DEFAULT-VALUE}).")
    long pingIntervalMillis;
    @Option(names = "--ping-timeout", defaultValue = "${env:CHAT_PING_TIMEOUT:-" + ServerConfig.DEFAULT_PING_TIMEOUT + "}", paramLabel = "DURATION",
            converter = DurationConverter.class,
            description = "Time to answer that PING before being dropped (default ${DEFAULT-VALUE}).")
    long pingTimeoutMillis;
    @Option(names = "--motd-file", defaultValue = "${env:CHAT_MOTD_FILE}", paramLabel = "FILE",
            description = "Message of the day, one line per line (default none: clients get 422).")
    Path motdFile;
    @Option(names = "--data-dir", defaultValue = "${env:CHAT_DATA_DIR:-" + HistoryConfig.DEFAULT_DATA_DIR + "}",
            paramLabel = "DIR", description = "Where history is kept (history.db, SQLite; with --cluster history is in Redis); made on first start "
                    + "(env CHAT_DATA_DIR, default ${DEFAULT-VALUE} in the directory the server starts in).")
    Path dataDir;
    @Option(names = "--no-history", defaultValue = "${env:CHAT_NO_HISTORY:-false}",
            description = "Keep nothing on disk: no history, no remembered topics (env CHAT_NO_HISTORY=true).")
    boolean noHistory;
    @Option(names = "--history-max-age", defaultValue = "${env:CHAT_HISTORY_MAX_AGE:-" + HistoryConfig.DEFAULT_MAX_AGE + "}",
            paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Messages older than this are deleted (default ${DEFAULT-VALUE}).")
    long historyMaxAgeMillis;
    @Option(names = "--history-max-messages", paramLabel = "N",
            defaultValue = "${env:CHAT_HISTORY_MAX_MESSAGES:-" + HistoryConfig.DEFAULT_MAX_MESSAGES + "}",
            description = "Messages kept per room or private conversation; older ones are deleted (default ${DEFAULT-VALUE}).")
    int historyMaxMessages;
    @Option(names = "--join-replay", paramLabel = "N", defaultValue = "${env:CHAT_JOIN_REPLAY:-" + HistoryConfig.DEFAULT_JOIN_REPLAY + "}",
            description = "On JOIN, clients without CHATHISTORY (irssi, nc) get the room's last N messages of the "
                    + "last 24 hours; 0 = none (default ${DEFAULT-VALUE}).")
    int joinReplay;
    @Option(names = "--accounts", defaultValue = "${env:CHAT_ACCOUNTS:-open}", paramLabel = "open|closed",
            description = "open: anyone may register an account (REGISTER, /register); closed: only the operator, "
                    + "with /account add on the console (env CHAT_ACCOUNTS, default ${DEFAULT-VALUE}). "
                    + "Accounts are kept in accounts.db in --data-dir, with or without history.")
    Registration accounts;
    @Option(names = "--nick-protection", defaultValue = "${env:CHAT_NICK_PROTECTION:-strict}", paramLabel = "strict|off",
            description = "strict: an account's nick is refused to anyone not logged in to it; off: nicks are "
                    + "first come, first served (env CHAT_NICK_PROTECTION, default ${DEFAULT-VALUE}).")
    NickProtection nickProtection;
    @Option(names = "--opers", defaultValue = "${env:CHAT_OPERS}", paramLabel = "FILE",
            description = "Server operators who may use OPER: one 'name argon2id-hash' per line, # for comments "
                    + "(env CHAT_OPERS; default none). SIGHUP reads it again.")
    Path opersFile;
    @Option(names = "--hash-password",
            description = "Read a password (without echo on a terminal, else one line of stdin), print its Argon2id "
                    + "hash for the --opers file, and exit.")
    boolean hashPassword;

    @Option(names = "--cluster", defaultValue = "${env:CHAT_CLUSTER}", paramLabel = "redis://HOST:PORT",
            description = "Be one node of a cluster: several servers that form one chat network through this Redis "
                    + "(env CHAT_CLUSTER; see docs/SCALING.md). Without it, one server on its own.")
    String cluster;
    @Option(names = "--node-name", defaultValue = "${env:CHAT_NODE_NAME}", paramLabel = "NAME",
            description = "This node's name in the cluster, unique among its live nodes (env CHAT_NODE_NAME, "
                    + "default HOST:PORT of this server).")
    String nodeName;

    /** --accounts values. */
    enum Registration { open, closed }

    /** --nick-protection values. */
    enum NickProtection { strict, off }

    @Option(names = "--tls-port", defaultValue = "${env:CHAT_TLS_PORT}", paramLabel = "PORT",
            description = "Also listen for TLS on this port, usually " + TlsConfig.USUAL_PORT
                    + " (env CHAT_TLS_PORT; default: no TLS).")
    Integer tlsPort;
    @Option(names = "--tls-cert", defaultValue = "${env:CHAT_TLS_CERT}", paramLabel = "FILE",
            description = "Certificate chain (PEM) for the TLS port; default: a self-signed one made in the data "
                    + "directory on first start.")
    Path tlsCert;
    @Option(names = "--tls-key", defaultValue = "${env:CHAT_TLS_KEY}", paramLabel = "FILE",
            description = "Its private key (PEM: PKCS#8 or traditional RSA/EC, not encrypted).")
    Path tlsKey;
    @Option(names = "--tls-only", defaultValue = "${env:CHAT_TLS_ONLY:-false}",
            description = "Refuse IRC registration on the plain port, saying where TLS is; plain-text (nc) users "
                    + "only from this machine (env CHAT_TLS_ONLY=true).")
    boolean tlsOnly;
    @Option(names = "--tls-handshake-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            defaultValue = "${env:CHAT_TLS_HANDSHAKE_TIMEOUT:-" + TlsConfig.DEFAULT_HANDSHAKE_TIMEOUT + "}",
            description = "A TLS handshake not done by then drops the connection (default ${DEFAULT-VALUE}).")
    long tlsHandshakeTimeoutMillis;
    @Option(names = "--sts-duration", paramLabel = "DURATION", converter = DurationConverter.class,
            defaultValue = "${env:CHAT_STS_DURATION:-" + TlsConfig.DEFAULT_STS_DURATION + "}",
            description = "How long IRCv3 clients that saw the sts policy on the TLS port must come back over TLS; "
                    + "0 lifts a policy given before (default ${DEFAULT-VALUE}).")
    long stsDurationMillis;
    @Option(names = "--no-sts", defaultValue = "${env:CHAT_NO_STS:-false}",
            description = "Do not advertise the sts capability (env CHAT_NO_STS=true).")
    boolean noSts;

    public static void main(String[] args) {
        SignatureSchemes.chooseUnlessGiven(); // before any TLS class loads
        LogLineFormatter.installUnlessConfigured();
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new ServerMain());
        // One clear line instead of the whole usage text: the mistake is easier to spot.
        commandLine.setParameterExceptionHandler((problem, args) -> {
            problem.getCommandLine().getErr().println("chat-server: " + problem.getMessage()
                    + " (see ./chat server --help)");
            return EXIT_USAGE;
        });
        return commandLine;
    }

    @Override
    public Integer call() throws InterruptedException, IOException {
        if (hashPassword) {
            return HashPassword.run(HashPassword.terminal(), System.in, System.out, System.err);
        }
        ServerConfig config;
        try {
            config = config();
        } catch (IllegalArgumentException | IOException e) {
            System.err.println("chat-server: " + e.getMessage());
            return EXIT_USAGE;
        }
        ClusterConfig clusterConfig = null;
        if (cluster != null && !cluster.isBlank()) {
            try {
                clusterConfig = ClusterConfig.parse(cluster, nodeName != null ? nodeName
                        : HostName.local() + ":" + config.port());
            } catch (IllegalArgumentException e) {
                System.err.println("chat-server: --cluster: " + e.getMessage());
                return EXIT_USAGE;
            }
        }
        ChatServer server;
        try {
            server = ChatServer.start(config, clusterConfig, Clock.system(), System.in, System.out);
        } catch (ClusterUnavailableException e) {
            System.err.println("chat-server: cannot join the cluster: " + e.getMessage());
            return EXIT_FAILURE;
        } catch (HistoryUnavailableException | AccountsUnavailableException e) {
            System.err.println("chat-server: " + e.getMessage());
            return EXIT_FAILURE;
        } catch (BindException e) {
            System.err.println("chat-server: cannot listen on " + config.bindAddress() + ":" + config.port()
                    + (config.tls().enabled() ? " and " + config.tls().port() : "") + ": " + e.getMessage());
            return EXIT_USAGE;
        } catch (CertificateUnusableException e) {
            System.err.println("chat-server: " + e.getMessage());
            return EXIT_USAGE;
        } catch (IOException | RuntimeException e) {
            System.err.println("chat-server: cannot listen on " + config.bindAddress() + ":" + config.port() + ": " + e);
            return EXIT_USAGE;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.shutdown();
            try {
                server.awaitStopped(ChatServer.DRAIN_MILLIS + 1_000, TimeUnit.MILLISECONDS);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        }, "chat-shutdown-hook"));
        stopOnSignals(server);
        reloadOnHangup(server);
        printWelcome(server);
        if (clusterConfig != null) {
            System.out.println("cluster:  node " + clusterConfig.nodeName() + " through redis://" + clusterConfig.redisHost()
                    + ":" + clusterConfig.redisPort());
        }
        while (!server.awaitStopped(1, TimeUnit.DAYS)) {
            // The loop runs until a graceful shutdown ends it.
        }
        System.out.println("chat-server stopped");
        return 0;
    }

    /**
     * SIGINT and SIGTERM start the same graceful shutdown as console 88, and the process then exits
     * 0 through the normal path. The shutdown hook above stays as the fallback where signals cannot
     * be handled (the exit status is then 128 + the signal, as the JVM decides).
     */
    @SuppressWarnings("sunapi")
    private static void stopOnSignals(ChatServer server) {
        for (String name : new String[] {"INT", "TERM"}) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> server.shutdown());
            } catch (IllegalArgumentException | UnsupportedOperationException | LinkageError e) {
                System.getLogger(ServerMain.class.getName()).log(System.Logger.Level.DEBUG,
                        "cannot handle SIG" + name + "; the shutdown hook covers it: " + e);
            }
        }
    }

    /**
     * SIGHUP reads the --opers file and the TLS certificate files again (the console's /reload
     * does the same); nobody is dropped, and a bad file keeps what was there.
     */
    @SuppressWarnings("sunapi")
    private static void reloadOnHangup(ChatServer server) {
        try {
            // The signal's own thread reads the files: never the loop's.
            sun.misc.Signal.handle(new sun.misc.Signal("HUP"), signal -> server.reload().forEach(System.out::println));
        } catch (IllegalArgumentException | UnsupportedOperationException | LinkageError e) {
            System.getLogger(ServerMain.class.getName()).log(System.Logger.Level.INFO,
                    "cannot handle SIGHUP; use /reload on the console: " + e);
        }
    }

    private ServerConfig config() throws IOException {
        List<String> motd = motdFile == null ? List.of() : Files.readAllLines(motdFile, StandardCharsets.UTF_8);
        return ServerConfig.builder().bindAddress(bind).port(port).defaultRoom(room).serverName(serverName)
                .password(password).maxClients(maxClients).sendQueueSoftBytes(sendQueueSoftBytes)
                .sendQueueHardBytes(sendQueueHardBytes).sendQueueSoftMillis(sendQueueSoftMillis)
                .sendQueueTotalBytes(sendQueueTotalBytes).floodLinesPerSecond(floodRate).floodBurstLines(floodBurst)
                .floodMaxDelayedLines(floodMaxDelayed).registrationTimeoutMillis(registrationTimeoutMillis)
                .pingIntervalMillis(pingIntervalMillis).pingTimeoutMillis(pingTimeoutMillis).motdLines(motd)
                .maxPerIp(maxPerIp).connectsPerMinute(connectsPerMinute).exempt(exempt)
                .history(new HistoryConfig(noHistory ? null : dataDir, historyMaxAgeMillis, historyMaxMessages,
                        joinReplay))
                .accounts(new AccountConfig(dataDir, accounts == Registration.open,
                        nickProtection == NickProtection.strict))
                .operators(opersFile == null ? Operators.none() : Operators.load(opersFile))
                .tls(tlsConfig()).build();
    }

    /** The data directory holds the self-signed certificate even with --no-history: its fingerprint must last. */
    private TlsConfig tlsConfig() {
        if (tlsPort == null) {
            if (tlsOnly || tlsCert != null || tlsKey != null) {
                throw new IllegalArgumentException("--tls-only, --tls-cert and --tls-key need --tls-port (usually "
                        + TlsConfig.USUAL_PORT + ")");
            }
            return TlsConfig.disabled();
        }
        return new TlsConfig(tlsPort, tlsCert, tlsKey, dataDir, tlsOnly, !noSts, stsDurationMillis / 1000,
                tlsHandshakeTimeoutMillis);
    }

    private static void printWelcome(ChatServer server) {
        ServerConfig config = server.config();
        int port = server.port();
        String host = config.bindAddress().equals("0.0.0.0") ? "localhost" : config.bindAddress();
        System.out.println("chat-server " + ServerInfo.VERSION + " listening on " + config.bindAddress() + ":" + port
                + " as " + config.serverName() + ", default room " + config.defaultRoom());
        if (server.tlsPort() >= 0) {
            System.out.println("TLS on " + config.bindAddress() + ":" + server.tlsPort() + ", certificate "
                    + server.tlsFingerprint() + (server.tlsCertificates().selfSigned() ? " (self-signed)" : "")
                    + (config.tls().tlsOnly() ? "; IRC only over TLS (--tls-only)" : ""));
        }
        System.out.println("connect:  ./chat client --host " + host + " --port " + port + " --nick NAME");
        System.out.println("          nc " + host + " " + port + "   (type a nickname, then chat; 88 leaves)");
        System.out.println("          irssi -c " + host + " -p " + port + " -n NAME");
        if (server.tlsPort() >= 0) {
            System.out.println("          irssi, then /connect -tls" + (server.tlsCertificates().selfSigned()
                    ? " -notls_verify " : " ") + host + " " + server.tlsPort() + "   (a raw look: openssl s_client -connect "
                    + host + ":" + server.tlsPort() + ")");
        }
        System.out.println(ConsoleCommands.HELP);
    }

    /** --version: the jar's Implementation-Version. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {ServerInfo.VERSION};
        }
    }
}
