package chat.server.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.server.account.Operators;
import chat.server.account.PasswordHasher;
import chat.server.harness.ChatHarness;
import chat.server.harness.ChatHarness.Peer;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * OPER and what operators may do, on the in-memory harness (hashing inline): the replies and
 * modes, the same answer for a wrong password and an unknown name, the throttle, KILL, WALLOPS,
 * GLOBOPS, room override, KLINE/UNKLINE/STATS, and 481 for everyone else.
 */
class OperatorsTest {
    private static final String HASH = new PasswordHasher().hash("operator secret");

    private final ChatHarness chat = new ChatHarness(ChatHarness.testConfig()
            .operators(Operators.parse(List.of("# the operators", "", "boss " + HASH), null)).build());

    private static boolean has(List<String> lines, String part) {
        return lines.stream().anyMatch(line -> line.contains(part));
    }

    private Peer operator(String nick) {
        Peer peer = chat.irc(nick);
        assertEquals(List.of(":" + nick + "!" + nick + "@127.0.0.1 MODE " + nick + " +ow",
                ":test.server 381 " + nick + " :You are now an IRC operator"), peer.ask("OPER boss :operator secret"));
        return peer;
    }

    @Test
    void operGivesModesShownInModeWhoisWhoUserhostAndLusers() {
        Peer alice = operator("alice");
        Peer bob = chat.irc("bob");
        assertEquals(List.of(":test.server 221 alice +ow"), alice.ask("MODE alice"));
        List<String> whois = bob.ask("WHOIS alice");
        assertTrue(has(whois, ":test.server 313 bob alice :is an IRC operator"), whois::toString);
        assertEquals(List.of(":test.server 352 bob * alice 127.0.0.1 test.server alice H* :0 alice",
                ":test.server 315 bob alice :End of /WHO list."), bob.ask("WHO alice"));
        assertEquals(List.of(":test.server 302 bob :alice*=+alice@127.0.0.1 bob=+bob@127.0.0.1"),
                bob.ask("USERHOST alice bob"));
        assertTrue(has(bob.ask("LUSERS"), ":test.server 252 bob 1 :operator(s) online"));
        assertEquals(List.of(":alice!alice@127.0.0.1 MODE alice -o"), alice.ask("MODE alice -o+o"),
                "anyone may drop +o; +o itself comes only from OPER");
        assertFalse(has(bob.ask("LUSERS"), " 252 "), "no operators: 252 is left out (RFC 2812 3.4.2)");
    }

    @Test
    void aWrongPasswordAndAnUnknownNameGetTheSameAnswerThenTheThrottle() {
        Peer eve = chat.irc("eve");
        assertEquals(List.of(":test.server 464 eve :Password incorrect"), eve.ask("OPER boss :guess one"));
        assertEquals(List.of(":test.server 464 eve :Password incorrect"), eve.ask("OPER nobody :guess one"));
        eve.ask("OPER boss :guess two");
        eve.ask("OPER boss :guess three"); // the fourth failure under oper:boss: now each one waits
        assertEquals(List.of(":test.server 464 eve :Too many failed logins; try again in 1 seconds"),
                eve.ask("OPER boss :operator secret"), "even the right password waits");
        chat.advance(1_000);
        assertTrue(has(eve.ask("OPER boss :operator secret"), " 381 eve "));
        assertEquals(List.of(":test.server 461 eve OPER :Not enough parameters"), eve.ask("OPER boss"));
    }

    @Test
    void operatorsHearOfFailedAttempts() {
        Peer alice = operator("alice");
        chat.irc("eve").ask("OPER boss :wrong");
        assertEquals(List.of(":test.server NOTICE alice :*** Failed OPER attempt as boss by eve!eve@127.0.0.1"),
                alice.lines());
    }

    @Test
    void everyoneElseGets481() {
        Peer bob = chat.irc("bob");
        for (String command : new String[] {"KILL alice :x", "WALLOPS :x", "GLOBOPS :x", "KLINE *@h 1h :x",
            "UNKLINE *@h", "STATS k"}) {
            assertEquals(":test.server 481 bob :Permission Denied- You're not an IRC operator", bob.ask(command).get(0),
                    command);
        }
        List<String> uptime = bob.ask("STATS u");
        assertTrue(uptime.get(0).matches(":test.server 242 bob :Server Up 0 days 0:00:\\d\\d"), uptime::toString);
        assertEquals(":test.server 219 bob u :End of /STATS report", uptime.get(1));
    }

