package chat.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

/**
 * The one selector thread that plays every simulated client. It reads with one shared buffer
 * (a client keeps only its partial line), writes through one shared direct buffer (a client keeps
 * only what the socket refused), and never blocks: connecting, registering, joining, sending and
 * draining are all steps of the same loop. The phases are driven by {@link BenchRun}.
 */
final class BenchLoop implements LineDispatcher.Events {
    private static final int WRITE_BUFFER_BYTES = 64 * 1024;
    private static final long IDLE_SELECT_MILLIS = 50;
    /**
     * Scheduled sends are served between every this many ready sockets too, not only between
     * turns: a turn with a hundred readable sockets would otherwise delay them by a millisecond.
     */
    private static final int KEYS_BETWEEN_SENDS = 16;

    final BenchOptions options;
    final SimClient[] clients;
    final Deliveries deliveries;
    final long origin = System.nanoTime();
    final TrafficSender sender;
    private final Selector selector;
    /** One address per node (--ports); a client connects to {@code addresses[options.nodeOf(id)]}. */
    private final InetSocketAddress[] addresses;
    private final ByteBuffer writeBuffer = ByteBuffer.allocateDirect(WRITE_BUFFER_BYTES);
    final SocketLineReader reader;
    private final LineDispatcher dispatcher = new LineDispatcher(this);
    /** What a failed write of scheduled traffic does; one instance, not a lambda per call. */
    final java.util.function.BiConsumer<SimClient, IOException> failedSend =
            (client, e) -> lostConnection(client, e.getMessage());

    private final java.util.function.Consumer<SelectionKey> onReady = this::ready;
    private int keysThisTurn;
    /** Loop turns: part of the bench's own work, for the report. */
    long turns;
    /** TLS handshakes completed (--tls). */
    long handshakes;
    int connecting;
    int joined;
    int open;
    /** Clients whose node has shown them every member of their room (see {@link #settled}). */
    int settled;
    String failure;

    /** --tls: every client speaks TLS (the server's certificate is not checked). */
    private final boolean tls;
    /** --tls: the clients' shared record buffers; null without. */
    private final TlsClientChannel.Scratch tlsScratch;

    BenchLoop(BenchOptions options) throws IOException {
        this(options, false);
    }

    BenchLoop(BenchOptions options, boolean tls) throws IOException {
        this.options = options;
        this.tls = tls;
        this.tlsScratch = tls ? new TlsClientChannel.Scratch() : null;
        this.deliveries = new Deliveries(options.echoes());
        this.clients = new SimClient[options.clients()];
        this.selector = Selector.open();
        this.addresses = options.ports().stream()
                .map(port -> new InetSocketAddress(options.host(), port)).toArray(InetSocketAddress[]::new);
        this.sender = new TrafficSender(options, deliveries, origin, writeBuffer);
        this.reader = new SocketLineReader(origin);
    }

    /** Opens a non-blocking connection for client {@code id}; registration starts when it completes. */
    void connect(int id) {
        SimClient client = new SimClient(options, id);
        InetSocketAddress address = addresses[options.nodeOf(id)];
        clients[id] = client;
        connecting++;
        open++;
        try {
            client.channel = SocketChannel.open();
            client.channel.configureBlocking(false);
            client.channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            client.io = client.channel;
            boolean connected = client.channel.connect(address);
            client.key = client.channel.register(selector, connected ? 0 : SelectionKey.OP_CONNECT, client);
            if (connected) {
                connected(client);
            }
        } catch (IOException e) {
            fail(client, "cannot connect to " + address + ": " + e.getMessage());
        }
    }

    /** Sends QUIT from every client still open; the server closes them and the loop reaps. */
    void quitAll() {
        for (SimClient client : clients) {
            if (client == null || client.state == SimClient.State.CLOSED) {
                continue;
            }
            if (client.state == SimClient.State.CONNECTING) {
                closeClient(client);
            } else {
                client.state = SimClient.State.QUITTING;
                sendText(client, "QUIT :bench done\r\n");
            }
        }
    }

    void closeAll() throws IOException {
        for (SimClient client : clients) {
            if (client != null && client.state != SimClient.State.CLOSED) {
                closeClient(client);
            }
        }
        selector.close();
    }

    /** One turn: waits up to {@code timeoutNanos} (0 = do not wait) and handles ready sockets. */
    void turn(long timeoutNanos) throws IOException {
        keysThisTurn = 0;
        // The select variants with an action hand each ready key straight to it: no selected-key
        // set to fill, iterate and empty again (a HashSet insert and remove per ready socket).
        if (timeoutNanos <= 0) {
            selector.selectNow(onReady);
        } else {
            selector.select(onReady, Math.max(1, Math.min(IDLE_SELECT_MILLIS, timeoutNanos / 1_000_000)));
        }
        turns++;
    }

