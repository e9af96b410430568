package chat.server;

import java.util.List;
import java.util.Objects;

/**
 * Every option and limit of the server in one place, each with a safe default
 * ({@link #defaults()}). Durations are in milliseconds, sizes in bytes, as the names say.
 *
 * @param floodLinesPerSecond lines a client may send per second once its burst is spent; 0 disables flood control
 * @param floodMaxDelayedLines lines that may wait for flood tokens before the client is disconnected
 * @param motdLines the message of the day, already read from its file (empty: answer 422)
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
        double floodLinesPerSecond,
        int floodBurstLines,
        int floodMaxDelayedLines,
        long registrationTimeoutMillis,
        long pingIntervalMillis,
        long pingTimeoutMillis,
        List<String> motdLines) {

    public static final String DEFAULT_BIND = "127.0.0.1";
    public static final int DEFAULT_PORT = 6667;
    public static final String DEFAULT_ROOM = "#lobby";
    public static final int DEFAULT_MAX_CLIENTS = 10_000;
    public static final int DEFAULT_SENDQ_SOFT_BYTES = 256 * 1024;
    public static final int DEFAULT_SENDQ_HARD_BYTES = 1024 * 1024;
    public static final double DEFAULT_FLOOD_LINES_PER_SECOND = 10;
    public static final int DEFAULT_FLOOD_BURST_LINES = 40;
    public static final int DEFAULT_FLOOD_MAX_DELAYED_LINES = 500;
    public static final long DEFAULT_REGISTRATION_TIMEOUT_MILLIS = 60_000;
    public static final long DEFAULT_PING_INTERVAL_MILLIS = 120_000;
    public static final long DEFAULT_PING_TIMEOUT_MILLIS = 60_000;

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
        if (password != null && password.isEmpty()) {
            password = null;
        }
        positive(maxClients, "max clients");
        positive(sendQueueSoftBytes, "send queue soft limit");
        if (sendQueueHardBytes < sendQueueSoftBytes) {
            throw new IllegalArgumentException("send queue hard limit must be at least the soft limit");
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
    }

    private static void positive(long value, String what) {
        if (value <= 0) {
            throw new IllegalArgumentException(what + " must be positive: " + value);
        }
    }

    /** Defaults for everything; the server name is the host name when it can be found. */
    public static ServerConfig defaults() {
        return new ServerConfig(DEFAULT_BIND, DEFAULT_PORT, DEFAULT_ROOM, HostName.local(), null,
                DEFAULT_MAX_CLIENTS, DEFAULT_SENDQ_SOFT_BYTES, DEFAULT_SENDQ_HARD_BYTES,
                DEFAULT_FLOOD_LINES_PER_SECOND, DEFAULT_FLOOD_BURST_LINES, DEFAULT_FLOOD_MAX_DELAYED_LINES,
                DEFAULT_REGISTRATION_TIMEOUT_MILLIS, DEFAULT_PING_INTERVAL_MILLIS, DEFAULT_PING_TIMEOUT_MILLIS,
                List.of());
    }

    public boolean floodControlEnabled() {
        return floodLinesPerSecond > 0;
    }

    public ServerConfig withPort(int newPort) {
        return new ServerConfig(bindAddress, newPort, defaultRoom, serverName, password, maxClients,
                sendQueueSoftBytes, sendQueueHardBytes, floodLinesPerSecond, floodBurstLines, floodMaxDelayedLines,
                registrationTimeoutMillis, pingIntervalMillis, pingTimeoutMillis, motdLines);
    }
}
