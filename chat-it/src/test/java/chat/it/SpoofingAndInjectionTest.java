package chat.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.client.ui.RendererProbe;
import chat.protocol.IrcMessage;
import chat.protocol.TerminalText;
import chat.server.TestClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Promise 4: nobody can speak as someone else, forge a second protocol line, take a nick that
 * differs only by case or rfc1459 folding, or put escape sequences on a plain-text user's
 * terminal or through the client's renderer.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SpoofingAndInjectionTest {
    /** Terminal attacks: clear screen, window title (OSC), 8-bit CSI, bidi override, bell, DEL, backspace. */
    private static final String NASTY = "\u001b[2J\u001b]0;owned\u0007\u009b31m\u202e\u2066x\u0008\u007f\u0085";
    /** A CR or LF followed by a whole forged line from someone else. */
    private static final String[] FORGERIES = {"a\r:alice!alice@127.0.0.1 PRIVMSG bob :FORGED",
        "a\n:alice!alice@127.0.0.1 PRIVMSG bob :FORGED", "a\r\n:alice!alice@127.0.0.1 PRIVMSG bob :FORGED",
        "a\u0000:alice!alice@127.0.0.1 PRIVMSG bob :FORGED"};

    @Test
    void aClientSuppliedPrefixIsReplacedByTheSendersOwn() throws Exception {
        try (ItServer server = ItServer.start();
                TestClient alice = TestClient.inRoom(server.port(), "alice", "#lobby");
                TestClient bob = TestClient.inRoom(server.port(), "bob", "#lobby");
                TestClient mallory = TestClient.inRoom(server.port(), "mallory", "#lobby")) {
            mallory.send(":alice!alice@127.0.0.1 PRIVMSG #lobby :I am alice");
            mallory.send(":alice PRIVMSG bob :psst, alice here");
            mallory.send(":server.name NOTICE bob :server notice");
            mallory.send("@time=x;+draft/forged=1 :alice!a@h NOTICE #lobby :tagged");
            mallory.sync();
            List<String> got = bob.sync();
            assertEquals(4, got.stream().filter(line -> line.startsWith(":mallory!")
                    && (line.contains(" PRIVMSG ") || line.contains(" NOTICE "))).count(), got.toString());
            assertTrue(got.stream().noneMatch(line -> line.startsWith(":alice") || line.startsWith(":server.name")
                    || line.startsWith("@")), got.toString());
            alice.sync();
        }
    }

    @Test
    void crLfAndNulInAnyFieldNeverForgeALineForAnyoneElse() throws Exception {
        try (ItServer server = ItServer.start();
                TestClient alice = TestClient.inRoom(server.port(), "alice", "#lobby");
                TestClient bob = TestClient.inRoom(server.port(), "bob", "#lobby");
                TestClient mallory = TestClient.inRoom(server.port(), "mallory", "#lobby")) {
            alice.ask("TOPIC #lobby :start"); // alice is the room operator; mallory is not
            int cases = 0;
            for (String forged : FORGERIES) {
                for (String command : new String[] {"PRIVMSG #lobby :", "NOTICE #lobby :", "PRIVMSG bob :",
                    "TOPIC #lobby :", "AWAY :", "PART #lobby :", "JOIN #lobby", "NICK ", "MODE #lobby ", "KICK #lobby bob :",
                    "WHOIS ", "USER x 0 * :", "JOIN #"}) {
                    mallory.sendRaw((command + forged + "\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    mallory.send("JOIN #lobby"); // rejoin in case a PART went through
                    cases++;
                }
                mallory.sync();
            }
            mallory.sendRaw(("QUIT :" + FORGERIES[1] + "\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            mallory.readUntilClosed();
            // bob's client refuses any line with NUL or a bare CR; nothing may claim to come from alice.
            List<String> got = bob.sync();
            assertTrue(got.stream().noneMatch(line -> line.startsWith(":alice") && !line.endsWith(" TOPIC #lobby start")),
                    got.toString());
            assertTrue(got.stream().noneMatch(line -> line.contains("FORGED") && !line.contains("!mallory@")),
                    got.toString());
            System.out.println("injection: " + cases + " forged fields; bob saw " + got.size() + " lines, all attributed to mallory (under her own nick, or the nick a she took with one)");
        }
    }

    @Test
    void nicksDifferingOnlyByCaseOrRfc1459FoldingAreTaken() throws Exception {
        try (ItServer server = ItServer.start();
                TestClient owner = TestClient.irc(server.port(), "Al[i]ce\\");
                TestClient other = TestClient.irc(server.port(), "other")) {
            List<String> attempts = List.of("al[i]ce\\", "AL[I]CE\\", "al{i}ce|", "AL{I}CE|", "Al{i]ce|");
            for (String attempt : attempts) {
                List<String> replies = other.ask("NICK " + attempt);
                assertTrue(replies.stream().anyMatch(line -> line.contains(" 433 ")), attempt + " -> " + replies);
            }
            try (TestClient newcomer = new TestClient(server.port())) {
                newcomer.send("NICK al{i}ce|");
                newcomer.send("USER x 0 * :x");
                newcomer.expectContaining(" 433 ");
            }
            try (TestClient plain = new TestClient(server.port())) {
                plain.expectContaining("NOTICE *");
                plain.send("AL{I}CE|");
                String answer = plain.readLine();
                assertFalse(answer.startsWith("*** Welcome"), "a plain-text user took a folded twin: " + answer);
            }
        }
    }

    @Test
    void escapeSequencesNeverReachAPlainTextUsersBytes() throws Exception {
        try (ItServer server = ItServer.start();
                TestClient carol = TestClient.plain(server.port(), "carol");
                TestClient mallory = TestClient.inRoom(server.port(), "mallory", "#lobby")) {
            mallory.send("PRIVMSG #lobby :room " + NASTY);
            mallory.send("PRIVMSG carol :private " + NASTY);
            mallory.send("NOTICE #lobby :notice " + NASTY);
            mallory.send("PRIVMSG #lobby :\u0001ACTION waves " + NASTY + "\u0001");
            mallory.send("TOPIC #lobby :topic " + NASTY);
            mallory.send("AWAY :away " + NASTY);
            mallory.send("PART #lobby :part " + NASTY);
            mallory.send("JOIN #lobby");
            mallory.send("QUIT :quit " + NASTY);
            mallory.readUntilClosed();
            carol.send("/who");
            List<String> seen = new ArrayList<>();
            String line;
            do {
                line = carol.readLine();
                seen.add(line);
            } while (line != null && !line.contains("quit"));
            for (String shown : seen) {
                shown.codePoints().forEach(c -> assertFalse(TerminalText.isUnsafe(c),
                        "U+" + Integer.toHexString(c) + " reached the plain-text user in: " + shown));
            }
            assertTrue(seen.stream().anyMatch(s -> s.contains("room") && s.contains("x")), seen.toString());
        }
    }

    @Test
    void theClientRendererShowsNoControlEscapeOrBidiCharacterFromOthers() {
        List<IrcMessage> hostile = List.of(
                IrcMessage.from("ev\u001bil!e@h", "PRIVMSG", "#lobby", "hi " + NASTY),
                IrcMessage.from("evil!e@h", "PRIVMSG", "me", "private " + NASTY),
                IrcMessage.from("evil!e@h", "PRIVMSG", "#lobby", "\u0001ACTION " + NASTY + "\u0001"),
                IrcMessage.from("evil!e@h", "NOTICE", "#lobby", NASTY),
                IrcMessage.from("evil!e@h", "PART", "#lobby", NASTY),
                IrcMessage.from("evil!e@h", "QUIT", NASTY),
                IrcMessage.from("evil!e@h", "KICK", "#lobby", "me" + NASTY, NASTY),
                IrcMessage.from("evil!e@h", "TOPIC", "#lobby", NASTY),
                IrcMessage.from("evil!e@h", "NICK", "ev" + NASTY),
                IrcMessage.from("evil!e@h", "JOIN", "#lo" + NASTY),
                IrcMessage.from("evil!e@h", "MODE", "#lobby", "+o" + NASTY, "x"),
                IrcMessage.from("evil!e@h", "INVITE", "me", "#x" + NASTY),
                IrcMessage.from("srv", "ERROR", NASTY),
                IrcMessage.from("srv", "332", "me", "#lobby", NASTY),
                IrcMessage.from("srv", "353", "me", "=", "#lobby", "a" + NASTY + " b"),
                IrcMessage.from("srv", "401", "me", "x" + NASTY, NASTY),
                IrcMessage.from("srv", "FOO" + NASTY, NASTY, NASTY));
        int renderings = 0;
        for (IrcMessage message : hostile) {
            for (String shown : RendererProbe.renderings(message, "me")) {
                renderings++;
                // The renderer's own colours are SGR sequences (ESC [ digits m); nothing else may act on the terminal.
                String withoutOwnStyles = shown.replaceAll("\u001b\\[[0-9;]*m", "");
                withoutOwnStyles.codePoints().forEach(c -> assertFalse(TerminalText.isUnsafe(c),
                        "U+" + Integer.toHexString(c) + " from " + message + " reached the screen as: " + shown));
            }
        }
        assertTrue(renderings >= hostile.size() * 2, "most messages render: " + renderings);
    }
}
