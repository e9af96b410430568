package chat.server.net;

import chat.server.harness.ChatHarness;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import tlschannel.ClientTlsChannel;
import tlschannel.NeedsReadException;

/**
 * A TLS client over a harness peer's memory transport: what it writes is fed to the server, what
 * the server wrote is what it reads. No socket, no thread: each step lets the harness settle.
 */
final class MemoryTlsClient {
    private final ChatHarness harness;
    final ChatHarness.Peer peer;
    private final ClientTlsChannel channel;
    private final StringBuilder text = new StringBuilder();
    private int taken;

    MemoryTlsClient(ChatHarness harness, ChatHarness.Peer peer, SSLContext context) {
        this.harness = harness;
        this.peer = peer;
        ByteChannel wire = new ByteChannel() {
            @Override
            public int read(ByteBuffer dst) {
                byte[] all = peer.transport.receivedBytes();
                int count = Math.min(all.length - taken, dst.remaining());
                dst.put(all, taken, count);
                taken += count;
                return count;
            }

            @Override
            public int write(ByteBuffer src) {
                byte[] bytes = new byte[src.remaining()];
                src.get(bytes);
                peer.transport.feed(bytes);
                return bytes.length;
            }

            @Override
            public boolean isOpen() {
                return true;
            }

            @Override
            public void close() {
            }
        };
        channel = ClientTlsChannel.newBuilder(wire, context).build();
    }

    /** Runs the handshake to its end, the server taking a turn whenever the client waits for it. */
    MemoryTlsClient handshake() {
        return handshake(() -> { });
    }

    /** As {@link #handshake()}, running {@code between} after each of the server's turns (handshake steps held back). */
    MemoryTlsClient handshake(Runnable between) {
        for (int i = 0; i < 50; i++) {
            if (handshakeStep()) {
                return this;
            }
            between.run();
        }
        throw new AssertionError("the handshake did not end");
    }

    /** The client's next flight, then the server's turns; true when the client's side of the handshake is done. */
    boolean handshakeStep() {
        try {
            channel.handshake();
            harness.settle(); // the client's last flight
            return true;
        } catch (NeedsReadException waiting) {
            harness.settle();
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    MemoryTlsClient send(String... lines) {
        try {
            for (String line : lines) {
                channel.write(ByteBuffer.wrap((line + "\r\n").getBytes(StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        harness.settle();
        return this;
    }

    /** The whole lines the server sent since the last call, decrypted. */
    List<String> lines() {
        harness.drainOutput();
        ByteBuffer buffer = ByteBuffer.allocate(32 * 1024);
        try {
            while (true) {
                buffer.clear();
                int count = channel.read(buffer);
                if (count < 0) {
                    break;
                }
                text.append(new String(buffer.array(), 0, count, StandardCharsets.UTF_8));
            }
        } catch (NeedsReadException nothingMore) {
            // All that arrived is read.
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> lines = new ArrayList<>();
        int end;
        while ((end = text.indexOf("\r\n")) >= 0) {
            lines.add(text.substring(0, end));
            text.delete(0, end + 2);
        }
        return lines;
    }

    List<String> ask(String line) {
        lines();
        send(line);
        return lines();
    }
}
