package chat.client;

import chat.protocol.DecodedLine;
import chat.protocol.IrcEncoder;
import chat.protocol.IrcMessage;
import chat.protocol.IrcParser;
import chat.protocol.LineDecoder;
import chat.protocol.MalformedMessageException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/**
 * The only thread that touches the socket. It connects without blocking, reads whole lines with a
 * {@link LineDecoder}, hands parsed messages to its {@link NetworkListener}, and writes what other
 * threads queued (they call {@link #sendNow}/{@link #sendPaced}, which wake the selector). Timers
 * (connect and registration timeouts, reconnect delay, message pacing, the wait after QUIT) are
 * deadlines turned into the select timeout, so nothing here ever sleeps or blocks.
 */
final class NetworkLoop implements Runnable {
    private static final System.Logger LOG = System.getLogger(NetworkLoop.class.getName());
    private static final long CONNECT_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final long REGISTRATION_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(30);
    /** After QUIT, how long to wait for the server to close first (so the QUIT is surely read). */
    private static final long QUIT_WAIT_NANOS = TimeUnit.SECONDS.toNanos(2);
    private static final int READ_BUFFER_BYTES = 16 * 1024;
    private static final long NONE = Long.MAX_VALUE;

    /** One queued line; the last one (the QUIT) ends the session once written. */
    private record Outgoing(byte[] bytes, boolean last) {
    }

    private final InetSocketAddress address;
    private final NetworkListener listener;
    private final ReconnectBackoff backoff;
    private final SendPacer pacer;
    private final boolean reconnect;
    private final Selector selector;
    private final ConcurrentLinkedQueue<byte[]> urgent = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Outgoing> paced = new ConcurrentLinkedQueue<>();
    private final ArrayDeque<ByteBuffer> writing = new ArrayDeque<>();
    private final ByteBuffer readBuffer = ByteBuffer.allocate(READ_BUFFER_BYTES);
    private final CompletableFuture<Integer> finished = new CompletableFuture<>();
    private volatile boolean leaving;
    private volatile int abortCode = -1;

    private SocketChannel channel;
    private SelectionKey key;
    private LineDecoder decoder;
    private boolean connected;
    private boolean everConnected;
    private boolean gateOpen;
    private boolean lastQueued;
    private boolean quitWritten;
    private long deadlineNanos = NONE;
    private long reconnectAtNanos;

    NetworkLoop(InetSocketAddress address, NetworkListener listener, ReconnectBackoff backoff, SendPacer pacer,
            boolean reconnect) throws IOException {
        this.address = address;
        this.listener = listener;
        this.backoff = backoff;
        this.pacer = pacer;
        this.reconnect = reconnect;
        this.selector = Selector.open();
    }

    /** Completes with the exit code when the session is over. */
    CompletableFuture<Integer> finished() {
        return finished;
    }

    /** Protocol traffic (registration, PONG): written at once, ahead of the user's messages. */
    void sendNow(IrcMessage message) {
        urgent.add(IrcEncoder.encode(message));
        selector.wakeup();
    }

    /**
     * A user's message: encoded here, on the caller's thread, so a message that cannot be encoded
     * fails where it was typed; sent in order, paced, once registration is done.
     */
    void sendPaced(IrcMessage message) {
        paced.add(new Outgoing(IrcEncoder.encode(message), false));
        selector.wakeup();
    }

    /** Sends the QUIT after everything queued before it, waits briefly for the server to close, ends. */
    void leave(IrcMessage quit) {
        byte[] bytes = IrcEncoder.encode(quit);
        leaving = true;
        paced.add(new Outgoing(bytes, true));
        selector.wakeup();
    }

    /** Ends the session with this exit code at the loop's next turn (any thread). */
    void abort(int exitCode) {
        abortCode = exitCode;
        selector.wakeup();
    }

    /** Registration is complete and the rooms are joined (network thread only): user messages may flow. */
    void openGate() {
        gateOpen = true;
        if (!quitWritten) {
            deadlineNanos = NONE;
        }
    }

    @Override
    public void run() {
        reconnectAtNanos = System.nanoTime();
        try {
            while (!finished.isDone()) {
                turn();
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "network loop failed", e);
            listener.lost("internal error: " + e, true, -1);
            finished.complete(1);
        } finally {
            closeChannel();
            try {
                selector.close();
            } catch (IOException ignored) {
                // nothing left to release
            }
        }
    }

    private void turn() throws IOException {
        long now = System.nanoTime();
        if (abortCode >= 0) {
            finished.complete(abortCode);
            return;
        }
        if (channel == null) {
            if (leaving && everConnected) {
                finished.complete(0); // leaving while waiting to reconnect: nothing to flush
                return;
            }
            if (now - reconnectAtNanos >= 0) {
                startConnect(now);
            }
        } else if (deadlineNanos != NONE && now - deadlineNanos >= 0) {
            expire();
            return;
        }
        if (connected) {
            queueAndWrite(now);
        }
        if (finished.isDone()) {
            return;
        }
        long waitMillis = waitMillis(System.nanoTime());
        if (waitMillis == 0) {
            selector.select();
        } else {
            selector.select(waitMillis);
        }
        for (SelectionKey ready : selector.selectedKeys()) {
            if (ready.isValid() && ready.isConnectable()) {
                finishConnect();
            }
            if (ready.isValid() && ready.isReadable()) {
                read();
            }
            if (ready.isValid() && ready.isWritable()) {
                write();
            }
        }
        selector.selectedKeys().clear();
    }

