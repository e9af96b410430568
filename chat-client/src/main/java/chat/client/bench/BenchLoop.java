package chat.client.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;

/**
 * The one selector thread that plays every simulated client. It reads with one shared buffer
 * (a client keeps only its partial line), writes through one shared direct buffer (a client keeps
 * only what the socket refused), and never blocks: connecting, registering, joining, sending and
 * draining are all steps of the same loop. The phases are driven by {@link BenchRun}.
 */
final class BenchLoop implements LineDispatcher.Events {
    private static final int IO_BUFFER_BYTES = 64 * 1024;
    /** A partial line longer than this is not IRC (RFC 1459 caps lines at 512 bytes). */
    private static final int MAX_CARRY_BYTES = 16 * 1024;
    private static final long IDLE_SELECT_MILLIS = 50;

    final BenchOptions options;
    final SimClient[] clients;
    final Deliveries deliveries = new Deliveries();
    final long origin = System.nanoTime();
    final TrafficSender sender;
    private final Selector selector;
    private final InetSocketAddress address;
    private final ByteBuffer readBuffer = ByteBuffer.allocate(IO_BUFFER_BYTES);
    private final ByteBuffer writeBuffer = ByteBuffer.allocateDirect(IO_BUFFER_BYTES);
    private final LineDispatcher dispatcher = new LineDispatcher(this);
    private long arrivalNanos;

    /** Loop turns, socket reads and bytes read: the bench's own work, for the report. */
    long turns;
    long reads;
    long bytesRead;
    int connecting;
    int joined;
    int open;
    String failure;

    BenchLoop(BenchOptions options) throws IOException {
        this.options = options;
        this.clients = new SimClient[options.clients()];
        this.selector = Selector.open();
        this.address = new InetSocketAddress(options.host(), options.port());
        this.sender = new TrafficSender(options, deliveries, origin, writeBuffer);
    }

    /** Opens a non-blocking connection for client {@code id}; registration starts when it completes. */
    void connect(int id) {
        SimClient client = new SimClient(options, id);
        clients[id] = client;
        connecting++;
        open++;
        try {
            client.channel = SocketChannel.open();
            client.channel.configureBlocking(false);
            client.channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            boolean connected = client.channel.connect(address);
            client.key = client.channel.register(selector, connected ? 0 : SelectionKey.OP_CONNECT, client);
            if (connected) {
                startRegistration(client);
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
        if (timeoutNanos <= 0) {
            selector.selectNow();
        } else {
            selector.select(Math.max(1, Math.min(IDLE_SELECT_MILLIS, timeoutNanos / 1_000_000)));
        }
        arrivalNanos = System.nanoTime() - origin;
        turns++;
        Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
        while (keys.hasNext()) {
            SelectionKey key = keys.next();
            keys.remove();
            SimClient client = (SimClient) key.attachment();
            try {
                handle(key, client);
            } catch (IOException e) {
                lostConnection(client, e.getMessage());
            }
        }
    }

    private void handle(SelectionKey key, SimClient client) throws IOException {
        if (!key.isValid()) {
            return;
        }
        if (key.isConnectable()) {
            client.channel.finishConnect();
            startRegistration(client);
            return;
        }
        if (key.isWritable()) {
            client.flushPending(writeBuffer);
        }
        if (key.isValid() && key.isReadable()) {
            read(client);
        }
    }

    private void startRegistration(SimClient client) {
        client.state = SimClient.State.REGISTERING;
        client.key.interestOps(SelectionKey.OP_READ);
        sendText(client, "NICK " + client.nick + "\r\nUSER " + client.nick + " 0 * :chat bench\r\n");
    }

    private void read(SimClient client) throws IOException {
        readBuffer.clear();
        client.restoreCarry(readBuffer);
        int n = client.channel.read(readBuffer);
        if (n < 0) {
            lostConnection(client, "server closed the connection");
            return;
        }
        reads++;
        bytesRead += n;
        byte[] bytes = readBuffer.array();
        int end = readBuffer.position();
        int lineStart = 0;
        for (int newline; (newline = NewlineScan.indexOf(bytes, lineStart, end)) >= 0; lineStart = newline + 1) {
            dispatcher.dispatch(client, bytes, lineStart, newline);
            if (client.state == SimClient.State.CLOSED) {
                return;
            }
        }
        if (end - lineStart > MAX_CARRY_BYTES) {
            fail(client, "server sent a line longer than " + MAX_CARRY_BYTES + " bytes");
            return;
        }
        client.saveCarry(bytes, lineStart, end);
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
    public void delivered(SimClient receiver, Payload.Fields payload) {
        SimClient from = payload.sender >= 0 && payload.sender < clients.length ? clients[payload.sender] : null;
        if (deliveries.accept(receiver, from, payload, arrivalNanos) && from.window.confirm(payload.sequence)) {
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
