package chat.server.account;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What one login costs the server, by mechanism: PLAIN (and /login, REGISTER) pays an Argon2id
 * verification on a hashing thread; SCRAM-SHA-256 pays a few HMACs on the event loop (the client
 * pays the PBKDF2 rounds). Also what making an account costs (hash plus SCRAM credentials).
 * Forked with the launcher's JVM options.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"})
public class LoginBenchmark {
    private static final String PASSWORD = "correct horse battery";
    private final PasswordHasher hasher = new PasswordHasher();
    private String hash;
    private Account account;
    private byte[] clientFirst;
    private byte[] clientFinal;

    @Setup
    public void setUp() {
        hash = hasher.hash(PASSWORD);
        account = new Account("alice", hash, ScramCredentials.derive(PASSWORD), Set.of(), 0);
        ScramClient client = new ScramClient("alice", PASSWORD, "clientnonce");
        clientFirst = client.first().getBytes(StandardCharsets.UTF_8);
        ScramExchange exchange = new ScramExchange(name -> account, new byte[32], "servernonce");
        String serverFirst = new String(((ScramExchange.Challenge) exchange.next(clientFirst)).data(),
                StandardCharsets.UTF_8);
        clientFinal = client.last(serverFirst).getBytes(StandardCharsets.UTF_8);
    }

    /** PLAIN's cost: one Argon2id verification (m=19456 KiB, t=2, p=1). */
    @Benchmark
    public boolean plainArgon2Verify() {
        return hasher.verify(PASSWORD, hash);
    }

    /** SCRAM's cost to the server: both steps of the exchange, proof checked. */
    @Benchmark
    public Object scramServerExchange() {
        ScramExchange exchange = new ScramExchange(name -> account, new byte[32], "servernonce");
        exchange.next(clientFirst);
        return exchange.next(clientFinal);
    }

    /** REGISTER's cost: the Argon2id hash and the SCRAM credentials (100,000 PBKDF2 rounds). */
    @Benchmark
    public Object register() {
        return new Account("bob", hasher.hash(PASSWORD), ScramCredentials.derive(PASSWORD), Set.of(), 0);
    }
}
