package chat.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * Promise 3: hostile input never crashes or wedges a live server. One server and two well-behaved
 * clients (alice speaks, bob listens) live through every case; after each case alice's next
 * numbered message must reach bob (none lost, none reordered, checked again at the end), a fresh
 * client must register and chat, and the loop thread must still be running. Randomness is seeded.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class HostileInputTest {
    private static final long SEED = 20_261_123L;
    private static final long REGISTRATION_TIMEOUT_MILLIS = 1_500;
    private static final String[] COMMANDS = {"NICK", "USER", "PASS", "CAP", "JOIN", "PART", "PRIVMSG", "NOTICE",
        "TOPIC", "NAMES", "LIST", "WHO", "WHOIS", "MODE", "KICK", "AWAY", "PING", "PONG", "MOTD", "LUSERS",
        "VERSION", "TIME", "INVITE", "ISON", "USERHOST", "OPER", "WALLOPS", "KILL", "SQUIT", "FOO", "PRIVMSG\u00e9"};

    private ItServer server;
    private ServerWarnings warnings;
    private LineClient alice;
    private LineClient bob;
    private final Ledger bobsLedger = new Ledger("bob");
    private int aliceSent;
    private int cases;

    @BeforeAll
    void start() throws IOException {
        ItServer.Settings settings = new ItServer.Settings();
        settings.registrationTimeoutMillis = REGISTRATION_TIMEOUT_MILLIS;
        warnings = new ServerWarnings();
        server = ItServer.start(settings);
        alice = LineClient.inRoom(server.port(), "alice", "#lobby");
        bob = LineClient.inRoom(server.port(), "bob", "#lobby");
    }

    @AfterEach
    void serverStillServesEveryone() throws Exception {
        cases++;
        assertFalse(server.server.awaitStopped(1, TimeUnit.MILLISECONDS), "the event loop died");
        alice.send(Ledger.message("#lobby", aliceSent++, "alice"));
        int wanted = aliceSent;
        bob.expect(line -> bobsLedger.record(line) && bobsLedger.from("alice") == wanted);
        String fresh = "fresh" + cases;
        try (LineClient newcomer = LineClient.inRoom(server.port(), fresh, "#lobby")) {
            newcomer.send("PRIVMSG #lobby :hello from " + fresh);
            bob.expect(line -> line.startsWith(":" + fresh + "!") && line.endsWith("PRIVMSG #lobby :hello from " + fresh));
            newcomer.send("QUIT :bye");
            newcomer.readUntilClosed();
        }
    }

    @AfterAll
    void nothingWasLost() throws Exception {
        try {
            bob.sync();
            assertEquals(aliceSent, bobsLedger.from("alice"));
            assertEquals(List.of(), warnings.seen(), "hostile input reached the server's catch-all handlers");
            System.out.println("hostile input: " + cases + " cases; bob got all " + aliceSent + " of alice's messages in order");
        } finally {
            alice.close();
            bob.close();
            server.close();
            warnings.close();
        }
    }

    @Test
    void seededRandomBytesFromFortyConnections() throws Exception {
        Random random = new Random(SEED);
        for (int connection = 0; connection < 40; connection++) {
            byte[] junk = new byte[8 * 1024];
            random.nextBytes(junk);
            for (int i = 0; i < junk.length; i++) {
                if (random.nextInt(24) == 0) {
                    junk[i] = '\n'; // make lines, so the parser and not only the decoder is fed
                }
            }
            try (Socket socket = connect()) {
                writeIgnoringReset(socket, junk);
            }
        }
    }

    @Test
    void validLookingLinesWithWrongParameterCountsBeforeAndAfterRegistration() throws Exception {
        Random random = new Random(SEED + 1);
        int lines = 0;
        try (LineClient early = new LineClient(server.port())) {
            // A first line that is not a registration command makes a plain-text user; CAP keeps it IRC and unregistered.
            early.send("CAP LS 302");
            lines += sendEveryCommandWithEveryCount(early, random, false);
            early.sync();
        }
        try (LineClient fuzz = LineClient.inRoom(server.port(), "fuzz", "#lobby")) {
            lines += sendEveryCommandWithEveryCount(fuzz, random, true);
            fuzz.sync();
            fuzz.send("QUIT too many words here : and more");
            fuzz.readUntilClosed();
        }
        System.out.println("hostile input: " + lines + " lines with wrong parameter counts");
    }

    /** Each command with 0 to 15 parameters, random words and trailing parameters; the client stays connected. */
    private int sendEveryCommandWithEveryCount(LineClient client, Random random, boolean registered) throws IOException {
        int sent = 0;
        for (String command : COMMANDS) {
            for (int count = 0; count < 16; count++) {
                StringBuilder line = new StringBuilder();
                if (random.nextInt(4) == 0) {
                    line.append(":spoof!x@y ");
                }
                line.append(random.nextBoolean() ? command : command.toLowerCase(java.util.Locale.ROOT));
                for (int p = 0; p < count; p++) {
                    line.append(' ').append(p == count - 1 && random.nextBoolean() ? ":" : "").append(word(random));
                }
                if (!registered && command.equals("NICK") && count > 0) {
                    continue; // would register this connection midway; the registered half covers it
                }
                client.send(line.toString());
                sent++;
            }
            client.sync(); // still connected and answering, in order
        }
        return sent;
    }

    private static String word(Random random) {
        String[] shapes = {"#lobby", "#r" + random.nextInt(5), "bob", "alice", "*", "0", "+o", "-o", "", "x".repeat(random.nextInt(600)),
            "#", "&x", ",", "#a,#b,bob", "\u00e9\u20ac"};
        return shapes[random.nextInt(shapes.length)];
    }

    @Test
    void linesOf64KibAreRefusedWith417AndTheConnectionGoesOn() throws Exception {
        try (LineClient big = LineClient.inRoom(server.port(), "big", "#lobby")) {
            byte[] line = ("PRIVMSG #lobby :" + "y".repeat(64 * 1024) + "\r\n").getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 3; i++) {
                big.sendRaw(line);
                List<String> replies = big.sync();
                assertTrue(replies.stream().anyMatch(r -> r.contains(" 417 ")), "no 417 for a 64 KiB line: " + replies);
            }
        }
        try (Socket socket = connect()) {
            writeIgnoringReset(socket, ("NICK " + "z".repeat(64 * 1024)).getBytes(StandardCharsets.UTF_8)); // no newline at all
        }
    }

    @Test
    void nulCrEscAndInvalidUtf8AreRefusedAndNeverForwarded() throws Exception {
        byte[][] hostile = {
            bytes("PRIVMSG #lobby :before\u0000:evil!e@h PRIVMSG bob :after"),
            bytes("PRIVMSG #lobby :before\r:evil!e@h PRIVMSG bob :after"),
            bytes("PRIVMSG #lobby :esc \u001b[2J\u001b]0;title\u0007 end"),
            bytes("NICK ev\u0000il"),
            bytes("TOPIC #lobby :a\rb"),
            {'P', 'R', 'I', 'V', 'M', 'S', 'G', ' ', '#', 'l', 'o', 'b', 'b', 'y', ' ', ':', (byte) 0xff, (byte) 0xfe},
            {'P', 'R', 'I', 'V', 'M', 'S', 'G', ' ', '#', 'l', 'o', 'b', 'b', 'y', ' ', ':', (byte) 0xc0, (byte) 0xaf},
            {'P', 'R', 'I', 'V', 'M', 'S', 'G', ' ', '#', 'l', 'o', 'b', 'b', 'y', ' ', ':', (byte) 0xed, (byte) 0xa0, (byte) 0x80},
            {'P', 'R', 'I', 'V', 'M', 'S', 'G', ' ', '#', 'l', 'o', 'b', 'b', 'y', ' ', ':', (byte) 0xe2, (byte) 0x82},
            {'N', 'I', 'C', 'K', ' ', (byte) 0xc3, (byte) 0x28},
            {'J', 'O', 'I', 'N', ' ', '#', (byte) 0xf8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
        };
        try (LineClient rude = LineClient.inRoom(server.port(), "rude", "#lobby")) {
            for (byte[] line : hostile) {
                ByteArrayOutputStream withEnd = new ByteArrayOutputStream();
                withEnd.write(line);
                withEnd.write(new byte[] {'\r', '\n'});
                rude.sendRaw(withEnd.toByteArray());
                rude.sync();
            }
        }
        // bob's client checks every line it reads: no NUL, no bare CR, strict UTF-8; none came from "evil".
        for (String line : bob.sync()) {
            assertFalse(line.startsWith(":evil!"), "a forged line reached bob: " + line);
            bobsLedger.record(line);
        }
    }

    @Test
    void aConversationSplitAtEveryByteBoundaryArrivesWhole() throws Exception {
        for (int cut = 1; ; cut++) {
            String nick = "s" + cut;
            byte[] all = bytes("NICK " + nick + "\r\nUSER " + nick + " 0 * :split\r\nJOIN #lobby\r\n"
                    + "PRIVMSG #lobby :split " + cut + " \u00e9\u20ac\ud834\udd1e\r\nQUIT :done\r\n");
            if (cut >= all.length) {
                System.out.println("hostile input: split a " + all.length + "-byte conversation at each of "
                        + (all.length - 1) + " boundaries, and byte by byte");
                break;
            }
            try (LineClient split = new LineClient(server.port())) {
                split.sendRaw(java.util.Arrays.copyOfRange(all, 0, cut));
                split.sendRaw(java.util.Arrays.copyOfRange(all, cut, all.length));
                split.readUntilClosed();
            }
            String wanted = "PRIVMSG #lobby :split " + cut + " \u00e9\u20ac\ud834\udd1e";
            bob.expect(line -> line.startsWith(":" + nick + "!") && line.endsWith(wanted));
        }
        byte[] slow = bytes("NICK bytewise\r\nUSER b 0 * :b\r\nJOIN #lobby\r\nPRIVMSG #lobby :one \u20ac at a time\r\n");
        try (LineClient bytewise = new LineClient(server.port())) {
            for (byte b : slow) {
                bytewise.sendRaw(new byte[] {b});
            }
            bob.expect(line -> line.startsWith(":bytewise!") && line.endsWith("PRIVMSG #lobby :one \u20ac at a time"));
        }
    }

    @Test
    void aThousandQuickConnectionsLeaveNothingBehind() throws Exception {
        int baseline = server.stats().connections();
        for (int i = 0; i < 1_000; i++) {
            try (Socket socket = connect()) {
                if (i % 3 == 0) {
                    writeIgnoringReset(socket, bytes("NICK q" + i + "\r\nUSER q 0 * :q\r\n"));
                } else if (i % 3 == 1) {
                    socket.setSoLinger(true, 0); // some end with a reset instead of a FIN
                }
            }
        }
        ItServer.Stats stats = server.awaitConnections(baseline);
        System.out.println("hostile input: 1000 quick connections, server back to " + stats);
    }

    @Test
    void slowlorisPartialLineIsDroppedByTheRegistrationTimeout() throws Exception {
        try (LineClient loris = new LineClient(server.port())) {
            loris.sendRaw(bytes("NICK lor")); // and then nothing, ever
            List<String> last = loris.readUntilClosed();
            assertEquals("ERROR :Registration timed out", last.get(last.size() - 1), last.toString());
        }
    }

    @Test
    void resetInTheMiddleOfWritingAndOfBeingWrittenTo() throws Exception {
        try (LineClient resetter = LineClient.inRoom(server.port(), "resetter", "#lobby");
                LineClient victim = new LineClient(server.port(), 4096)) {
            victim.register("victim");
            victim.ask("JOIN #lobby");
            ByteArrayOutputStream burst = new ByteArrayOutputStream();
            for (int seq = 0; seq < 2_000; seq++) {
                burst.write(bytes(Ledger.message("#lobby", seq, "resetter") + " " + "r".repeat(300) + "\r\n"));
            }
            OutputStream out = resetter.socket().getOutputStream();
            out.write(burst.toByteArray(), 0, burst.size() / 2);
            out.write(bytes("PRIVMSG #lobby :half a li")); // cut inside a line
            out.flush();
            resetter.socket().setSoLinger(true, 0);
            resetter.close(); // RST while the server is reading
            victim.socket().setSoLinger(true, 0);
            victim.close(); // RST while the server is writing to it (its output is piling up unread)
        }
        // bob got an in-order prefix of resetter's lines (checked by the ledger), then its QUIT.
        bob.expect(line -> !bobsLedger.record(line) && line.startsWith(":resetter!") && line.contains(" QUIT "));
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 5_000);
        return socket;
    }

    /** The server may close a junk-sending connection while we write; that is its right. */
    private static void writeIgnoringReset(Socket socket, byte[] data) throws IOException {
        try {
            socket.getOutputStream().write(data);
            socket.getOutputStream().flush();
        } catch (SocketException closedByServer) {
            // expected for some junk
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
