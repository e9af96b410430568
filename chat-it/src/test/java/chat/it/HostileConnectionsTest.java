package chat.it;

import static chat.it.Bystanders.bytes;
import static chat.it.Bystanders.writeIgnoringReset;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.server.TestClient;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Promise 3: hostile input never crashes or wedges a live server. This class: the way
 * connections behave (split anywhere, a thousand quick ones, slowloris, resets).
 * The same {@link Bystanders} (alice and bob) live through every case and check after each one
 * that nothing was lost and that a fresh client can still register and chat. Randomness is seeded.
 */
class HostileConnectionsTest extends WithBystanders {
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
            try (TestClient split = new TestClient(bystanders.port())) {
                split.sendRaw(java.util.Arrays.copyOfRange(all, 0, cut));
                split.sendRaw(java.util.Arrays.copyOfRange(all, cut, all.length));
                split.readUntilClosed();
            }
            String wanted = "PRIVMSG #lobby :split " + cut + " \u00e9\u20ac\ud834\udd1e";
            bystanders.bob.expect(line -> line.startsWith(":" + nick + "!") && line.endsWith(wanted));
        }
        byte[] slow = bytes("NICK bytewise\r\nUSER b 0 * :b\r\nJOIN #lobby\r\nPRIVMSG #lobby :one \u20ac at a time\r\n");
        try (TestClient bytewise = new TestClient(bystanders.port())) {
            for (byte b : slow) {
                bytewise.sendRaw(new byte[] {b});
            }
            bystanders.bob.expect(line -> line.startsWith(":bytewise!") && line.endsWith("PRIVMSG #lobby :one \u20ac at a time"));
        }
    }

    @Test
    void aThousandQuickConnectionsLeaveNothingBehind() throws Exception {
        int baseline = bystanders.server.stats().connections();
        for (int i = 0; i < 1_000; i++) {
            try (Socket socket = bystanders.connect()) {
                if (i % 3 == 0) {
                    writeIgnoringReset(socket, bytes("NICK q" + i + "\r\nUSER q 0 * :q\r\n"));
                } else if (i % 3 == 1) {
                    socket.setSoLinger(true, 0); // some end with a reset instead of a FIN
                }
            }
        }
        ItServer.Stats stats = bystanders.server.awaitConnections(baseline);
        System.out.println("hostile input: 1000 quick connections, server back to " + stats);
    }

    @Test
    void slowlorisPartialLineIsDroppedByTheRegistrationTimeout() throws Exception {
        try (TestClient loris = new TestClient(bystanders.port())) {
            loris.sendRaw(bytes("NICK lor")); // and then nothing, ever
            List<String> last = loris.readUntilClosed();
            assertEquals("ERROR :Registration timed out", last.get(last.size() - 1), last.toString());
        }
    }

    @Test
    void resetInTheMiddleOfWritingAndOfBeingWrittenTo() throws Exception {
        try (TestClient resetter = TestClient.inRoom(bystanders.port(), "resetter", "#lobby");
                TestClient victim = new TestClient(bystanders.port(), 4096)) {
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
        bystanders.bob.expect(line -> !bystanders.bobsLedger.record(line) && line.startsWith(":resetter!") && line.contains(" QUIT "));
    }
}
