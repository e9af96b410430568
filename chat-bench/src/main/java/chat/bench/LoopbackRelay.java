package chat.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The smallest IRC relay the bench needs, in the bench's own process on 127.0.0.1: a NOTICE on
 * connect, NICK and USER answered with the welcome numerics and a PING, JOIN with the JOIN to every
 * member, 353 and 366, PRIVMSG relayed to the room's other members, QUIT closes. CAP REQ is
 * acknowledged, and a client that asked gets relayed lines with a tag section of a real server's
 * size (time and msgid) and, with echo-message, its own lines back. {@link JitWarmup} runs a short bench against it so that the JIT compiles the bench's
 * hot paths (selector, reads, line scan, payload check, ledger, histogram, sends) before the real
 * server is measured. One thread, non-blocking; output is written once per loop turn.
 */
final class LoopbackRelay implements AutoCloseable {
    private static final String SERVER_NAME = "warmup.relay";
    private static final long SELECT_MILLIS = 100;

    private final ServerSocketChannel listener;
    private final Selector selector;
    private final Map<String, List<RelayPeer>> rooms = new HashMap<>();
    private final List<RelayPeer> withOutput = new ArrayList<>();
    private final ByteBuffer readBuffer = ByteBuffer.allocate(64 * 1024);
    private final Thread thread;
    private volatile boolean stopping;
    private long relayedWithoutColon;
    private long messageIds;

    LoopbackRelay() throws IOException {
        listener = ServerSocketChannel.open();
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        listener.configureBlocking(false);
        selector = Selector.open();
        listener.register(selector, SelectionKey.OP_ACCEPT);
        thread = new Thread(this::loop, "bench-warmup-relay");
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return listener.socket().getLocalPort();
    }

    private void loop() {
        try {
            while (!stopping) {
                selector.select(SELECT_MILLIS);
                for (SelectionKey key : selector.selectedKeys()) {
                    if (key.isValid() && key.isAcceptable()) {
                        accept();
                    } else if (key.isValid()) {
                        readOrClose((RelayPeer) key.attachment());
                    }
                }
                selector.selectedKeys().clear();
                flush();
            }
        } catch (IOException e) {
            // The relay only serves the warm-up: a broken relay shows there as a failed warm-up run.
        }
    }

    private void accept() throws IOException {
        for (SocketChannel channel; (channel = listener.accept()) != null; ) {
            channel.configureBlocking(false);
            // Without it Nagle holds small relayed batches until the bench's delayed ACK (40 ms).
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            RelayPeer peer = new RelayPeer(channel);
            peer.key = channel.register(selector, SelectionKey.OP_READ, peer);
            send(peer, "NOTICE * :*** warm-up relay of chat bench");
        }
    }

    private void readOrClose(RelayPeer peer) {
        try {
            if (peer.key.isWritable()) {
                write(peer);
            }
            readBuffer.clear();
            readBuffer.put(peer.partial);
            if (peer.channel.read(readBuffer) < 0) {
                close(peer);
                return;
            }
            byte[] bytes = readBuffer.array();
            int end = readBuffer.position();
            int start = 0;
            for (int newline; (newline = ByteScan.indexOfNewline(bytes, start, end)) >= 0 && peer.key.isValid();
                    start = newline + 1) {
                int lineEnd = newline > start && bytes[newline - 1] == '\r' ? newline - 1 : newline;
                handle(peer, new String(bytes, start, lineEnd - start, StandardCharsets.UTF_8));
            }
            peer.partial = Arrays.copyOfRange(bytes, start, end);
        } catch (IOException e) {
            close(peer);
        }
    }

    private void handle(RelayPeer peer, String line) {
        String[] words = line.split(" ", 3);
        switch (words[0]) {
            case "NICK" -> peer.nick = words[1];
            case "USER" -> welcome(peer);
            case "JOIN" -> {
                peer.room = words[1];
                List<RelayPeer> members = rooms.computeIfAbsent(peer.room, r -> new ArrayList<>());
                members.add(peer);
                byte[] join = line(":" + peer.nick + "!bench@127.0.0.1 JOIN " + peer.room);
                members.forEach(member -> queue(member, join));
                send(peer, ":" + SERVER_NAME + " 353 " + peer.nick + " = " + peer.room + " :" + peer.nick);
                send(peer, ":" + SERVER_NAME + " 366 " + peer.nick + " " + peer.room + " :End of NAMES list");
            }
            case "PRIVMSG" -> {
                // Every other message without the ':' of its one-word text, as some servers write it
                // (RFC 1459 2.3.1): the bench reads both, and here the JIT learns both.
                String text = relayedWithoutColon++ % 2 == 0 && words[2].startsWith(":") ? words[2].substring(1) : words[2];
                String relayedText = ":" + peer.nick + "!bench@127.0.0.1 PRIVMSG " + words[1] + " " + text;
                byte[] relayed = line(relayedText);
                byte[] tagged = line(String.format("@time=2026-12-05T12:00:00.000Z;msgid=%014d ", messageIds++) + relayedText);
                for (RelayPeer member : rooms.getOrDefault(words[1], List.of())) {
                    if (member != peer || member.echo) {
                        queue(member, member.tagged ? tagged : relayed);
                    }
                }
            }
            case "CAP" -> {
                if (words.length == 3 && words[1].equals("REQ")) {
                    String caps = words[2].startsWith(":") ? words[2].substring(1) : words[2];
                    peer.tagged = true;
                    peer.echo = (" " + caps + " ").contains(" echo-message ");
                    send(peer, ":" + SERVER_NAME + " CAP * ACK :" + caps);
                }
            }
            case "QUIT" -> close(peer);
            default -> {
                // PONG and anything else: nothing to answer.
            }
        }
    }

    /**
     * What real servers send between registration and JOIN (welcome numerics, MOTD, a PING), so the
     * bench's line handling meets every kind of line here first: code the JIT compiled for
     * room messages alone would be thrown away when the real server's first other line arrives.
     */
    private void welcome(RelayPeer peer) {
        for (String numeric : new String[] {"001", "002", "003", "004", "005", "375", "372", "376"}) {
            send(peer, ":" + SERVER_NAME + " " + numeric + " " + peer.nick + " :warm-up");
        }
        send(peer, "PING :" + SERVER_NAME);
    }

    private void send(RelayPeer peer, String line) {
        queue(peer, line(line));
    }

    private static byte[] line(String text) {
        return (text + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    private void queue(RelayPeer peer, byte[] line) {
        if (!peer.hasOutput()) {
            withOutput.add(peer);
        }
        peer.queue(line);
    }

    private void flush() {
        for (RelayPeer peer : withOutput.toArray(new RelayPeer[0])) {
            try {
                write(peer);
            } catch (IOException e) {
                close(peer);
            }
        }
    }

    private void write(RelayPeer peer) throws IOException {
        peer.write();
        if (!peer.hasOutput()) {
            withOutput.remove(peer);
        }
    }

    private void close(RelayPeer peer) {
        if (peer.room != null) {
            rooms.get(peer.room).remove(peer);
        }
        withOutput.remove(peer);
        peer.discardOutput();
        peer.key.cancel();
        try {
            peer.channel.close();
        } catch (IOException ignored) {
            // Closing a connection the relay is done with.
        }
    }

    @Override
    public void close() throws IOException {
        stopping = true;
        selector.wakeup();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (SelectionKey key : selector.keys()) {
            key.channel().close();
        }
        selector.close();
    }
}
