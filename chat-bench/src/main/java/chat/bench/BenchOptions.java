package chat.bench;

import java.util.List;

/**
 * One bench run's settings, checked once so the loop can trust them.
 *
 * @param messagesPerClient 0 means "until the duration ends" (and no messages at all when the
 *                          duration is 0 too: a connect-and-join run for idle connections)
 * @param ratePerClient     messages per second per client; 0 means as fast as the window allows
 * @param capabilities      IRCv3 capabilities requested before registering, space-separated; "" for none
 * @param ports             the ports of the cluster's nodes (--ports), or just {@code port}: clients
 *                          are spread over them by {@link #nodeOf}
 */
public record BenchOptions(
        String host,
        int port,
        int rooms,
        int clients,
        long messagesPerClient,
        double ratePerClient,
        int window,
        int sizeBytes,
        double warmupSeconds,
        double durationSeconds,
        double drainTimeoutSeconds,
        double connectTimeoutSeconds,
        int connectBatch,
        String nickPrefix,
        String roomPrefix,
        long serverPid,
        String capabilities,
        List<Integer> ports) {

    /** One server: every client connects to {@code port}. */
    public BenchOptions(String host, int port, int rooms, int clients, long messagesPerClient, double ratePerClient,
                        int window, int sizeBytes, double warmupSeconds, double durationSeconds,
                        double drainTimeoutSeconds, double connectTimeoutSeconds, int connectBatch,
                        String nickPrefix, String roomPrefix, long serverPid, String capabilities) {
        this(host, port, rooms, clients, messagesPerClient, ratePerClient, window, sizeBytes, warmupSeconds,
                durationSeconds, drainTimeoutSeconds, connectTimeoutSeconds, connectBatch, nickPrefix, roomPrefix,
                serverPid, capabilities, List.of(port));
    }

    /** A run that asks for no capabilities: the plain relay. */
    public BenchOptions(String host, int port, int rooms, int clients, long messagesPerClient, double ratePerClient,
                        int window, int sizeBytes, double warmupSeconds, double durationSeconds,
                        double drainTimeoutSeconds, double connectTimeoutSeconds, int connectBatch,
                        String nickPrefix, String roomPrefix, long serverPid) {
        this(host, port, rooms, clients, messagesPerClient, ratePerClient, window, sizeBytes, warmupSeconds,
                durationSeconds, drainTimeoutSeconds, connectTimeoutSeconds, connectBatch, nickPrefix, roomPrefix,
                serverPid, "");
    }

    public BenchOptions {
        require(port > 0 && port < 65536, "--port must be 1..65535");
        require(rooms >= 1, "--rooms must be at least 1");
        require(clients >= 1, "--clients must be at least 1");
        require(clients >= rooms, "--clients must be at least --rooms (every room needs a member)");
        require(messagesPerClient >= 0, "--messages must not be negative");
        require(ratePerClient >= 0, "--rate must not be negative");
        require(window >= 1, "--window must be at least 1");
        require(sizeBytes >= 0 && sizeBytes <= 400, "--size must be 0..400 bytes (an IRC line is 512)");
        require(warmupSeconds >= 0 && durationSeconds >= 0, "--warmup and --duration must not be negative");
        require(drainTimeoutSeconds > 0 && connectTimeoutSeconds > 0, "timeouts must be positive");
        require(connectBatch >= 1, "--connect-batch must be at least 1");
        require(nickPrefix.matches("[A-Za-z][A-Za-z0-9_-]{0,15}"), "--nick-prefix must be a nick start (letter, then letters/digits/_-)");
        require(roomPrefix.matches("[#&][A-Za-z0-9_-]{0,30}"), "--room-prefix must start with # or & then letters/digits/_-");
        capabilities = capabilities.trim().replaceAll("[\\s,]+", " ");
        require(capabilities.matches("([a-z0-9./-]+( [a-z0-9./-]+)*)?"), "--caps must be capability names (e.g. server-time,echo-message)");
        ports = ports == null || ports.isEmpty() ? List.of(port) : List.copyOf(ports);
        require(ports.stream().allMatch(p -> p > 0 && p < 65536), "--ports must be 1..65535 each");
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    /** True when clients send nothing: the run measures connecting, joining and idle cost. */
    public boolean idleOnly() {
        return messagesPerClient == 0 && durationSeconds == 0;
    }

    /** With echo-message the server sends each sender its own line back: counted apart, not misrouted. */
    public boolean echoes() {
        return (" " + capabilities + " ").contains(" echo-message ");
    }

    public String nick(int client) {
        return nickPrefix + client;
    }

    /** Clients are dealt round-robin, so room sizes differ by at most one. */
    public int roomOf(int client) {
        return client % rooms;
    }

    /** Position of a client among its room's members, 0-based. */
    public int memberIndexOf(int client) {
        return client / rooms;
    }

    /** Nodes the clients are spread over: 1 unless --ports names several. */
    public int nodes() {
        return ports.size();
    }

    /**
     * The node (index into {@link #ports}) client {@code client} connects to. Members of a room
     * are dealt to the nodes in turn (member 0 to node 0, member 1 to node 1, ...), so every room
     * with at least as many members as nodes has members on every node, and nodes differ by at
     * most one member per room: each message crosses to every node.
     */
    public int nodeOf(int client) {
        return memberIndexOf(client) % ports.size();
    }

    public int portOf(int client) {
        return ports.get(nodeOf(client));
    }

    public int roomSize(int room) {
        return clients / rooms + (room < clients % rooms ? 1 : 0);
    }

    public String roomName(int room) {
        return roomPrefix + room;
    }

    /** The client that is member {@code memberIndex} of {@code room}. */
    public int clientAt(int room, int memberIndex) {
        return memberIndex * rooms + room;
    }
}
