package chat.server;

import chat.protocol.DecodedLine;
import chat.protocol.LineDecoder;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The server's user-space work for one room message, from a decoded line to bytes handed to the
 * socket: routing and parsing, the PRIVMSG handler, encoding once, queueing the same array for every
 * other member, and each member's write through the loop's {@link WriteStage}. The socket is a
 * channel that takes everything, so the kernel's share (measured separately, see docs/BENCHMARKS.md)
 * is left out. Time per message; divide by members - 1 for the time per delivery.
 *
 * <p>Forked with the launcher's JVM options (C1 only, serial GC), which the server ships with.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"})
public class RelayBenchmark {
    @Param({"20", "200"})
    public int members;

    private final List<Connection> room = new ArrayList<>();
    private final WriteStage stage = new WriteStage((int) Closer.WRITE_BYTES_PER_TURN);
    private final WritableByteChannel socket = new AcceptEverything();
    private LineRouter router;
    private DecodedLine message;

    /** Registers {@code members} connections and joins them to #bench through the real command path. */
    @Setup(Level.Trial)
    public void joinRoom() {
        ChatState state = new ChatState(ServerConfig.defaults());
        router = new LineRouter(state, Commands.table(state));
        ConnectionHost host = new ConnectionHost() {
            @Override
            public void flushSoon(Connection connection) {
            }

            @Override
            public void closeSoon(Connection connection) {
                throw new IllegalStateException("closed in a benchmark: " + connection.closeReason());
            }
        };
        for (int i = 0; i < members; i++) {
            Connection connection = new Connection(i, null, null, "127.0.0.1", host, Integer.MAX_VALUE, 0);
            state.connections.add(connection);
            for (String line : List.of("NICK member" + i, "USER u 0 * :bench", "JOIN #bench")) {
                router.route(connection, decoded(line));
            }
            room.add(connection);
        }
        drainAll();
        message = decoded("PRIVMSG #bench :7.42.123456789." + "x".repeat(49));
    }

    @Benchmark
    public void relayOneMessageToTheRoom() throws Exception {
        router.route(room.get(0), message);
        drainAll();
    }

    private void drainAll() {
        try {
            for (Connection connection : room) {
                while (!connection.out.isEmpty()) {
                    connection.out.writeTo(socket, Closer.WRITE_BYTES_PER_TURN, stage);
                }
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static DecodedLine decoded(String line) {
        return new LineDecoder().next(ByteBuffer.wrap((line + "\r\n").getBytes(StandardCharsets.UTF_8)));
    }

    /** A socket with endless room: takes every byte, like a fast reader. */
    private static final class AcceptEverything implements WritableByteChannel {
        @Override
        public int write(ByteBuffer source) {
            int count = source.remaining();
            source.position(source.limit());
            return count;
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void close() {
        }
    }
}
