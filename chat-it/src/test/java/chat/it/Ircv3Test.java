package chat.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.protocol.IrcMessage;
import chat.protocol.IrcParser;
import chat.server.TestClient;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The IRCv3 capabilities over real sockets: negotiation before and after registration, tags and
 * their escaping end to end, echo-message, TAGMSG, labeled responses, and clients that asked for
 * nothing (IRC and nc) seeing exactly the lines they saw before.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class Ircv3Test {
    private static final String TIME = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z";

    /** Connects, negotiates {@code caps} before registering (CAP LS 302, REQ, END), then registers. */
    private static TestClient negotiated(int port, String nick, String caps) throws Exception {
        TestClient client = new TestClient(port);
        client.send("CAP LS 302");
        String ls = client.expect(line -> line.contains(" CAP * LS "));
        for (String cap : caps.split(" ")) {
            assertTrue((" " + ls.substring(ls.lastIndexOf(':') + 1) + " ").contains(" " + cap + " "), ls);
        }
        client.send("CAP REQ :" + caps);
        String ack = client.expect(line -> line.contains(" CAP * "));
        assertTrue(ack.endsWith(" ACK :" + caps) || ack.endsWith(" ACK " + caps), ack);
        client.send("CAP END");
        client.register(nick);
        return client;
    }

    @Test
    void negotiationRefusesAMixOfKnownAndUnknownWholeAndKeepsTheConnection() throws Exception {
        try (ItServer server = ItServer.start(); TestClient alice = new TestClient(server.port())) {
            alice.send("CAP LS 302");
            String ls = alice.expect(line -> line.contains(" CAP * LS "));
            assertTrue(ls.contains("server-time") && ls.contains("labeled-response") && !ls.contains("chghost"), ls);
            assertEquals(List.of(":test.server CAP * NAK :server-time no-such-cap"), alice.ask("CAP REQ :server-time no-such-cap"));
            assertEquals(List.of(":test.server CAP * LIST cap-notify"), alice.ask("CAP LIST"), "nothing of a NAKed request");
            alice.send("CAP END");
            alice.register("alice");
            List<String> ack = alice.ask("CAP REQ server-time");
            assertEquals(1, ack.size(), ack::toString);
            assertTrue(ack.get(0).matches("@time=" + TIME + " :test.server CAP alice ACK server-time"),
                    "after registration too, and timed from the ACK on: " + ack);
            assertTrue(alice.ask("CAP BOGUS").get(0).endsWith(" :test.server 410 alice BOGUS :Invalid CAP command"));
        }
    }

    @Test
    void tagsRoundTripEscapedAndEachReceiverGetsItsShape() throws Exception {
        try (ItServer server = ItServer.start();
                TestClient alice = negotiated(server.port(), "alice", "message-tags server-time echo-message");
                TestClient bob = negotiated(server.port(), "bob", "message-tags");
                TestClient carol = TestClient.irc(server.port(), "carol");
                TestClient dave = TestClient.plain(server.port(), "dave")) {
            for (TestClient client : List.of(alice, bob, carol)) {
                client.send("JOIN #lobby");
                client.expect(line -> line.contains(" 366 "));
            }
            alice.sync();
            bob.sync();
            carol.sync();
            // A value with every character that needs escaping: ';', ' ', '\', CR, LF.
            alice.send("@+example.com/note=a\\:b\\sc\\\\d\\re\\nf PRIVMSG #lobby :hello there");
            String echo = alice.expect(line -> line.contains(" PRIVMSG #lobby "));
            IrcMessage parsed = IrcParser.parse(echo);
            assertTrue(parsed.tags().get("time").matches(TIME), echo);
            assertTrue(parsed.tags().get("msgid").matches("[0-9a-v]{14}"), echo);
            assertEquals("a;b c\\d\re\nf", parsed.tags().get("+example.com/note"), "unescaped back to the sender's value");
            String toBob = bob.expect(line -> line.contains(" PRIVMSG #lobby "));
            IrcMessage bobs = IrcParser.parse(toBob);
            assertEquals(parsed.tags().get("msgid"), bobs.tags().get("msgid"), "one message, one id");
            assertEquals(null, bobs.tags().get("time"), "bob did not ask for server-time");
            assertEquals("a;b c\\d\re\nf", bobs.tags().get("+example.com/note"));
            assertEquals(List.of(":alice!alice@127.0.0.1 PRIVMSG #lobby :hello there"), carol.sync(),
                    "a client that asked for nothing gets today's line");
            String plain = dave.expect(line -> line.contains("hello there"));
            assertTrue(plain.contains("<alice> hello there") && !plain.contains("@"), plain);
        }
    }

    @Test
    void tagmsgTypingReachesOnlyMessageTagsClients() throws Exception {
        try (ItServer server = ItServer.start();
                TestClient alice = negotiated(server.port(), "alice", "message-tags");
                TestClient bob = negotiated(server.port(), "bob", "message-tags");
                TestClient carol = TestClient.irc(server.port(), "carol")) {
            alice.send("@+typing=active TAGMSG bob");
            alice.send("@+typing=active TAGMSG carol");
            assertEquals(List.of(), alice.sync());
            List<String> got = bob.sync();
            assertEquals(1, got.size(), got::toString);
            assertTrue(got.get(0).matches("@msgid=\\w+;\\+typing=active :alice!\\S+ TAGMSG bob"), got.get(0));
            assertEquals(List.of(), carol.sync());
            assertEquals(List.of(":test.server 421 carol TAGMSG :Unknown command"), carol.ask("@+typing=active TAGMSG alice"));
        }
    }

    @Test
    void oversizedTagsGet417AndTheConnectionStays() throws Exception {
        try (ItServer server = ItServer.start();
                TestClient alice = negotiated(server.port(), "alice", "message-tags");
                TestClient bob = negotiated(server.port(), "bob", "message-tags")) {
            String tooBig = "@+a=" + "x".repeat(4095) + " PRIVMSG bob :hi";
            assertEquals(List.of(":test.server 417 alice :Input line was too long"), alice.ask(tooBig));
            assertEquals(List.of(), bob.sync());
            alice.send("@+a=ok PRIVMSG bob :still here");
            assertTrue(bob.expect(line -> line.contains(" PRIVMSG ")).endsWith("still here"));
        }
    }

    @Test
    void labeledCommandsGetOneLabelledAnswer() throws Exception {
        try (ItServer server = ItServer.start();
                TestClient alice = negotiated(server.port(), "alice", "batch labeled-response echo-message");
                TestClient bob = TestClient.inRoom(server.port(), "bob", "#lobby")) {
            List<String> whois = alice.ask("@label=w1 WHOIS bob");
            assertTrue(whois.get(0).matches("@label=w1 :test.server BATCH \\+(\\w+) labeled-response"), whois::toString);
            String ref = whois.get(0).split(" ")[3].substring(1);
            assertTrue(whois.subList(1, whois.size() - 1).stream().allMatch(line -> line.startsWith("@batch=" + ref + " ")),
                    whois::toString);
            assertEquals(":test.server BATCH -" + ref, whois.get(whois.size() - 1));
            assertEquals(List.of("@label=p1 :test.server 401 alice nobody :No such nick/channel"),
                    alice.ask("@label=p1 PRIVMSG nobody :hi"));
            List<String> echo = alice.ask("@label=p2 PRIVMSG bob :hi");
            assertEquals(1, echo.size(), echo::toString);
            assertTrue(echo.get(0).matches("@label=p2 :alice!\\S+ PRIVMSG bob hi"), echo.get(0));
            assertTrue(bob.expect(line -> line.contains(" PRIVMSG bob ")).startsWith(":alice!"), "bob sees no label");
            assertEquals(List.of("@label=n1 :test.server ACK"), alice.ask("@label=n1 PONG :x"));
        }
    }
}
