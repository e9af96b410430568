package chat.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A minimal IRC relay for tests: registration (001), JOIN (echo, 366), PRIVMSG to a room's other
 * members, PING, QUIT. One thread per connection on 127.0.0.1, port 0. A {@link Fault} can drop,
 * repeat or hold back chosen deliveries, so tests can prove the bench notices each of them.
 */
final class FakeIrcRelay implements AutoCloseable {
    enum Fault { NONE, DROP, DUPLICATE, SWAP_WITH_NEXT }

    /** Chooses the fault for the n-th relayed delivery (0-based, counted over all receivers). */
    interface FaultPlan {
        Fault faultFor(long delivery);
    }

    private final ServerSocket listener;
    private final FaultPlan plan;
    private final Map<String, List<Peer>> rooms = new ConcurrentHashMap<>();
    private final AtomicLong deliveries = new AtomicLong();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    FakeIrcRelay(FaultPlan plan) throws IOException {
        this.plan = plan;
        this.listener = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "fake-relay-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    /** Room lines relayed so far (each receiver counts once). */
    long deliveries() {
        return deliveries.get();
    }

    private void acceptLoop() {
        try {
            while (true) {
                Socket socket = listener.accept();
                sockets.add(socket);
                Peer peer = new Peer(socket);
                Thread reader = new Thread(() -> serve(peer), "fake-relay-peer");
                reader.setDaemon(true);
                reader.start();
            }
        } catch (IOException closed) {
            // The test closed the relay.
        }
    }

    private void serve(Peer peer) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(peer.socket.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (!handle(peer, line)) {
                    break;
                }
            }
        } catch (IOException gone) {
            // The peer went away.
        } finally {
            rooms.values().forEach(members -> members.remove(peer));
            try {
                peer.socket.close();
            } catch (IOException ignored) {
                // Already closed.
            }
        }
    }

    private boolean handle(Peer peer, String line) throws IOException {
        String[] words = line.split(" ", 3);
        switch (words[0]) {
            case "NICK" -> peer.nick = words[1];
            case "USER" -> peer.send(":fake 001 " + peer.nick + " :Welcome");
            case "JOIN" -> {
                rooms.computeIfAbsent(words[1], r -> new CopyOnWriteArrayList<>()).add(peer);
                peer.send(":" + peer.nick + "!u@h JOIN " + words[1]);
                peer.send(":fake 366 " + peer.nick + " " + words[1] + " :End of NAMES list");
            }
            case "PRIVMSG" -> relay(peer, words[1], line.substring(line.indexOf(" :") + 2));
            case "PING" -> peer.send(":fake PONG fake :" + words[1]);
            case "QUIT" -> {
                peer.send("ERROR :Closing link");
                return false;
            }
            default -> peer.send(":fake 421 " + peer.nick + " " + words[0] + " :Unknown command");
        }
        return true;
    }

    private void relay(Peer from, String room, String text) throws IOException {
        String line = ":" + from.nick + "!u@h PRIVMSG " + room + " :" + text;
        for (Peer member : rooms.getOrDefault(room, List.of())) {
            if (member == from) {
                continue;
            }
            switch (plan.faultFor(deliveries.getAndIncrement())) {
                case NONE -> member.deliver(line);
                case DROP -> { }
                case DUPLICATE -> {
                    member.deliver(line);
                    member.deliver(line);
                }
                case SWAP_WITH_NEXT -> member.holdBack(line);
            }
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket socket : sockets) {
            socket.close();
        }
    }

    private static final class Peer {
        final Socket socket;
        final OutputStream out;
        volatile String nick = "*";
        private final List<String> held = new ArrayList<>();

        Peer(Socket socket) throws IOException {
            this.socket = socket;
            this.out = socket.getOutputStream();
        }

        synchronized void send(String line) throws IOException {
            out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        }

        /** Delivers a room line, then any line held back so that it arrives after this one. */
        synchronized void deliver(String line) throws IOException {
            send(line);
            for (String late : held) {
                send(late);
            }
            held.clear();
        }

        synchronized void holdBack(String line) {
            held.add(line);
        }
    }
}
