package chat.server.harness;

import chat.server.ChatServer;
import chat.server.ServerConfig;
import chat.server.history.History;
import chat.server.model.ServerState;
import chat.server.net.FakeClock;
import chat.server.net.Link;
import chat.server.net.LinkPipeline;
import chat.server.net.MemoryTransport;
import chat.server.net.Transport;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The whole chat (command table, sessions, rooms, flood control, timers, closing) without a
 * selector or a socket: each peer is a {@link MemoryTransport}, time is a {@link FakeClock}, and a
 * "turn" does what one turn of the event loop does. Like Netty's EmbeddedChannel: fast,
 * deterministic tests of handlers and limits, in milliseconds of fake time.
 */
public final class ChatHarness {
    /** Turns run by {@link #settle()} before it gives up: a test that needs more is looping. */
    private static final int MAX_SETTLE_TURNS = 10_000;

    public final FakeClock clock = new FakeClock();
    private final ServerState state;
    private final LinkPipeline pipeline;
    private final List<Peer> peers = new ArrayList<>();

    public ChatHarness(ServerConfig config) {
        this(config, History.disabled());
    }

    /** With history: queries should run inline ({@link History#open} with direct executors) to stay deterministic. */
    public ChatHarness(ServerConfig config, History history) {
        this(config, history, chat.server.account.Identity.inMemory(config.accounts()));
    }

    /** With these accounts (a test's own store behind them, for example). */
    public ChatHarness(ServerConfig config, History history, chat.server.account.Identity identity) {
        ChatServer.Assembly chat = ChatServer.assemble(config, clock, history, identity);
        this.state = chat.state();
        this.pipeline = chat.pipeline();
    }

    /** The test server's settings: the real defaults, server name "test.server", flood control off. */
    public static ServerConfig.Builder testConfig() {
        return ServerConfig.builder().serverName("test.server").floodLinesPerSecond(0);
    }

    public ServerState state() {
        return state;
    }

    public LinkPipeline pipeline() {
        return pipeline;
    }

    /** A new connection from 127.0.0.1; it has been greeted when this returns. */
    public Peer connect() {
        return connect("127.0.0.1", UnaryOperator.identity());
    }

    /**
     * A new connection from {@code address} whose memory transport is wrapped by {@code wrap}
     * (TLS over it, say); the peer's {@link MemoryTransport} is still what the test feeds and reads.
     */
    public Peer connect(String address, UnaryOperator<Transport> wrap) {
        MemoryTransport transport = new MemoryTransport(address);
        Link link = pipeline.open(wrap.apply(transport));
        transport.readInterest = true;
        Peer peer = new Peer(this, link, transport);
        peers.add(peer);
        turn();
        return peer;
    }

    /** A registered IRC client named {@code nick}, its welcome burst already read. */
    public Peer irc(String nick) {
        Peer peer = connect();
        peer.send("NICK " + nick, "USER " + nick + " 0 * :" + nick);
        peer.lines();
        return peer;
    }

    /** A plain-text (nc) user who typed {@code nick}, its welcome already read. */
    public Peer plain(String nick) {
        Peer peer = connect();
        peer.send(nick);
        peer.lines();
        return peer;
    }

    /** One loop turn: read what each peer sent (where the link wants to read), then the end of the turn. */
    public void turn() {
        pipeline.clock().tick();
        for (Peer peer : new ArrayList<>(peers)) {
            MemoryTransport transport = peer.transport;
            boolean readable = transport.readInterest && transport.hasInput();
            // Like a selector: only links that are ready for what they asked for get an event.
            if (!transport.closed && (readable || transport.writeInterest)) {
                pipeline.ready(peer.link, transport.writeInterest, readable);
            }
        }
        pipeline.endTurn();
    }

    /**
     * Turns until no peer has input the server is willing to read now and the loop has nothing due
     * (as the real loop, which selects without sleeping while lines wait their turn).
     */
    public void settle() {
        for (int i = 0; i < MAX_SETTLE_TURNS; i++) {
            turn();
            boolean pending = pipeline.nextDeadline() <= pipeline.clock().now();
            for (Peer peer : peers) {
                pending |= !peer.transport.closed && peer.transport.readInterest && peer.transport.hasInput();
            }
            if (!pending) {
                return;
            }
        }
        throw new AssertionError("the server kept reading for " + MAX_SETTLE_TURNS + " turns");
    }

    /**
     * Turns until no peer that reads (a {@code writeCapacity} above 0) has output waiting: what a
     * loop does for fast readers while nothing new arrives. Returns the turns it took.
     */
    public int drainOutput() {
        for (int i = 0; i < MAX_SETTLE_TURNS; i++) {
            boolean pending = false;
            for (Peer peer : peers) {
                MemoryTransport transport = peer.transport;
                pending |= !transport.closed && transport.writeInterest && transport.writeCapacity > 0;
            }
            if (!pending) {
                return i;
            }
            turn();
        }
        throw new AssertionError("output still waiting after " + MAX_SETTLE_TURNS + " turns");
    }

    /** Moves the fake clock, then runs a turn, as the loop would when it wakes up. */
    public void advance(long millis) {
        clock.advance(millis);
        settle();
    }

    /** Shuts down gracefully, as console 88 does, and runs turns until it is complete. */
    public void shutdown() {
        pipeline.beginShutdown();
        for (int i = 0; i < MAX_SETTLE_TURNS && !pipeline.shutdownComplete(); i++) {
            turn();
        }
    }

    /** One connected peer: what it sends goes in, what the server wrote comes out as lines. */
    public static final class Peer {
        private final ChatHarness harness;
        public final Link link;
        public final MemoryTransport transport;

        Peer(ChatHarness harness, Link link, MemoryTransport transport) {
            this.harness = harness;
            this.link = link;
            this.transport = transport;
        }

        /** Sends each line (CRLF added) and lets the server handle them. */
        public Peer send(String... lines) {
            for (String line : lines) {
                transport.feed(line + "\r\n");
            }
            harness.settle();
            return this;
        }

        /** Raw bytes, as they are. */
        public Peer sendRaw(byte[] bytes) {
            transport.feed(bytes);
            harness.settle();
            return this;
        }

        /** The lines the server wrote to this peer since the last call. */
        public List<String> lines() {
            return transport.takeLines();
        }

        /** Sends one line and returns what came back. */
        public List<String> ask(String line) {
            lines();
            send(line);
            return lines();
        }

        /** The server has closed this connection (after its last output drained). */
        public boolean isClosed() {
            return transport.closed;
        }

        /** The peer hangs up: end of stream on the server's next read. */
        public void hangUp() {
            transport.endInput();
            harness.settle();
        }
    }
}
