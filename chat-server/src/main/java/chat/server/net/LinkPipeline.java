package chat.server.net;

import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.function.BooleanSupplier;

/**
 * Everything the loop does with links, apart from the selector: open a link on a transport, read
 * and write it when the transport is ready, let waiting lines through, sweep deadlines, close at
 * the end of the turn. {@link EventLoop} drives it from selection keys; the in-memory test harness
 * drives it directly with fake transports and a fake clock, the way Netty's EmbeddedChannel drives
 * a pipeline without a socket.
 */
public final class LinkPipeline implements LinkHost {
    private static final System.Logger LOG = System.getLogger(LinkPipeline.class.getName());
    /** Shared by all links: each read fills it, the decoder takes what it needs, and it is reused. */
    private static final int READ_BUFFER_BYTES = 16 * 1024;

    private final LinkPolicy policy;
    private final LoopClock clock;
    private final LinkSession.Factory sessions;
    private final LinkTable links;
    private final InputStage input;
    private final OutputStage output = new OutputStage();
    private final Sweeper sweeper;
    private final Closer closer;
    private final AddressGate addresses;
    private final OutputBudget budget;
    private final ByteBuffer readBuffer = ByteBuffer.allocate(READ_BUFFER_BYTES);
    private long nextLinkId = 1;

    public LinkPipeline(LinkPolicy policy, LoopClock clock, LinkTable links, LinkSession.Factory sessions) {
        this.links = links;
        this.policy = policy;
        this.clock = clock;
        this.sessions = sessions;
        this.input = new InputStage(policy, clock);
        this.sweeper = new Sweeper(links, clock, policy.sweepIntervalMillis());
        this.closer = new Closer(links, clock);
        this.addresses = new AddressGate(policy.maxPerAddress(), policy.connectsPerMinute(), policy.exempt());
        this.budget = new OutputBudget(links.queued, policy.sendQueueTotalBytes(), links, clock);
    }

    public LinkTable links() {
        return links;
    }

    /**
     * While {@code hold} is true no client is read (back-pressure from the history writer, as
     * from a full send queue: TCP holds the lines, nothing is dropped). Whoever makes it false
     * again calls {@link #resumeReading()} on the loop thread.
     */
    public void holdInputWhile(BooleanSupplier hold) {
        input.holdWhile(hold);
    }

    private Runnable afterTurn = () -> { };

    /** Runs {@code task} at the end of every turn, after the writes and the tasks given before it (the history's and the cluster's hand-overs). */
    public void afterEachTurn(Runnable task) {
        Runnable before = afterTurn;
        afterTurn = () -> {
            before.run();
            task.run();
        };
    }

    /** Reads every link again that is not held for a reason of its own (loop thread). */
    public void resumeReading() {
        for (Link link : links.all()) {
            input.updateInterest(link);
        }
    }

    public LoopClock clock() {
        return clock;
    }

    /** True when no more links may be admitted (full, or shutting down). */
    boolean refusesNewLinks() {
        return links.size() >= policy.maxLinks() || closer.shuttingDown();
    }

    /**
     * Counts a new connection from {@code address} against the per-address limits.
     *
     * @return the key to open the link with (null when exempt)
     * @throws AddressGate.Refused with the line for the peer, when the address is over a limit
     */
    InetAddress admit(InetAddress address) throws AddressGate.Refused {
        return addresses.admit(address, clock.now());
    }

    /** Gives back an admission whose link was never opened. */
    void release(InetAddress addressKey) {
        addresses.release(addressKey);
    }

    /** A new link on {@code transport}; its session is made (and may greet) before this returns. */
    public Link open(Transport transport) {
        return open(transport, null);
    }

    /** A new link admitted under {@code addressKey} (from {@link #admit}; null when not counted). */
    public Link open(Transport transport, InetAddress addressKey) {
        Link link = new Link(nextLinkId++, transport, addressKey, this, policy, links.queued, clock.now());
        if (policy.floodControlEnabled()) {
            link.flood = new FloodBucket(policy.floodLinesPerSecond(), policy.floodBurstLines(), clock.now());
        }
        links.add(link);
        link.attach(sessions.open(link));
        LOG.log(Level.DEBUG, () -> "accepted " + link);
        return link;
    }

    /** The transport has output room and, or, input: write, read, and set the interest again. */
    public void ready(Link link, boolean writable, boolean readable) {
        try {
            if (writable) {
                output.writeSome(link);
            }
            if (readable && !link.isClosing() && !link.isClosed()) {
                readBuffer.clear();
                input.read(link, readBuffer);
            }
            input.updateInterest(link);
        } catch (RuntimeException unexpected) {
            LOG.log(Level.WARNING, "link " + link + " failed; closing it", unexpected);
            link.requestClose("Internal error");
        }
    }

    /** The part of a turn after the ready events: waiting lines, timers, closes, then every pending write. */
    public void endTurn() {
        if (input.hasRereads()) {
            for (Link link : input.takeRereads()) {
                if (!link.isClosed()) {
                    ready(link, false, true);
                }
            }
        }
        input.processBacklogs();
        sweeper.fireDue();
        closer.leaveChat(input);
        output.flushAll(input);
        // After the writes and the refills of streamed replies, so every turn ends within the
        // budget; the links it drops leave the chat at the start of the next turn (which comes at
        // once: nextDeadline sees the pending closes).
        budget.enforce();
        closer.closeDrained();
        addresses.purge(clock.now());
        afterTurn.run();
    }

    /** The earliest time the loop must wake without any event (flood tokens, sweep, drains). */
    public long nextDeadline() {
        if (closer.hasPending()) {
            return clock.now();
        }
        return Math.min(Math.min(sweeper.nextDeadline(), input.nextDeadline()), closer.nextDeadline());
    }

    public void beginShutdown() {
        closer.beginShutdown();
    }

    public boolean shuttingDown() {
        return closer.shuttingDown();
    }

    public boolean shutdownComplete() {
        return closer.shutdownComplete();
    }

    /** Releases every transport at once: the loop is ending. */
    public void closeAll() {
        closer.closeAll();
    }

    /** How long a leaving link's last output may take, and so how long a graceful stop may take. */
    public static long drainMillis() {
        return Closer.DRAIN_MILLIS;
    }

    @Override
    public void flushSoon(Link link) {
        output.flushSoon(link);
    }

    @Override
    public void closeSoon(Link link) {
        closer.closeSoon(link);
    }

    @Override
    public void closed(Link link) {
        addresses.release(link.addressKey());
    }

    @Override
    public long nowMillis() {
        return clock.now();
    }
}
