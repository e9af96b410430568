package chat.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every room mode and the commands around them over real sockets, for an IRC client and for a
 * person at nc, who is held to the same modes and told why in words. (The in-memory harness tests
 * in chat.server.command cover each rule in detail; this is the same server end to end.)
 */
@Timeout(60)
class RoomModesOverSocketsTest extends WithTestServer {
    private static boolean has(List<String> lines, String part) {
        return lines.stream().anyMatch(line -> line.contains(part));
    }

    @Test
    void everyModeHoldsForIrcAndPlainTextUsers() throws Exception {
        try (TestClient op = TestClient.inRoom(server.port(), "op", "#m");
                TestClient ivy = TestClient.irc(server.port(), "ivy");
                TestClient dave = TestClient.plain(server.port(), "dave")) {
            List<String> modes = op.ask("MODE #m");
            assertTrue(has(modes, " 324 op #m +nt") && has(modes, " 329 op #m "), modes::toString);

            // +i and INVITE, +I
            op.ask("MODE #m +i");
            assertTrue(has(ivy.ask("JOIN #m"), " 473 ivy #m :Cannot join channel (+i: invite only)"));
            dave.send("/join #m");
            assertTrue(dave.expectContaining("+i: invite only").contains("#m"));
            assertTrue(has(op.ask("INVITE ivy #m"), " 341 op ivy #m"));
            assertTrue(ivy.expectContaining(" INVITE ivy #m").startsWith(":op!"));
            assertTrue(has(ivy.ask("JOIN #m"), " JOIN #m"));
            op.ask("MODE #m +I dave!*@*");
            assertTrue(has(op.ask("MODE #m I"), " 346 op #m dave!*@* op "));
            dave.send("/join #m");
            dave.expectContaining("You are talking in #m now");
            op.ask("MODE #m -iI dave!*@*");

            // +k, +l
            op.ask("MODE #m +k sesame");
            assertTrue(has(op.ask("MODE #m +k other"), " 467 op #m "));
            try (TestClient kay = TestClient.irc(server.port(), "kay")) {
                assertTrue(has(kay.ask("JOIN #m"), " 475 kay #m "));
                assertTrue(has(kay.ask("JOIN #m sesame"), " JOIN #m"));
                kay.ask("PART #m");
                op.ask("MODE #m -k *");
                op.ask("MODE #m +l 3");
                assertTrue(has(kay.ask("JOIN #m"), " 471 kay #m "));
                op.ask("MODE #m -l");
            }

            // +m and +v: nobody but voiced and operators speaks; the plain-text user is told why
            op.ask("MODE #m +m");
            assertTrue(has(ivy.ask("PRIVMSG #m :quiet?"), " 404 ivy #m :Cannot send to channel (+m: only voiced users may speak)"));
            dave.send("am I heard");
            assertTrue(dave.expectContaining("only voiced users may speak").contains("#m"));
            op.ask("MODE #m +v ivy");
            ivy.ask("PRIVMSG #m :voiced now");
            assertTrue(op.expectContaining("voiced now").contains("PRIVMSG #m"));
            op.ask("MODE #m -m");

            // +b with an exception, on joining and on speaking
            op.ask("MODE #m +b dave!*@*");
            assertTrue(has(op.ask("MODE #m b"), " 367 op #m dave!*@* op "));
            dave.send("banned words");
            assertTrue(dave.expectContaining("banned").contains("#m"));
            op.ask("MODE #m +e dave!*@*");
            assertTrue(has(op.ask("MODE #m e"), " 348 op #m dave!*@* op "));
            dave.send("excepted words");
            assertTrue(op.expectContaining("excepted words").contains("PRIVMSG #m"));
            op.ask("MODE #m -be dave!*@* dave!*@*");

            // +n, +s, +t, +o, unknown modes, not an operator
            try (TestClient out = TestClient.irc(server.port(), "out")) {
                assertTrue(has(out.ask("PRIVMSG #m :from outside"), " 404 out #m "));
                op.ask("MODE #m +s");
                assertTrue(!has(out.ask("LIST"), "#m"), "+s hides the room from outsiders");
                assertTrue(has(out.ask("MODE #m +o out"), " 482 out #m "));
            }
            assertTrue(has(ivy.ask("TOPIC #m :not mine"), " 482 ivy #m "));
            op.ask("MODE #m +o ivy");
            assertTrue(has(ivy.ask("TOPIC #m :mine now"), " TOPIC #m "));
            assertTrue(has(op.ask("MODE #m +z"), " 472 op z "));
            assertTrue(has(op.ask("KICK #m nobody"), " 401 op nobody ") || has(op.ask("KICK #m nobody"), " 441 "));

            // the plain-text user's own commands, in words
            dave.send("/mode");
            assertTrue(dave.expectContaining("+nst").contains("#m"), "the modes in force, +s and +t among them");
            op.ask("KICK #m dave :bye");
            assertTrue(dave.expectContaining("was kicked from #m by op").contains("bye"));
        }
    }

    @Test
    void theQueryCommandsAnswerOverSockets() throws Exception {
        try (TestClient alice = TestClient.inRoom(server.port(), "alice", "#q");
                TestClient bob = TestClient.inRoom(server.port(), "bob", "#q")) {
            List<String> who = alice.ask("WHO b*");
            assertTrue(who.stream().anyMatch(l -> l.contains(" 352 alice ") && l.contains(" bob H")), who::toString);
            assertTrue(has(alice.ask("WHO #q %tna,7"), " 354 alice 7 bob 0"));
            assertEquals(List.of(":test.server 303 alice bob"), alice.ask("ISON bob nobody"));
            assertTrue(has(alice.ask("USERHOST bob"), " 302 alice bob=+bob@"));
            assertTrue(has(alice.ask("LIST >1"), " 322 alice #q 2 "));
            assertTrue(!has(alice.ask("LIST >2"), " 322 alice #q "));
            assertTrue(has(alice.ask("NAMES #q,#none"), " 366 alice #none "));
            assertTrue(has(alice.ask("MONITOR + carol"), " 731 alice carol"));
            try (TestClient carol = TestClient.irc(server.port(), "carol")) {
                assertTrue(alice.expectContaining(" 730 alice carol!").contains("carol"));
            }
            assertTrue(alice.expectContaining(" 731 alice carol").contains("carol"));
            assertTrue(has(alice.ask("WHOWAS carol"), " 314 alice carol "));
            assertTrue(has(alice.ask("ADMIN"), " 256 alice "));
            assertTrue(has(alice.ask("INFO"), " 374 alice "));
            List<String> lusers = alice.ask("LUSERS");
            assertTrue(has(lusers, " 251 alice :There are ") && has(lusers, " 255 alice :I have 2 clients"), lusers::toString);
            assertTrue(alice.ask("NOTICE nobody :hello").isEmpty(), "no reply of any kind to a NOTICE");
        }
    }
}