    /** Milliseconds until the next deadline, at least 1; 0 means none (wait for I/O or a wakeup). */
    private long waitMillis(long now) {
        long next = NONE;
        if (channel == null) {
            next = reconnectAtNanos;
        } else if (deadlineNanos != NONE) {
            next = deadlineNanos;
        }
        if (connected && gateOpen && !paced.isEmpty()) {
            next = Math.min(next, now + pacer.waitNanos(now));
        }
        return next == NONE ? 0 : Math.max(1, TimeUnit.NANOSECONDS.toMillis(next - now + 999_999));
    }

    private void startConnect(long now) {
        try {
            channel = SocketChannel.open();
            channel.configureBlocking(false);
            decoder = new LineDecoder();
            deadlineNanos = now + CONNECT_TIMEOUT_NANOS;
            if (channel.connect(address)) {
                key = channel.register(selector, SelectionKey.OP_READ);
                established();
            } else {
                key = channel.register(selector, SelectionKey.OP_CONNECT);
            }
        } catch (IOException e) {
            drop(describe(e));
        }
    }

    private void finishConnect() {
        try {
            if (channel.finishConnect()) {
                key.interestOps(SelectionKey.OP_READ);
                established();
            }
        } catch (IOException e) {
            drop(describe(e));
        }
    }

    private void established() {
        connected = true;
        everConnected = true;
        backoff.connected(System.currentTimeMillis());
        deadlineNanos = System.nanoTime() + REGISTRATION_TIMEOUT_NANOS;
        listener.connected();
    }

    private void expire() {
        if (quitWritten) {
            finished.complete(0);
        } else {
            drop(connected ? "the server did not finish registration in time" : "connecting timed out");
        }
    }

    private void read() {
        try {
            int count = channel.read(readBuffer);
            if (count < 0) {
                drop("the server closed the connection");
                return;
            }
            readBuffer.flip();
            DecodedLine line;
            while (channel != null && (line = decoder.next(readBuffer)) != null) {
                if (line instanceof DecodedLine.Text text) {
                    deliver(text.text());
                } else {
                    listener.unreadable(describe(line));
                }
            }
            readBuffer.clear();
        } catch (IOException e) {
            drop(describe(e));
        }
    }

    private void deliver(String text) {
        try {
            listener.received(IrcParser.parse(text));
        } catch (MalformedMessageException e) {
            LOG.log(System.Logger.Level.DEBUG, "ignored a malformed line from the server: {0}", e.getMessage());
        }
    }

    /** Moves what may go now into the write queue (protocol first, then paced user lines) and writes. */
    private void queueAndWrite(long now) {
        byte[] next;
        while ((next = urgent.poll()) != null) {
            writing.add(ByteBuffer.wrap(next));
        }
        while (gateOpen && !lastQueued && !paced.isEmpty() && pacer.waitNanos(now) == 0) {
            Outgoing line = paced.poll();
            pacer.take(now);
            writing.add(ByteBuffer.wrap(line.bytes()));
            lastQueued = line.last();
        }
        write();
    }

    private void write() {
        try {
            while (!writing.isEmpty()) {
                ByteBuffer head = writing.peek();
                channel.write(head);
                if (head.hasRemaining()) {
                    break;
                }
                writing.poll();
            }
        } catch (IOException e) {
            drop(describe(e));
            return;
        }
        key.interestOps(SelectionKey.OP_READ | (writing.isEmpty() ? 0 : SelectionKey.OP_WRITE));
        if (lastQueued && writing.isEmpty() && !quitWritten) {
            quitWritten = true;
            deadlineNanos = System.nanoTime() + QUIT_WAIT_NANOS;
        }
    }

    /** The connection is gone: decide between finishing and trying again later. */
    private void drop(String reason) {
        boolean wasConnected = everConnected;
        boolean wasUp = connected;
        closeChannel();
        if (quitWritten) {
            finished.complete(0);
        } else if (!wasConnected) {
            listener.failed(reason);
            finished.complete(1);
        } else if (leaving && reconnect) {
            finished.complete(0);
        } else if (!reconnect) {
            listener.lost(reason, wasUp, -1);
            finished.complete(1);
        } else {
            long delayMillis = backoff.nextDelayMillis(System.currentTimeMillis());
            reconnectAtNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(delayMillis);
            listener.lost(reason, wasUp, delayMillis);
        }
    }

    private void closeChannel() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing a socket that is already broken has nothing left to report
            }
        }
        channel = null;
        key = null;
        connected = false;
        gateOpen = false;
        lastQueued = false;
        deadlineNanos = NONE;
        writing.clear();
        urgent.clear();
    }

    private static String describe(DecodedLine refused) {
        if (refused instanceof DecodedLine.TooLong tooLong) {
            return "a line longer than " + tooLong.limitBytes() + " bytes";
        }
        return refused instanceof DecodedLine.InvalidUtf8 ? "a line that is not valid UTF-8" : "a line holding NUL or a stray CR";
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message;
    }
}