    @Test
    void killDisconnectsWithTheWordsOfOtherServers() {
        Peer alice = operator("alice");
        Peer bob = chat.irc("bob");
        Peer carol = chat.irc("carol");
        bob.send("JOIN #r");
        carol.send("JOIN #r");
        carol.lines();
        bob.lines();
        alice.send("KILL bob :spamming");
        assertEquals(List.of(":alice!alice@127.0.0.1 KILL bob :Killed (alice (spamming))",
                "ERROR :Closing Link: 127.0.0.1 (Killed (alice (spamming)))"), bob.lines());
        assertTrue(bob.isClosed());
        assertEquals(List.of(":bob!bob@127.0.0.1 QUIT :Killed (alice (spamming))"), carol.lines());
        assertEquals(List.of(":test.server NOTICE alice :*** bob was killed by alice (spamming)"), alice.lines());
        assertEquals(List.of(":test.server 401 alice nobody :No such nick/channel"), alice.ask("KILL nobody :x"));
        assertEquals(List.of(":test.server 461 alice KILL :Not enough parameters"), alice.ask("KILL carol"));
    }

    @Test
    void wallopsReachUsersWithPlusWAndGlobopsOperatorsOnly() {
        Peer alice = operator("alice");
        Peer listener = chat.irc("listener");
        Peer other = chat.irc("other");
        assertEquals(List.of(":listener!listener@127.0.0.1 MODE listener +w"), listener.ask("MODE listener +w"));
        alice.send("WALLOPS :server restarts at noon");
        assertEquals(List.of(":alice!alice@127.0.0.1 WALLOPS :server restarts at noon"), alice.lines(),
                "operators get +w with OPER");
        assertEquals(List.of(":alice!alice@127.0.0.1 WALLOPS :server restarts at noon"), listener.lines());
        assertEquals(List.of(), other.lines());
        alice.send("GLOBOPS :look at #spam");
        assertEquals(List.of(":test.server NOTICE alice :*** GLOBOPS from alice: look at #spam"), alice.lines());
        assertEquals(List.of(), listener.lines());
    }

    @Test
    void operatorsMayRunAnyRoomWithoutItsAt() {
        Peer bob = chat.irc("bob");
        bob.send("JOIN #r");
        Peer carol = chat.irc("carol");
        carol.send("JOIN #r");
        assertEquals(List.of(":test.server 482 carol #r :You're not channel operator"), carol.ask("MODE #r +m"));
        Peer alice = operator("alice");
        Peer dave = operator("dave");
        alice.send("JOIN #r");
        bob.lines();
        dave.lines();
        assertEquals(List.of(":alice!alice@127.0.0.1 MODE #r +m"), alice.ask("MODE #r +m"));
        assertEquals(List.of(":alice!alice@127.0.0.1 KICK #r carol out"), alice.ask("KICK #r carol :out"));
        assertTrue(has(bob.lines(), "KICK #r carol out"));
        assertEquals(List.of(":test.server NOTICE dave :*** alice used operator override on #r: MODE +m",
                ":test.server NOTICE dave :*** alice used operator override on #r: KICK carol"), dave.lines());
    }

    @Test
    void klineBansNowAndAtRegistrationUntilUnklined() {
        Peer alice = operator("alice");
        Peer bob = chat.irc("bob");
        assertEquals(List.of(":test.server NOTICE alice :*** alice added a K-line on *!bob@*, for 3600 s: spam (1 disconnected)"),
                alice.ask("KLINE bob@* 1h :spam"));
        List<String> gone = bob.lines();
        assertTrue(gone.get(gone.size() - 1).startsWith("ERROR :You are banned from this server: spam (until "), gone::toString);
        assertTrue(bob.isClosed());
        List<String> stats = alice.ask("STATS k");
        assertTrue(stats.get(0).matches(":test.server 216 alice k \\*!bob@\\* \\d+ 3600 alice spam"), stats::toString);
        assertEquals(":test.server 219 alice k :End of /STATS report", stats.get(1));
        Peer again = chat.connect();
        again.send("NICK bob", "USER bob 0 * :bob");
        assertTrue(again.isClosed(), "the K-line holds at registration");
        assertEquals(List.of(":test.server NOTICE alice :*** alice removed the K-line on *!bob@*"), alice.ask("UNKLINE bob@*"));
        assertEquals(List.of(":test.server 219 alice k :End of /STATS report"), alice.ask("STATS k"));
        assertEquals(List.of(":test.server NOTICE alice :*** K-line on *!*@* refused: it would ban everyone"),
                alice.ask("KLINE *@* 1h :everyone"));
        assertEquals(List.of(":test.server NOTICE alice :*** No K-line on nobody@*; STATS k lists them"),
                alice.ask("UNKLINE nobody@*"));
    }

    @Test
    void klineDurationsAreInspircdWords() {
        assertEquals(5_400_000, ServerBanCommands.durationMillis("1h30m"));
        assertEquals(90_000, ServerBanCommands.durationMillis("90"));
        assertEquals(14 * 86_400_000L, ServerBanCommands.durationMillis("2w"));
        assertEquals(0, ServerBanCommands.durationMillis("0"));
        assertEquals(-1, ServerBanCommands.durationMillis("spam"));
    }
}
