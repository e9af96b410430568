package chat.client;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A small scripted IRC server for the client's tests, on a real socket on 127.0.0.1: answers
 * registration (433 for taken nicks), echoes JOIN with 353/366, relays PRIVMSG to a room or a nick,
 * answers PING, ends QUIT with ERROR and tells the room. Every line it receives is recorded as
 * "nick: line" so tests can wait for exactly what a client sent. Blocking I/O, a thread per client:
 * it only has to be obviously right, not fast.
 */
public final class FakeIrcServer implements AutoCloseable {
    static final String NAME = "fake.test";

    private final ServerSocket listener;
    final Set<String> takenNicks = ConcurrentHashMap.newKeySet();
    final List<FakeIrcConnection> clients = new CopyOnWriteArrayList<>();
    final Map<String, Set<FakeIrcConnection>> rooms = new ConcurrentHashMap<>();
    private final List<String> history = new ArrayList<>();

    FakeIrcServer(int port) throws IOException {
        listener = new ServerSocket();
        listener.setReuseAddress(true);
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        Thread acceptor = new Thread(this::acceptLoop, "fake-irc-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /**
     * The same port again, as a restarted server has it. The port can stay taken for a moment (any
     * process's outgoing connection may be given it as its local port), so binding is retried for
     * a few seconds rather than failing the test on the machine's timing.
     */
    static FakeIrcServer restartOn(int port) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
        while (true) {
            try {
                return new FakeIrcServer(port);
            } catch (java.net.BindException taken) {
                if (System.nanoTime() > deadline) {
                    throw taken;
                }
                Thread.sleep(50);
            }
        }
    }

    static FakeIrcServer start() throws IOException {
        return new FakeIrcServer(0);
    }

    int port() {
        return listener.getLocalPort();
    }

    /** Nicks that get 433 as if someone already had them. */
    void takeNicks(String... nicks) {
        takenNicks.addAll(List.of(nicks));
    }

    /** Waits for a received line ("nick: line") that matches, and consumes it; fails the test on timeout. */
    String await(Predicate<String> wanted, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (history) {
            while (true) {
                for (String seen : history) {
                    if (wanted.test(seen)) {
                        history.remove(seen);
                        return seen;
                    }
                }
                long leftMillis = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (leftMillis <= 0) {
                    throw new AssertionError("the fake server never received the expected line; it got " + history);
                }
                history.wait(leftMillis);
            }
        }
    }

    void record(String line) {
        synchronized (history) {
            history.add(line);
            history.notifyAll();
        }
    }

    /** Every received line not yet consumed by an await, in arrival order. */
    List<String> linesSoFar() {
        synchronized (history) {
            return List.copyOf(history);
        }
    }

    String await(String exact) throws InterruptedException {
        return await(exact::equals, Duration.ofSeconds(10));
    }

    /** Sends a raw line to every registered client in the room. */
    void sendToRoom(String room, String rawLine) {
        for (FakeIrcConnection member : rooms.getOrDefault(room, Set.of())) {
            member.send(rawLine);
        }
    }

    /** Sends raw bytes (not necessarily UTF-8, CRLF included by the caller) to every member of the room. */
    void sendBytesToRoom(String room, byte[] bytes) throws IOException {
        for (FakeIrcConnection member : rooms.getOrDefault(room, Set.of())) {
            member.sendBytes(bytes);
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (FakeIrcConnection client : clients) {
            client.close();
        }
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket socket = listener.accept();
                FakeIrcConnection client = new FakeIrcConnection(this, socket);
                clients.add(client);
                Thread reader = new Thread(client::readLoop, "fake-irc-client");
                reader.setDaemon(true);
                reader.start();
            } catch (IOException closed) {
                return;
            }
        }
    }
}
