package chat.server;

import chat.server.harness.ChatHarness;
import chat.server.harness.ChatHarness.Peer;
import java.nio.charset.StandardCharsets;
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
 * The server's user-space work for one room message, from bytes read to bytes handed to every
 * member's transport: one loop turn of the in-memory harness (the same assembly as the real
 * server, with transports that take every byte, like fast readers): read and decode, flood and
 * fairness checks, parse, the PRIVMSG handler, encoding once, queueing the same array for every
 * other member, and each member's write through the loop's write stage. The kernel's share
 * (measured separately, see docs/BENCHMARKS.md) is left out. Time per message; divide by
 * members - 1 for the time per delivery.
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

    private ChatHarness chat;
    private Peer sender;
    private final byte[] message = ("PRIVMSG #bench :7.42.123456789." + "x".repeat(49) + "\r\n")
            .getBytes(StandardCharsets.UTF_8);

    /** Registers {@code members} clients and joins them to #bench through the real command path. */
    @Setup(Level.Trial)
    public void joinRoom() {
        chat = new ChatHarness(ChatHarness.testConfig().build());
        for (int i = 0; i < members; i++) {
            Peer member = chat.irc("member" + i);
            member.send("JOIN #bench");
            member.transport.discardWrites = true;
            if (sender == null) {
                sender = member;
            }
        }
        chat.settle();
    }

    @Benchmark
    public void relayOneMessageToTheRoom() {
        sender.transport.feed(message);
        chat.turn();
    }
}
