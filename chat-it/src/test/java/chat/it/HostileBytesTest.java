package chat.it;

import static chat.it.Bystanders.bytes;
import static chat.it.Bystanders.writeIgnoringReset;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.server.TestClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Promise 3: hostile input never crashes or wedges a live server. This class: the bytes
 * (random, wrong parameter counts, 64 KiB lines, NUL/CR/ESC, invalid UTF-8).
 * The same {@link Bystanders} (alice and bob) live through every case and check after each one
 * that nothing was lost and that a fresh client can still register and chat. Randomness is seeded.
 */
class HostileBytesTest extends WithBystanders {
    private static final long SEED = 20_261_123L;
    private static final String[] COMMANDS = {"NICK", "USER", "PASS", "CAP", "JOIN", "PART", "PRIVMSG", "NOTICE",
        "TOPIC", "NAMES", "LIST", "WHO", "WHOIS", "MODE", "KICK", "AWAY", "PING", "PONG", "MOTD", "LUSERS",
        "VERSION", "TIME", "INVITE", "ISON", "USERHOST", "OPER", "WALLOPS", "KILL", "SQUIT", "FOO", "PRIVMSG\u00e9"};

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
            try (Socket socket = bystanders.connect()) {
                writeIgnoringReset(socket, junk);
            }
        }
    }

    @Test
    void validLookingLinesWithWrongParameterCountsBeforeAndAfterRegistration() throws Exception {
        Random random = new Random(SEED + 1);
        int lines = 0;
        try (TestClient early = new TestClient(bystanders.port())) {
            // A first line that is not a registration command makes a plain-text user; CAP keeps it IRC and unregistered.
            early.send("CAP LS 302");
            lines += sendEveryCommandWithEveryCount(early, random, false);
            early.sync();
        }
        try (TestClient fuzz = TestClient.inRoom(bystanders.port(), "fuzz", "#lobby")) {
            lines += sendEveryCommandWithEveryCount(fuzz, random, true);
            fuzz.sync();
            fuzz.send("QUIT too many words here : and more");
            fuzz.readUntilClosed();
        }
        System.out.println("hostile input: " + lines + " lines with wrong parameter counts");
    }

    /** Each command with 0 to 15 parameters, random words and trailing parameters; the client stays connected. */
    private int sendEveryCommandWithEveryCount(TestClient client, Random random, boolean registered) throws IOException {
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
        try (TestClient big = TestClient.inRoom(bystanders.port(), "big", "#lobby")) {
            byte[] line = ("PRIVMSG #lobby :" + "y".repeat(64 * 1024) + "\r\n").getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 3; i++) {
                big.sendRaw(line);
                List<String> replies = big.sync();
                assertTrue(replies.stream().anyMatch(r -> r.contains(" 417 ")), "no 417 for a 64 KiB line: " + replies);
            }
        }
        try (Socket socket = bystanders.connect()) {
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
        try (TestClient rude = TestClient.inRoom(bystanders.port(), "rude", "#lobby")) {
            for (byte[] line : hostile) {
                ByteArrayOutputStream withEnd = new ByteArrayOutputStream();
                withEnd.write(line);
                withEnd.write(new byte[] {'\r', '\n'});
                rude.sendRaw(withEnd.toByteArray());
                rude.sync();
            }
        }
        // bob's client checks every line it reads: no NUL, no bare CR, strict UTF-8; none came from "evil".
        for (String line : bystanders.bob.sync()) {
            assertFalse(line.startsWith(":evil!"), "a forged line reached bob: " + line);
            bystanders.bobsLedger.record(line);
        }
    }
}
