package chat.server;

import chat.server.account.AccountConfig;
import chat.server.account.Operators;
import chat.server.history.HistoryConfig;
import chat.server.tls.TlsConfig;
import java.util.List;
import java.util.Objects;

/**
 * Every option and limit of the server in one place, each with a safe default
 * ({@link #defaults()}). Durations are in milliseconds, sizes in bytes, as the names say.
 *
 * @param sendQueueSoftMillis how long a send queue may stay over the soft limit before the client is dropped
 * @param sendQueueTotalBytes queued output of all clients together past which the largest queues are dropped
 * @param floodLinesPerSecond lines a client may send per second once its burst is spent; 0 disables flood control
 * @param floodMaxDelayedLines lines that may wait for flood tokens before the client is disconnected
 * @param motdLines the message of the day, already read from its file (empty: answer 422)
 * @param maxPerIp open connections one address (an IPv6 /64) may hold; 0 = no limit
 * @param connectsPerMinute new connections one address may open per minute; 0 = no limit
 * @param exempt comma-separated address blocks (CIDR) the two limits above do not apply to
 * @param history where history is kept and for how long; {@link HistoryConfig#disabled()} keeps none.
 *                The command line keeps it in {@code chat-data} by default; a configuration built
 *                in code (tests, embedding) keeps none unless it says where.
 * @param accounts how accounts work and where they are kept; a configuration built in code keeps
 *                 them in memory ({@link AccountConfig#defaults()})
 * @param operators who may become a server operator with OPER, already read from the --opers file
 *                  (none by default)
 * @param tls the TLS port and its certificate; {@link TlsConfig#disabled()} for none
 */
