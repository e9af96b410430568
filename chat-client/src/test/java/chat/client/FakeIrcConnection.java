package chat.client;

import chat.protocol.IrcMessage;
import chat.protocol.IrcParser;
import chat.protocol.MalformedMessageException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** One client of the {@link FakeIrcServer}: reads its lines on its own thread and answers them. */
public final class FakeIrcConnection {
    private final FakeIrcServer server;
    private final Socket socket;
    private final OutputStream out;
    private String nick;
    private boolean user;
    private boolean registered;

    FakeIrcConnection(FakeIrcServer server, Socket socket) throws IOException {
        this.server = server;
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
                server.record(record);
                if (!stays) {
                    break;
                }
            }
        } catch (IOException closed) {
            // the client went away
        }
        leaveAll("Connection closed");
        server.clients.remove(this);
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
            case "PING" -> send(":" + FakeIrcServer.NAME + " PONG " + FakeIrcServer.NAME + " :" + trailing);
            case "JOIN" -> join(arg);
            case "PART" -> {
                broadcast(arg, ":" + prefix() + " PART " + arg, null);
                server.rooms.getOrDefault(arg, Set.of()).remove(this);
            }
            case "PRIVMSG" -> relay(arg, trailing);
            case "QUIT" -> {
                send("ERROR :Closing link (" + trailing + ")");
                leaveAll(trailing);
                return false;
            }
            default -> send(":" + FakeIrcServer.NAME + " 421 " + nick + " " + command + " :Unknown command");
        }
        return true;
    }

    private void nick(String wanted) {
        boolean inUse = server.takenNicks.contains(wanted)
                || server.clients.stream().anyMatch(c -> c != this && wanted.equals(c.nick));
        if (inUse) {
            send(":" + FakeIrcServer.NAME + " 433 " + (nick == null ? "*" : nick) + " " + wanted + " :Nickname is already in use");
            return;
        }
        String before = registered ? prefix() : null;
        nick = wanted;
        if (before != null) {
            send(":" + before + " NICK " + wanted);
            server.rooms.values().stream().filter(m -> m.contains(this)).flatMap(Set::stream).distinct()
                    .filter(c -> c != this).forEach(c -> c.send(":" + before + " NICK " + wanted));
        }
        welcomeIfReady();
    }

    private void welcomeIfReady() {
        if (!registered && nick != null && user) {
            registered = true;
            send(":" + FakeIrcServer.NAME + " 001 " + nick + " :Welcome to the fake network " + nick);
            send(":" + FakeIrcServer.NAME + " 005 " + nick + " PREFIX=(ov)@+ :are supported by this server");
        }
    }

    private void join(String room) {
        Set<FakeIrcConnection> members = server.rooms.computeIfAbsent(room, r -> ConcurrentHashMap.newKeySet());
        members.add(this);
        broadcast(room, ":" + prefix() + " JOIN " + room, null);
        StringBuilder names = new StringBuilder();
        for (FakeIrcConnection member : members) {
            names.append(names.length() == 0 ? "" : " ").append(member == this && members.size() == 1 ? "@" : "")
                    .append(member.nick);
        }
        send(":" + FakeIrcServer.NAME + " 353 " + nick + " = " + room + " :" + names);
        send(":" + FakeIrcServer.NAME + " 366 " + nick + " " + room + " :End of NAMES list");
    }

    private void relay(String target, String text) {
        String line = ":" + prefix() + " PRIVMSG " + target + " :" + text;
        if (target.startsWith("#")) {
            broadcast(target, line, this);
            return;
        }
        server.clients.stream().filter(c -> target.equals(c.nick)).forEach(c -> c.send(line));
    }

    private void broadcast(String room, String line, FakeIrcConnection except) {
        for (FakeIrcConnection member : server.rooms.getOrDefault(room, Set.of())) {
            if (member != except) {
                member.send(line);
            }
        }
    }

    private void leaveAll(String reason) {
        Set<FakeIrcConnection> told = new HashSet<>();
        for (Set<FakeIrcConnection> members : server.rooms.values()) {
            if (members.remove(this)) {
                for (FakeIrcConnection member : members) {
                    if (told.add(member) && nick != null) {
                        member.send(":" + prefix() + " QUIT :" + reason);
                    }
                }
            }
        }
    }
}
