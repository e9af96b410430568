package chat.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The warm-up relay over real sockets on 127.0.0.1: registration, rooms, relaying, QUIT. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class LoopbackRelayTest {

    @Test
    void aBenchAgainstTheRelayGetsEveryMessageOnceInOrder() throws Exception {
        try (LoopbackRelay relay = new LoopbackRelay()) {
            BenchOptions o = new BenchOptions("127.0.0.1", relay.port(), 2, 8, 30, 0, 4, 64, 0, 0, 2, 10, 8,
                    "w", "#w", 0);
            BenchResult r = new BenchRun(o, new ProgressBoard()).execute();

            assertNull(r.failure());
            assertEquals(8, r.joined());
            assertEquals(8 * 30, r.sent());
            assertEquals(8 * 30 * 3, r.expected(), "each message reaches the 3 other members of its room");
            assertEquals(r.expected(), r.received());
            assertTrue(r.clean());
        }
    }

    @Test
    void relaysToOtherMembersOnlyWithAndWithoutTheColonOfAOneWordText() throws Exception {
        try (LoopbackRelay relay = new LoopbackRelay();
             Client alice = new Client(relay.port(), "alice");
             Client bob = new Client(relay.port(), "bob")) {
            alice.joinAndAwait366("#r");
            bob.joinAndAwait366("#r");
            assertEquals(":bob!bench@127.0.0.1 JOIN #r", alice.next(), "a member sees others join");

            alice.send("PRIVMSG #r :first");
            alice.send("PRIVMSG #r :second");
            alice.send("PRIVMSG #r :third");

            assertEquals(":alice!bench@127.0.0.1 PRIVMSG #r first", bob.next());
            assertEquals(":alice!bench@127.0.0.1 PRIVMSG #r :second", bob.next());
            assertEquals(":alice!bench@127.0.0.1 PRIVMSG #r third", bob.next());
            bob.send("PRIVMSG #r :back");
            assertEquals(":bob!bench@127.0.0.1 PRIVMSG #r :back", alice.next(), "the sender got nothing of its own");

            alice.send("QUIT :done");
            assertNull(alice.in.readLine(), "QUIT closes the connection");
        }
    }

    /** A plain blocking IRC client that registers and reads lines. */
    private static final class Client implements AutoCloseable {
        final Socket socket;
        final BufferedReader in;
        final OutputStream out;
        final String nick;

        Client(int port, String nick) throws Exception {
            this.socket = new Socket(InetAddress.getLoopbackAddress(), port);
            this.in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            this.out = socket.getOutputStream();
            this.nick = nick;
            assertTrue(next().startsWith("NOTICE * :"), "a greeting without prefix comes first");
            send("NICK " + nick);
            send("USER " + nick + " 0 * :test");
            String line;
            while (!(line = next()).startsWith("PING ")) {
                assertTrue(line.startsWith(":warmup.relay "), line);
            }
        }

        void joinAndAwait366(String room) throws Exception {
            send("JOIN " + room);
            String line;
            do {
                line = next();
            } while (!line.startsWith(":warmup.relay 366 " + nick + " " + room + " "));
        }

        void send(String line) throws Exception {
            out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        }

        String next() throws Exception {
            return in.readLine();
        }

        @Override
        public void close() throws Exception {
            socket.close();
        }
    }
}
