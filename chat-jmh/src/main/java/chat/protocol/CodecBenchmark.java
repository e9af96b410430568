package chat.protocol;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The codec's share of relaying one chat line: bytes to lines (LineDecoder with its UTF-8 and
 * forbidden-byte judgement), a line to a message (IrcParser), and the relayed message back to wire
 * bytes (IrcEncoder), on lines shaped like the fan-out benchmark's (a 64-byte payload to a room).
 * Time per line. Forked with the launcher's JVM options (C1 only, serial GC), which server and
 * client ship with; {@code -jvmArgsAppend -XX:TieredStopAtLevel=4} on the command line adds C2.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"})
public class CodecBenchmark {
    static final int LINES = 64;

    private ByteBuffer wire;
    private final LineDecoder decoder = new LineDecoder();
    private IrcMessage relayed;

    @Setup
    public void prepare() {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < LINES; i++) {
            String payload = (i % 20) + "." + i + "." + (123_456_789L + i) + ".";
            lines.append("PRIVMSG #room").append(i % 10).append(" :").append(payload)
                    .append("x".repeat(64 - payload.length())).append("\r\n");
        }
        wire = ByteBuffer.wrap(lines.toString().getBytes(StandardCharsets.UTF_8));
        relayed = new IrcMessage(Map.of(), "client17!~bench@127.0.0.1", "PRIVMSG",
                List.of("#room7", "7.42.123456789." + "x".repeat(49)));
    }

    @Benchmark
    @OperationsPerInvocation(LINES)
    public void decode(Blackhole sink) {
        ByteBuffer in = wire.duplicate();
        DecodedLine line;
        while ((line = decoder.next(in)) != null) {
            sink.consume(line);
        }
    }

    @Benchmark
    @OperationsPerInvocation(LINES)
    public void decodeAndParse(Blackhole sink) throws MalformedMessageException {
        ByteBuffer in = wire.duplicate();
        DecodedLine line;
        while ((line = decoder.next(in)) != null) {
            sink.consume(IrcParser.parse((DecodedLine.Text) line));
        }
    }

    @Benchmark
    public byte[] encodeRelayedMessage() {
        return IrcEncoder.encode(relayed);
    }
}
