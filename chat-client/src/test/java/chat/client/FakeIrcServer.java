package chat.client;

import chat.protocol.IrcMessage;
import chat.protocol.IrcParser;
import chat.protocol.MalformedMessageException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
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
final class FakeIrcServer implements AutoCloseable {
    private static final String NAME = "fake.test";

    private final ServerSocket listener;
    private final Set<String> takenNicks = ConcurrentHashMap.newKeySet();
    private final List<Client> clients = new CopyOnWriteArrayList<>();
    private final Map<String, Set<Client>> rooms = new ConcurrentHashMap<>();
    private final List<String> history = new ArrayList<>();

    FakeIrcServer(int port) throws IOException {
        listener = new ServerSocket();
        listener.setReuseAddress(true);
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        Thread acceptor = new Thread(this::acceptLoop, "fake-irc-accept");
        acceptor.setDaemon(true);
        acceptor.start();
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

    private void record(String line) {
        synchronized (history) {
            history.add(line);
            history.notifyAll();
        }
    }

    String await(String exact) throws InterruptedException {
        return await(exact::equals, Duration.ofSeconds(10));
    }

    /** Sends a raw line to every registered client in the room. */
    void sendToRoom(String room, String rawLine) {
        for (Client member : rooms.getOrDefault(room, Set.of())) {
            member.send(rawLine);
        }
    }

    /** Sends raw bytes (not necessarily UTF-8, CRLF included by the caller) to every member of the room. */
    void sendBytesToRoom(String room, byte[] bytes) throws IOException {
        for (Client member : rooms.getOrDefault(room, Set.of())) {
            member.sendBytes(bytes);
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Client client : clients) {
            client.close();
        }
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket socket = listener.accept();
                Client client = new Client(socket);
                clients.add(client);
                Thread reader = new Thread(client::readLoop, "fake-irc-client");
                reader.setDaemon(true);
                reader.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private final class Client {
        private final Socket socket;
        private final OutputStream out;
        private String nick;
        private boolean user;
        private boolean registered;

        Client(Socket socket) throws IOException {
            this.socket = socket;
            this.out = socket.getOutputStream();
        }

        String prefix() {
            return nick + "!" + nick + "@127.0.0.1";
        }

        synchronized void send(String line) {
            try {
                out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            } catch (IOException gone) {
                close();
            }
        }

        synchronized void sendBytes(byte[] bytes) throws IOException {
            out.write(bytes);
            out.flush();
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // already closed
            }
        }

        void readLoop() {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    String record = (nick == null ? "*" : nick) + ": " + line;
                    // Recorded after handling, so a test that saw the line knows its relays were sent.
                    boolean stays = handle(line);
                    record(record);
                    if (!stays) {
                        break;
                    }
                }
            } catch (IOException closed) {
                // the client went away
            }
            leaveAll("Connection closed");
            clients.remove(this);
            close();
        }

        /** Returns false when the client quit. */
        private boolean handle(String line) {
            IrcMessage message;
            try {
                message = IrcParser.parse(line);
            } catch (MalformedMessageException e) {
                return true;
            }
            String command = message.command();
            String arg = message.paramCount() > 0 ? message.param(0) : "";
            String trailing = message.paramCount() > 0 ? message.lastParam() : "";
            switch (command) {
                case "NICK" -> nick(arg);
                case "USER" -> {
                    user = true;
                    welcomeIfReady();
                }
                case "PING" -> send(":" + NAME + " PONG " + NAME + " :" + trailing);
                case "JOIN" -> join(arg);
                case "PART" -> {
                    broadcast(arg, ":" + prefix() + " PART " + arg, null);
                    rooms.getOrDefault(arg, Set.of()).remove(this);
                }
                case "PRIVMSG" -> relay(arg, trailing);
                case "QUIT" -> {
                    send("ERROR :Closing link (" + trailing + ")");
                    leaveAll(trailing);
                    return false;
                }
                default -> send(":" + NAME + " 421 " + nick + " " + command + " :Unknown command");
            }
            return true;
        }

        private void nick(String wanted) {
            boolean inUse = takenNicks.contains(wanted)
                    || clients.stream().anyMatch(c -> c != this && wanted.equals(c.nick));
            if (inUse) {
                send(":" + NAME + " 433 " + (nick == null ? "*" : nick) + " " + wanted + " :Nickname is already in use");
                return;
            }
            String before = registered ? prefix() : null;
            nick = wanted;
            if (before != null) {
                send(":" + before + " NICK " + wanted);
                rooms.values().stream().filter(m -> m.contains(this)).flatMap(Set::stream).distinct()
                        .filter(c -> c != this).forEach(c -> c.send(":" + before + " NICK " + wanted));
            }
            welcomeIfReady();
        }

        private void welcomeIfReady() {
            if (!registered && nick != null && user) {
                registered = true;
                send(":" + NAME + " 001 " + nick + " :Welcome to the fake network " + nick);
                send(":" + NAME + " 005 " + nick + " PREFIX=(ov)@+ :are supported by this server");
            }
        }

        private void join(String room) {
            Set<Client> members = rooms.computeIfAbsent(room, r -> ConcurrentHashMap.newKeySet());
            members.add(this);
            broadcast(room, ":" + prefix() + " JOIN " + room, null);
            StringBuilder names = new StringBuilder();
            for (Client member : members) {
                names.append(names.length() == 0 ? "" : " ").append(member == this && members.size() == 1 ? "@" : "")
                        .append(member.nick);
            }
            send(":" + NAME + " 353 " + nick + " = " + room + " :" + names);
            send(":" + NAME + " 366 " + nick + " " + room + " :End of NAMES list");
        }

        private void relay(String target, String text) {
            String line = ":" + prefix() + " PRIVMSG " + target + " :" + text;
            if (target.startsWith("#")) {
                broadcast(target, line, this);
                return;
            }
            clients.stream().filter(c -> target.equals(c.nick)).forEach(c -> c.send(line));
        }

        private void broadcast(String room, String line, Client except) {
            for (Client member : rooms.getOrDefault(room, Set.of())) {
                if (member != except) {
                    member.send(line);
                }
            }
        }

        private void leaveAll(String reason) {
            Set<Client> told = new HashSet<>();
            for (Set<Client> members : rooms.values()) {
                if (members.remove(this)) {
                    for (Client member : members) {
                        if (told.add(member) && nick != null) {
                            member.send(":" + prefix() + " QUIT :" + reason);
                        }
                    }
                }
            }
        }
    }
}
