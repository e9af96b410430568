package chat.server.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.server.harness.ChatHarness;
import chat.server.harness.ChatHarness.Peer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * WHOX (354 in the spec's field order, streamed like WHO), bot mode (+B, 335, the B flag, the bot
 * tag for message-tags receivers only), LUSERS' exact counts, ISON, USERHOST and NAMES of several rooms.
 */
@Timeout(30)
class WhoxBotsAndCountsTest {
    /** OutputStage's refill mark (one turn's write budget, 64 KiB). */
    private static final int REFILL_BYTES = 64 * 1024;

    private final ChatHarness chat = new ChatHarness(ChatHarness.testConfig().build());

    private static boolean has(List<String> lines, String part) {
        return lines.stream().anyMatch(line -> line.contains(part));
    }

    @Test
    void whoxGivesExactlyTheFieldsAskedInTheSpecsOrder() {
        Peer alice = chat.irc("alice");
        Peer bob = chat.irc("bob");
        alice.send("JOIN #r");
        bob.send("JOIN #r", "AWAY :lunch");
        chat.advance(5_000);
        alice.lines();
        // Asked in any order, answered t c u i h s n f d l a o r; bob's address is hidden from alice.
        assertEquals(List.of(
                ":test.server 354 alice 42 #r alice 127.0.0.1 127.0.0.1 test.server alice H@ 0 5 0 n/a alice",
                ":test.server 354 alice 42 #r bob 255.255.255.255 127.0.0.1 test.server bob G 0 5 0 n/a bob",
                ":test.server 315 alice #r :End of /WHO list."), alice.ask("WHO #r %rotalsdfnhicu,42"));
        assertEquals(List.of(":test.server 354 alice #r bob G", ":test.server 315 alice bob :End of /WHO list."),
                alice.ask("WHO bob %cnf"), "outside a room, 'c' is one of the user's rooms");
        assertEquals(List.of(":test.server 354 alice 0 bob", ":test.server 315 alice bob :End of /WHO list."),
                alice.ask("WHO bob %tn,toolong"), "a token that is not 1-3 digits reads as 0");
        assertEquals(List.of(":test.server 315 alice #r :End of /WHO list."), alice.ask("WHO #r o%n"),
                "o: operators only (RFC 2812), none here");
    }

    @Test
    void whoxIsAdvertisedWithBot() {
        Peer carol = chat.connect();
        carol.send("NICK carol", "USER carol 0 * :carol");
        List<String> welcome = carol.lines();
        assertTrue(has(welcome, " WHOX ") && has(welcome, " BOT=B "), welcome::toString);
        assertTrue(has(welcome, " 004 carol test.server chat-server-"), welcome::toString);
        assertTrue(welcome.stream().anyMatch(l -> l.contains(" 004 ") && l.contains(" Biow beIiklmnostv")), welcome::toString);
    }

    @Test
    void whoxOfManyUsersIsProducedAsTheAskerDrains() {
        int users = 1_500;
        for (int i = 0; i < users; i++) {
            chat.irc("u" + i);
        }
        Peer asker = chat.irc("asker");
        asker.transport.writeCapacity = 0;
        asker.send("WHO u* %tnuhfar,7");
        assertTrue(asker.link.queuedBytes() < REFILL_BYTES + 4_000,
                "a reader that does not read holds a refill, not every line: " + asker.link.queuedBytes());
        asker.transport.writeCapacity = Integer.MAX_VALUE;
        chat.drainOutput();
        List<String> lines = asker.lines();
        assertEquals(users + 1, lines.size());
        assertTrue(lines.get(0).matches(":test\\.server 354 asker 7 u\\d+ 127\\.0\\.0\\.1 u\\d+ H 0 u\\d+"), lines.get(0));
        assertEquals(":test.server 315 asker u* :End of /WHO list.", lines.get(users));
    }

    @Test
    void botModeShowsInWhoisWhoAndTheBotTag() {
        Peer tagged = chat.connect();
        tagged.send("CAP LS 302", "CAP REQ :message-tags", "NICK tagged", "USER tagged 0 * :tagged", "CAP END", "JOIN #r");
        Peer plain = chat.irc("plain");
        plain.send("JOIN #r");
        Peer bot = chat.irc("robo");
        assertEquals(List.of(":robo!robo@127.0.0.1 MODE robo +B"), bot.ask("MODE robo +B"));
        assertEquals(List.of(":test.server 221 robo +B"), bot.ask("MODE robo"));
        bot.send("JOIN #r");
        tagged.lines();
        plain.lines();
        bot.send("PRIVMSG #r :beep");
        List<String> seen = tagged.lines();
        assertEquals(1, seen.size());
        assertTrue(seen.get(0).matches("@msgid=[^; ]+;bot :robo!robo@127\\.0\\.0\\.1 PRIVMSG #r beep"), seen::toString);
        assertEquals(List.of(":robo!robo@127.0.0.1 PRIVMSG #r beep"), plain.lines(), "no tags without message-tags");
        assertTrue(has(plain.ask("WHOIS robo"), ":test.server 335 plain robo :is a bot"));
        assertTrue(has(plain.ask("WHO #r"), ":test.server 352 plain #r robo 127.0.0.1 test.server robo HB :0 robo"));
        assertTrue(has(plain.ask("WHO robo"), " robo HB :0 robo"));
        bot.ask("MODE robo -B");
        bot.send("PRIVMSG #r :human now");
        assertTrue(tagged.lines().get(0).matches("@msgid=[^; ]+ :robo!robo@127\\.0\\.0\\.1 PRIVMSG #r :human now"));
    }

    @Test
    void lusersCountsExactly() {
        Peer alice = chat.irc("alice");
        Peer hidden = chat.irc("hidden");
        hidden.ask("MODE hidden +i");
        chat.connect(); // not registered yet
        alice.send("JOIN #a,#b");
        assertEquals(List.of(":test.server 251 alice :There are 1 users and 1 invisible on 1 servers",
                ":test.server 253 alice 1 :unknown connection(s)",
                ":test.server 254 alice 2 :channels formed",
                ":test.server 255 alice :I have 2 clients and 0 servers"), alice.ask("LUSERS"));
        hidden.send("QUIT");
        alice.send("PART #a,#b");
        assertEquals(List.of(":test.server 251 alice :There are 1 users and 0 invisible on 1 servers",
                ":test.server 253 alice 1 :unknown connection(s)",
                ":test.server 255 alice :I have 1 clients and 0 servers"), alice.ask("LUSERS"));
    }

    @Test
    void isonUserhostAndNamesOfSeveralRooms() {
        Peer alice = chat.irc("alice");
        Peer bob = chat.irc("bob");
        bob.send("AWAY :out", "JOIN #b");
        alice.send("JOIN #a");
        assertEquals(List.of(":test.server 303 alice :bob alice"), alice.ask("ISON bob nobody ALICE"));
        assertEquals(List.of(":test.server 303 alice bob"), alice.ask("ISON :nobody bob"));
        assertEquals(List.of(":test.server 302 alice :alice=+alice@127.0.0.1 bob=-bob@127.0.0.1"),
                alice.ask("USERHOST alice nobody bob"));
        assertEquals(List.of(":test.server 353 alice = #a @alice", ":test.server 366 alice #a :End of /NAMES list.",
                ":test.server 353 alice = #b @bob", ":test.server 366 alice #b :End of /NAMES list.",
                ":test.server 366 alice #none :End of /NAMES list."), alice.ask("NAMES #a,#b,#none"));
    }
}
