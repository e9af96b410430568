package chat.server.net;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * A transport in memory, for tests without sockets: bytes the test "sends" wait in an inbound
 * queue until the pipeline reads them; bytes the server writes are kept (at most
 * {@link #writeCapacity} per write, like a full kernel buffer) until the test takes them as lines.
 */
public final class MemoryTransport implements Transport {
    private final String peerAddress;
    private final ArrayDeque<byte[]> inbound = new ArrayDeque<>();
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private int consumedUpTo;
    private boolean endOfInput;
    /** Bytes the peer takes per write; lower it to play a slow reader, 0 for one that never reads. */
    public int writeCapacity = Integer.MAX_VALUE;
    /** Takes every byte written and keeps none: a fast reader for benchmarks. */
    public boolean discardWrites;
    public boolean readInterest;
    public boolean writeInterest;
    public boolean outputShutdown;
    public boolean closed;
    /** What a TLS transport would say of the peer's client certificate (SASL EXTERNAL); null: none. */
    public String certificateFingerprint;

    public MemoryTransport(String peerAddress) {
        this.peerAddress = peerAddress;
    }

    /** Bytes from the peer, read on the next readable event. */
    public void feed(byte[] bytes) {
        inbound.add(bytes);
    }

    public void feed(String text) {
        feed(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The peer closes its side: the next read returns -1 once the queued bytes are read. */
    public void endInput() {
        endOfInput = true;
    }

    public boolean hasInput() {
        return !inbound.isEmpty() || endOfInput;
    }

    @Override
    public int read(ByteBuffer into) {
        if (inbound.isEmpty()) {
            return endOfInput ? -1 : 0;
        }
        byte[] next = inbound.peek();
        int count = Math.min(next.length, into.remaining());
        into.put(next, 0, count);
        inbound.poll();
        if (count < next.length) {
            byte[] rest = new byte[next.length - count];
            System.arraycopy(next, count, rest, 0, rest.length);
            inbound.addFirst(rest);
        }
        return count;
    }

    @Override
    public int write(ByteBuffer from) {
        if (discardWrites) {
            int all = from.remaining();
            from.position(from.limit());
            return all;
        }
        int count = Math.min(writeCapacity, from.remaining());
        for (int i = 0; i < count; i++) {
            received.write(from.get());
        }
        return count;
    }

    @Override
    public void setInterest(boolean read, boolean write) {
        readInterest = read;
        writeInterest = write;
    }

    @Override
    public void shutdownOutput() {
        outputShutdown = true;
    }

    @Override
    public void close() {
        closed = true;
    }

    @Override
    public java.util.Optional<String> peerCertificateFingerprint() {
        return java.util.Optional.ofNullable(certificateFingerprint);
    }

    @Override
    public String peerAddress() {
        return peerAddress;
    }

    /** Everything written so far, as bytes. */
    public byte[] receivedBytes() {
        return received.toByteArray();
    }

    /** The whole lines written since the last call, without their CRLF. */
    public List<String> takeLines() {
        String all = received.toString(StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>();
        int start = consumedUpTo;
        int end;
        while ((end = all.indexOf("\r\n", start)) >= 0) {
            lines.add(all.substring(start, end));
            start = end + 2;
        }
        consumedUpTo = start;
        return lines;
    }
}
