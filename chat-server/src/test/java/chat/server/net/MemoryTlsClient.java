package chat.server.net;

import chat.server.harness.ChatHarness;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;

/**
 * A TLS client (the JDK's engine, client mode) over a harness peer's memory transport: what it
 * writes is fed to the server, what the server wrote is what it reads. No socket, no thread: each
 * step lets the harness settle. On a failed handshake it sends no alert, as a client that just
 * hangs up.
 */
final class MemoryTlsClient {
    private final ChatHarness harness;
    final ChatHarness.Peer peer;
    private final SSLEngine engine;
    /** The server's records not yet decrypted (write mode). */
    private ByteBuffer fromServer = ByteBuffer.allocate(256 * 1024);
    private final StringBuilder text = new StringBuilder();
    private int taken;
    private boolean begun;

    MemoryTlsClient(ChatHarness harness, ChatHarness.Peer peer, SSLContext context) {
        this.harness = harness;
        this.peer = peer;
        this.engine = context.createSSLEngine("test.server", 6697);
        engine.setUseClientMode(true);
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
            if (!begun) {
                begun = true;
                engine.beginHandshake();
            }
            while (true) {
                switch (engine.getHandshakeStatus()) {
                    case NEED_WRAP -> wrap(ByteBuffer.allocate(0));
                    case NEED_TASK -> engine.getDelegatedTask().run();
                    case NEED_UNWRAP, NEED_UNWRAP_AGAIN -> {
                        if (!unwrap(ByteBuffer.allocate(32 * 1024))) {
                            harness.settle();
                            return false;
                        }
                    }
                    default -> {
                        harness.settle(); // the client's last flight
                        return true;
                    }
                }
            }
        } catch (SSLException e) {
            throw new UncheckedIOException(e);
        }
    }

    MemoryTlsClient send(String... lines) {
        try {
            for (String line : lines) {
                wrap(ByteBuffer.wrap((line + "\r\n").getBytes(StandardCharsets.UTF_8)));
            }
        } catch (SSLException e) {
            throw new UncheckedIOException(e);
        }
        harness.settle();
        return this;
    }

    /** As {@link #send}, the records cut into pieces of {@code pieceBytes}, the server taking a turn after each. */
    MemoryTlsClient sendInPieces(int pieceBytes, String... lines) {
        ByteBuffer records = ByteBuffer.allocate(engine.getSession().getPacketBufferSize() * 4);
        try {
            for (String line : lines) {
                engine.wrap(ByteBuffer.wrap((line + "\r\n").getBytes(StandardCharsets.UTF_8)), records);
            }
        } catch (SSLException e) {
            throw new UncheckedIOException(e);
        }
        for (int at = 0; at < records.position(); at += pieceBytes) {
            peer.transport.feed(Arrays.copyOfRange(records.array(), at, Math.min(at + pieceBytes, records.position())));
            harness.settle();
        }
        return this;
    }

    /** The whole lines the server sent since the last call, decrypted. */
    List<String> lines() {
        harness.drainOutput();
        ByteBuffer plain = ByteBuffer.allocate(32 * 1024);
        try {
            while (unwrap(plain.clear())) {
                text.append(new String(plain.array(), 0, plain.position(), StandardCharsets.UTF_8));
            }
        } catch (SSLException e) {
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

    private void wrap(ByteBuffer plain) throws SSLException {
        ByteBuffer records = ByteBuffer.allocate(engine.getSession().getPacketBufferSize() * 4);
        do {
            engine.wrap(plain, records);
        } while (plain.hasRemaining());
        peer.transport.feed(Arrays.copyOf(records.array(), records.position()));
    }

    /** One record from the server into {@code plain}; false when no whole record has arrived. */
    private boolean unwrap(ByteBuffer plain) throws SSLException {
        byte[] all = peer.transport.receivedBytes();
        fromServer.put(all, taken, all.length - taken);
        taken = all.length;
        fromServer.flip();
        try {
            SSLEngineResult result = engine.unwrap(fromServer, plain);
            return result.getStatus() == SSLEngineResult.Status.OK;
        } finally {
            fromServer.compact();
        }
    }
}