    private void ready(SelectionKey key) {
        if (++keysThisTurn % KEYS_BETWEEN_SENDS == 0) {
            sender.sendDue(System.nanoTime(), failedSend);
        }
        SimClient client = (SimClient) key.attachment();
        try {
            handle(key, client);
        } catch (IOException e) {
            lostConnection(client, e.getMessage());
        }
    }

    private void handle(SelectionKey key, SimClient client) throws IOException {
        if (!key.isValid()) {
            return;
        }
        if (key.isConnectable()) {
            client.channel.finishConnect();
            connected(client);
            return;
        }
        if (client.state == SimClient.State.HANDSHAKING) {
            handshake(client);
            return;
        }
        if (key.isWritable()) {
            client.flushPending(writeBuffer);
        }
        if (key.isValid() && key.isReadable()) {
            read(client);
        }
    }

    /** TCP is up: register now, or first agree on TLS keys. */
    private void connected(SimClient client) throws IOException {
        if (!tls) {
            startRegistration(client);
            return;
        }
        client.tls = new TlsClientChannel(client.channel, tlsScratch);
        client.io = client.tls;
        client.state = SimClient.State.HANDSHAKING;
        handshake(client);
    }

    private void handshake(SimClient client) throws IOException {
        if (client.tls.handshake()) {
            handshakes++;
            startRegistration(client);
        } else {
            client.key.interestOps(client.tls.hasPendingOutput() ? SelectionKey.OP_WRITE : SelectionKey.OP_READ);
        }
    }

    private void startRegistration(SimClient client) {
        client.state = SimClient.State.REGISTERING;
        client.key.interestOps(SelectionKey.OP_READ);
        // CAP REQ and END go first: the server holds registration until END, so the ACK arrives
        // before 001 and every relayed line after it has the asked-for shape.
        String caps = options.capabilities().isEmpty() ? "" : "CAP REQ :" + options.capabilities() + "\r\nCAP END\r\n";
        sendText(client, caps + "NICK " + client.nick + "\r\nUSER " + client.nick + " 0 * :chat bench\r\n");
    }

    private void read(SimClient client) throws IOException {
        do {
            switch (reader.read(client, dispatcher)) {
                case END_OF_STREAM -> lostConnection(client, "server closed the connection");
                case LINE_TOO_LONG -> fail(client, "server sent a line longer than "
                        + SocketLineReader.MAX_CARRY_BYTES + " bytes");
                case READ -> {
                    // Lines went to the dispatcher.
                }
            }
            // Records already taken off the socket: the selector will not report them again.
        } while (client.tls != null && client.state != SimClient.State.CLOSED && client.tls.hasBufferedInput());
    }

    @Override
    public void registered(SimClient client) {
        if (client.state == SimClient.State.REGISTERING) {
            client.state = SimClient.State.JOINING;
            sendText(client, "JOIN " + client.roomName + "\r\n");
        }
    }

    @Override
    public void joined(SimClient client) {
        if (client.state == SimClient.State.JOINING) {
            client.state = SimClient.State.JOINED;
            connecting--;
            joined++;
        }
    }

    @Override
    public void membersSeen(SimClient client, String... nicks) {
        if (client.sawMembers(nicks)) {
            settled++;
        }
    }

    @Override
    public void delivered(SimClient receiver, Payload.Fields payload) {
        SimClient from = payload.sender >= 0 && payload.sender < clients.length ? clients[payload.sender] : null;
        if (deliveries.accept(receiver, from, payload, reader.arrivalNanos) && from.window.confirm(payload.sequence)) {
            sender.windowFreed(from);
        }
    }

    @Override
    public void pinged(SimClient client, String token) {
        sendText(client, "PONG :" + token + "\r\n");
    }

    @Override
    public void refused(SimClient client, String line) {
        if (client.state != SimClient.State.QUITTING) {
            fail(client, client.nick + " refused by the server: " + line);
        }
    }

    void lostConnection(SimClient client, String why) {
        if (client.state == SimClient.State.QUITTING) {
            closeClient(client);
        } else {
            fail(client, client.nick + ": " + why);
        }
    }

    void fail(SimClient client, String why) {
        if (failure == null) {
            failure = why;
        }
        closeClient(client);
    }

    private void closeClient(SimClient client) {
        if (client.state != SimClient.State.CLOSED) {
            client.close();
            open--;
        }
    }

    private void sendText(SimClient client, String text) {
        writeBuffer.clear();
        writeBuffer.put(text.getBytes(StandardCharsets.UTF_8)).flip();
        try {
            client.send(writeBuffer);
        } catch (IOException e) {
            lostConnection(client, e.getMessage());
        }
    }
}