public record ServerConfig(
        String bindAddress,
        int port,
        String defaultRoom,
        String serverName,
        String password,
        int maxClients,
        int sendQueueSoftBytes,
        int sendQueueHardBytes,
        long sendQueueSoftMillis,
        long sendQueueTotalBytes,
        double floodLinesPerSecond,
        int floodBurstLines,
        int floodMaxDelayedLines,
        long registrationTimeoutMillis,
        long pingIntervalMillis,
        long pingTimeoutMillis,
        List<String> motdLines,
        int maxPerIp,
        int connectsPerMinute,
        String exempt,
        HistoryConfig history,
        AccountConfig accounts,
        Operators operators,
        TlsConfig tls) {

    // Every default, stated once. The command line's defaults are built from these (ServerMain),
    // as is defaults(); ServerConfigTest checks that the README's option table says the same.
    // Sizes and durations are written as a user types them (parsed by the same converters).
    public static final String DEFAULT_BIND = "127.0.0.1";
    public static final int DEFAULT_PORT = 6667;
    public static final String DEFAULT_ROOM = "#lobby";
    public static final int DEFAULT_MAX_CLIENTS = 10_000;
    public static final String DEFAULT_SENDQ_SOFT = "256k";
    public static final String DEFAULT_SENDQ_HARD = "1m";
    /**
     * Redis's "client-output-buffer-limit ... soft seconds": long enough for a reader on a slow line
     * to take a burst of the soft limit's size (256 KiB at 10 KB/s is 26 s), short enough that a
     * peer that stopped reading gives its memory back within half a minute.
     */
    public static final String DEFAULT_SENDQ_SOFT_TIME = "30s";
    /**
     * A quarter of the maximum heap (256 MiB under the launcher's -Xmx1g). Only payload bytes are
     * counted; a queued line also costs its array header and queue slot (about 40% more for short
     * lines), and the heap must keep room for the chat itself and the collector's copy reserve.
     * A share rather than a fixed size, so -Xmx alone scales it.
     */
    public static final String DEFAULT_SENDQ_TOTAL = "25%";
    public static final int DEFAULT_FLOOD_RATE = 10;
    public static final int DEFAULT_FLOOD_BURST = 40;
    public static final int DEFAULT_FLOOD_MAX_DELAYED = 500;
    public static final String DEFAULT_REGISTRATION_TIMEOUT = "60s";
    public static final String DEFAULT_PING_INTERVAL = "120s";
    public static final String DEFAULT_PING_TIMEOUT = "60s";
    /** Like Ergo's default (16 per address): room for one person's many terminals, not for a flood. */
    public static final int DEFAULT_MAX_PER_IP = 16;
    /** New connections per address per minute (a burst of that many, then one every 2 s). */
    public static final int DEFAULT_CONNECTS_PER_MINUTE = 30;

    public ServerConfig {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(defaultRoom, "defaultRoom");
        Objects.requireNonNull(serverName, "serverName");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0-65535: " + port);
        }
        if (!chat.protocol.IrcNames.isValidRoomName(defaultRoom)) {
            throw new IllegalArgumentException("not a room name (must start with #): " + defaultRoom);
        }
        if (serverName.isEmpty() || serverName.indexOf(' ') >= 0 || serverName.indexOf(':') >= 0) {
            throw new IllegalArgumentException("server name must be one word without ':': " + serverName);
        }
        if (chat.protocol.IrcNames.isValidNick(serverName)) {
            // A user could take it as a nick and write lines that look exactly like the server's.
            throw new IllegalArgumentException("server name must not be a possible nickname (add a dot, like "
                    + serverName + ".chat): " + serverName);
        }
        if (password != null && password.isEmpty()) {
            password = null;
        }
        positive(maxClients, "max clients");
        positive(sendQueueSoftBytes, "send queue soft limit");
        if (sendQueueHardBytes < sendQueueSoftBytes) {
            throw new IllegalArgumentException("send queue hard limit must be at least the soft limit");
        }
        positive(sendQueueSoftMillis, "send queue soft time");
        if (sendQueueTotalBytes < sendQueueHardBytes) {
            throw new IllegalArgumentException("send queue total must be at least the hard limit: " + sendQueueTotalBytes);
        }
        if (floodLinesPerSecond < 0 || Double.isNaN(floodLinesPerSecond)) {
            throw new IllegalArgumentException("flood rate must be 0 (off) or positive");
        }
        positive(floodBurstLines, "flood burst");
        positive(floodMaxDelayedLines, "flood cap");
        positive(registrationTimeoutMillis, "registration timeout");
        positive(pingIntervalMillis, "ping interval");
        positive(pingTimeoutMillis, "ping timeout");
        motdLines = motdLines == null ? List.of() : List.copyOf(motdLines);
        if (maxPerIp < 0 || connectsPerMinute < 0) {
            throw new IllegalArgumentException("per-address limits must be 0 (off) or positive");
        }
        exempt = exempt == null ? "" : exempt.strip();
        chat.server.net.AddressBlocks.parse(exempt); // refuses a bad block now, not at the first connection
        history = history == null ? HistoryConfig.disabled() : history;
        accounts = accounts == null ? AccountConfig.defaults() : accounts;
        operators = operators == null ? Operators.none() : operators;
        tls = tls == null ? TlsConfig.disabled() : tls;
    }

    private static void positive(long value, String what) {
        if (value <= 0) {
            throw new IllegalArgumentException(what + " must be positive: " + value);
        }
    }

    /** Defaults for everything; the server name is the host name when it can be found. */
    public static ServerConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public boolean floodControlEnabled() {
        return floodLinesPerSecond > 0;
    }

    /** A copy with another port (a test that restarts a server on the port it had). */
    public ServerConfig withPort(int newPort) {
        return toBuilder().port(newPort).build();
    }

    public Builder toBuilder() {
        return new Builder().bindAddress(bindAddress).port(port).defaultRoom(defaultRoom).serverName(serverName)
                .password(password).maxClients(maxClients).sendQueueSoftBytes(sendQueueSoftBytes)
                .sendQueueHardBytes(sendQueueHardBytes).sendQueueSoftMillis(sendQueueSoftMillis)
                .sendQueueTotalBytes(sendQueueTotalBytes).floodLinesPerSecond(floodLinesPerSecond)
                .floodBurstLines(floodBurstLines).floodMaxDelayedLines(floodMaxDelayedLines)
                .registrationTimeoutMillis(registrationTimeoutMillis).pingIntervalMillis(pingIntervalMillis)
                .pingTimeoutMillis(pingTimeoutMillis).motdLines(motdLines).maxPerIp(maxPerIp)
                .connectsPerMinute(connectsPerMinute).exempt(exempt).history(history).accounts(accounts)
                .operators(operators).tls(tls);
    }

    /** Builds a configuration from the defaults, changing only what is set; the record checks the whole. */
    public static final class Builder {
        private String bindAddress = DEFAULT_BIND;
        private int port = DEFAULT_PORT;
        private String defaultRoom = DEFAULT_ROOM;
        private String serverName;
        private String password;
        private int maxClients = DEFAULT_MAX_CLIENTS;
        private int sendQueueSoftBytes = ByteSizeConverter.parse(DEFAULT_SENDQ_SOFT);
        private int sendQueueHardBytes = ByteSizeConverter.parse(DEFAULT_SENDQ_HARD);
        private long sendQueueSoftMillis = DurationConverter.parse(DEFAULT_SENDQ_SOFT_TIME);
        private long sendQueueTotalBytes = OutputBudgetConverter.parse(DEFAULT_SENDQ_TOTAL);
        private double floodLinesPerSecond = DEFAULT_FLOOD_RATE;
        private int floodBurstLines = DEFAULT_FLOOD_BURST;
        private int floodMaxDelayedLines = DEFAULT_FLOOD_MAX_DELAYED;
        private long registrationTimeoutMillis = DurationConverter.parse(DEFAULT_REGISTRATION_TIMEOUT);
        private long pingIntervalMillis = DurationConverter.parse(DEFAULT_PING_INTERVAL);
        private long pingTimeoutMillis = DurationConverter.parse(DEFAULT_PING_TIMEOUT);
        private List<String> motdLines = List.of();
        private int maxPerIp = DEFAULT_MAX_PER_IP;
        private int connectsPerMinute = DEFAULT_CONNECTS_PER_MINUTE;
        private String exempt = "";
        private HistoryConfig history = HistoryConfig.disabled();
        private AccountConfig accounts = AccountConfig.defaults();
        private Operators operators = Operators.none();
        private TlsConfig tls = TlsConfig.disabled();

        private Builder() {
        }

        public Builder operators(Operators value) {
            operators = value;
            return this;
        }

        public Builder accounts(AccountConfig value) {
            accounts = value;
            return this;
        }

        public Builder history(HistoryConfig value) {
            history = value;
            return this;
        }

        public Builder tls(TlsConfig value) {
            tls = value;
            return this;
        }

        public Builder bindAddress(String value) {
            bindAddress = value;
            return this;
        }

        public Builder port(int value) {
            port = value;
            return this;
        }

        public Builder defaultRoom(String value) {
            defaultRoom = value;
            return this;
        }

        /** Null or blank: the host name. */
        public Builder serverName(String value) {
            serverName = value;
            return this;
        }

        public Builder password(String value) {
            password = value;
            return this;
        }

        public Builder maxClients(int value) {
            maxClients = value;
            return this;
        }

        public Builder sendQueueSoftBytes(int value) {
            sendQueueSoftBytes = value;
            return this;
        }

        public Builder sendQueueHardBytes(int value) {
            sendQueueHardBytes = value;
            return this;
        }

        public Builder sendQueueSoftMillis(long value) {
            sendQueueSoftMillis = value;
            return this;
        }

        public Builder sendQueueTotalBytes(long value) {
            sendQueueTotalBytes = value;
            return this;
        }

        public Builder floodLinesPerSecond(double value) {
            floodLinesPerSecond = value;
            return this;
        }

        public Builder floodBurstLines(int value) {
            floodBurstLines = value;
            return this;
        }

        public Builder floodMaxDelayedLines(int value) {
            floodMaxDelayedLines = value;
            return this;
        }

        public Builder registrationTimeoutMillis(long value) {
            registrationTimeoutMillis = value;
            return this;
        }

        public Builder pingIntervalMillis(long value) {
            pingIntervalMillis = value;
            return this;
        }

        public Builder pingTimeoutMillis(long value) {
            pingTimeoutMillis = value;
            return this;
        }

        public Builder motdLines(List<String> value) {
            motdLines = value;
            return this;
        }

        public Builder maxPerIp(int value) {
            maxPerIp = value;
            return this;
        }

        public Builder connectsPerMinute(int value) {
            connectsPerMinute = value;
            return this;
        }

        /** Comma-separated CIDR blocks, e.g. "10.0.0.0/8,::1"; empty for none. */
        public Builder exempt(String value) {
            exempt = value;
            return this;
        }

        /** @throws IllegalArgumentException when a value is out of range, saying which */
        public ServerConfig build() {
            String name = serverName == null || serverName.isBlank() ? HostName.local() : serverName.strip();
            return new ServerConfig(bindAddress, port, defaultRoom, name, password, maxClients, sendQueueSoftBytes,
                    sendQueueHardBytes, sendQueueSoftMillis, sendQueueTotalBytes, floodLinesPerSecond, floodBurstLines,
                    floodMaxDelayedLines, registrationTimeoutMillis, pingIntervalMillis, pingTimeoutMillis, motdLines,
                    maxPerIp, connectsPerMinute, exempt, history, accounts, operators, tls);
        }
    }
}
