package chat.server.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.protocol.ProtocolLimits;
import chat.server.harness.ChatHarness;
import chat.server.harness.ChatHarness.Peer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Cheap lines cannot buy unbounded work: room limit, WHOIS target cap, 319 in lines, per-target cost. */
@Timeout(10)
class CostlyCommandsTest {
    private final ChatHarness chat = new ChatHarness(ChatHarness.testConfig().build());

    @Test
    void aUserJoinsAtMostTheRoomLimitAndTheRestAreAnswered405() {
        Peer alice = chat.irc("alice");
        String rooms = IntStream.range(0, 25).mapToObj(i -> "#r" + i).collect(Collectors.joining(","));
        List<String> replies = alice.ask("JOIN " + rooms);
        assertEquals(5, replies.stream().filter(line -> line.contains(" 405 ")).count());
        assertTrue(replies.contains(":test.server 405 alice #r20 :You have joined too many channels (at most 20)"));
        assertEquals(ProtocolLimits.MAX_ROOMS_PER_USER, chat.state().rooms().count(), "no empty rooms left behind");
        assertTrue(alice.ask("VERSION").size() == 1);
        Peer welcome = chat.connect();
        welcome.send("NICK w", "USER w 0 * :w");
        List<String> isupport = welcome.lines().stream().filter(line -> line.contains(" 005 ")).toList();
        assertTrue(isupport.stream().anyMatch(line -> line.contains(" CHANLIMIT=#:20 ")), isupport::toString);
        assertTrue(isupport.stream().anyMatch(line -> line.contains(" TARGMAX=PRIVMSG:4,NOTICE:4,WHOIS:5 ")));
        // prefix, 005, nick, then at most 13 tokens before the trailing text: 15 parameters at most
        assertTrue(isupport.stream().allMatch(line -> line.substring(0, line.indexOf(" :")).split(" ").length <= 16),
                isupport::toString);
    }

    @Test
    void whoisLooksUpFiveNicksAndSaysSoOnceAndItsRoomListFitsInLines() {
        Peer alice = chat.irc("alice");
        Peer busy = chat.irc("b".repeat(30));
        for (int i = 0; i < 20; i++) {
            busy.send("JOIN #" + "room".repeat(10) + i);
        }
        String many = IntStream.range(0, 250).mapToObj(i -> "f").collect(Collectors.joining(","));
        List<String> replies = alice.ask("WHOIS " + many);
        assertEquals(":test.server 407 alice f :245 nicks past the first 5 were not looked up", replies.get(0));
        assertEquals(5, replies.stream().filter(line -> line.contains(" 318 ")).count());
        List<String> channels = alice.ask("WHOIS " + "b".repeat(30)).stream()
                .filter(line -> line.contains(" 319 ")).toList();
        assertTrue(channels.size() >= 3, channels::toString);
        for (String line : channels) {
            assertTrue(line.getBytes(StandardCharsets.UTF_8).length + 2 <= ProtocolLimits.MAX_LINE_BYTES, line);
        }
        String all = channels.stream().map(line -> line.substring(line.lastIndexOf(':') + 1)).collect(Collectors.joining(" "));
        assertEquals(20, all.split(" ").length);
    }

    @Test
    void multiTargetCommandsPayPerTargetSoTheNextLineWaits() {
        ChatHarness limited = new ChatHarness(ChatHarness.testConfig().floodLinesPerSecond(10).floodBurstLines(20)
                .build());
        Peer alice = limited.irc("alice");
        Peer bob = limited.irc("bob");
        bob.send("JOIN #room");
        alice.send("JOIN #room");
        limited.advance(3_000);
        bob.lines();
        alice.lines();
        // 5 looked-up nicks at 2 tokens each: the burst of 20 minus 10, minus the line itself.
        alice.send("WHOIS a,b,c,d,e", "WHOIS a,b,c,d,e", "PRIVMSG #room :after");
        assertEquals(List.of(), bob.lines(), "two five-target WHOIS spent the whole burst");
        for (int step = 0; step < 2; step++) {
            limited.advance(100);
        }
        assertEquals(List.of(":alice!alice@127.0.0.1 PRIVMSG #room after"), bob.lines());
    }

    @Test
    void realNamesAreCutAtNamelenAndRoomNamesThatImitateAreRefused() {
        Peer eve = chat.connect();
        eve.send("NICK eve", "USER eve 0 * :" + "r".repeat(400));
        eve.lines();
        List<String> whois = eve.ask("WHOIS eve");
        assertTrue(whois.get(0).endsWith(" * " + "r".repeat(ProtocolLimits.MAX_REAL_NAME_CHARS)), whois.get(0));
        assertEquals(List.of(":test.server 403 eve #p\u0430ypal :Invalid room name"), eve.ask("JOIN #p\u0430ypal"));
    }
}
