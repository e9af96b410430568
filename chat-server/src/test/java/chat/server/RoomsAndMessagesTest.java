package chat.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.server.command.ServerInfo;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class RoomsAndMessagesTest extends WithTestServer {
    private TestClient alice;
    private TestClient bob;
    private TestClient carol;

    @BeforeEach
    void connectAliceBobAndCarol() throws Exception {
        alice = TestClient.irc(server.port(), "alice");
        bob = TestClient.irc(server.port(), "bob");
        carol = TestClient.irc(server.port(), "carol");
    }

    @AfterEach
    void disconnectThem() throws Exception {
        alice.close();
        bob.close();
        carol.close();
    }

    private void everyoneJoins(String room) throws Exception {
        alice.ask("JOIN " + room);
        bob.ask("JOIN " + room);
        carol.ask("JOIN " + room);
        alice.sync();
        bob.sync();
    }

    @Test
    void joinAnnouncesToMembersAndFirstMemberIsOperator() throws Exception {
        List<String> replies = alice.ask("JOIN #room");
        assertEquals(List.of(":alice!alice@127.0.0.1 JOIN #room", ":test.server 353 alice = #room @alice",
                ":test.server 366 alice #room :End of /NAMES list."), replies);
        List<String> bobReplies = bob.ask("JOIN #Room");
        assertEquals(":bob!bob@127.0.0.1 JOIN #room", bobReplies.get(0), "the room keeps its first spelling");
        assertEquals(":test.server 353 bob = #room :@alice bob", bobReplies.get(1));
        assertEquals(":bob!bob@127.0.0.1 JOIN #room", alice.readLine());
    }

    @Test
    void roomMessagesReachEveryMemberButTheSenderInOrder() throws Exception {
        everyoneJoins("#room");
        for (int i = 0; i < 20; i++) {
            alice.send("PRIVMSG #room :line " + i);
        }
        alice.send("NOTICE #room :a notice");
        assertTrue(alice.sync().isEmpty(), "the sender gets no echo");
        for (TestClient reader : List.of(bob, carol)) {
            for (int i = 0; i < 20; i++) {
                assertEquals(":alice!alice@127.0.0.1 PRIVMSG #room :line " + i, reader.readLine());
            }
            assertEquals(":alice!alice@127.0.0.1 NOTICE #room :a notice", reader.readLine());
        }
    }

    @Test
    void privateMessagesGoToOneNickOnly() throws Exception {
        everyoneJoins("#room");
        alice.send("PRIVMSG BOB :just you");
        assertEquals(":alice!alice@127.0.0.1 PRIVMSG bob :just you", bob.readLine());
        assertTrue(carol.sync().isEmpty());
    }

    @Test
    void targetsPastTheLimitAreAnsweredWith407NotDroppedSilently() throws Exception {
        List<String> replies = alice.ask("PRIVMSG bob,carol,bob,carol,bob,carol :many");
        assertEquals(List.of(":test.server 407 alice bob :2 targets past the first 4 did not get the message"),
                replies);
        // A repeated target is the same recipient: one copy each, however often it is named.
        assertEquals(List.of(":alice!alice@127.0.0.1 PRIVMSG bob many"), bob.sync());
        assertEquals(List.of(":alice!alice@127.0.0.1 PRIVMSG carol many"), carol.sync());
    }

    @Test
    void awayUserCausesRpl301ToPrivateSenders() throws Exception {
        assertEquals(List.of(":test.server 306 bob :You have been marked as being away"), bob.ask("AWAY :lunch"));
        assertEquals(List.of(":test.server 301 alice bob lunch"), alice.ask("PRIVMSG bob :hi"));
        assertEquals(List.of(), alice.ask("NOTICE bob :hi"), "NOTICE never triggers an away reply");
        assertEquals(List.of(":alice!alice@127.0.0.1 PRIVMSG bob hi", ":alice!alice@127.0.0.1 NOTICE bob hi",
                ":test.server 305 bob :You are no longer marked as being away"), bob.ask("AWAY"));
    }

    @Test
    void messageErrorsHaveTheirNumerics() throws Exception {
        bob.ask("JOIN #closed");
        assertEquals(List.of(":test.server 411 alice :No recipient given (PRIVMSG)"), alice.ask("PRIVMSG"));
        assertEquals(List.of(":test.server 412 alice :No text to send"), alice.ask("PRIVMSG bob"));
        assertEquals(List.of(":test.server 401 alice zed :No such nick/channel"), alice.ask("PRIVMSG zed :hi"));
        assertEquals(List.of(":test.server 403 alice #nowhere :No such channel"), alice.ask("PRIVMSG #nowhere :hi"));
        assertEquals(List.of(":test.server 404 alice #closed :Cannot send to channel (+n: members only)"), alice.ask("PRIVMSG #closed :hi"));
        assertEquals(List.of(":test.server 442 alice #closed :You're not on that channel"), alice.ask("PART #closed"));
        assertEquals(List.of(":test.server 403 alice #nowhere :No such channel"), alice.ask("PART #nowhere"));
        assertEquals(List.of(":test.server 403 alice bad :Invalid room name"), alice.ask("JOIN bad"));
    }

    @Test
    void partIsSeenByAllMembersAndEmptiesTheRoom() throws Exception {
        everyoneJoins("#room");
        assertEquals(List.of(":bob!bob@127.0.0.1 PART #room gone"), bob.ask("PART #room gone"));
        assertEquals(":bob!bob@127.0.0.1 PART #room gone", alice.readLine());
        assertEquals(":bob!bob@127.0.0.1 PART #room gone", carol.readLine());
        alice.ask("PART #room");
        carol.ask("PART #room");
        assertEquals(List.of(":test.server 321 bob Channel :Users  Name", ":test.server 323 bob :End of /LIST"),
                bob.ask("LIST"), "an empty room no longer exists");
    }

    @Test
    void namesOfMissingRoomIsOnly366AndTopicOfMissingRoomIs403() throws Exception {
        assertEquals(List.of(":test.server 366 alice #none :End of /NAMES list."), alice.ask("NAMES #none"));
        assertEquals(List.of(":test.server 403 alice #none :No such channel"), alice.ask("TOPIC #none"));
    }

    @Test
    void topicIsSetByOperatorsAndShownToJoiners() throws Exception {
        alice.ask("JOIN #room");
        bob.ask("JOIN #room");
        alice.sync();
        assertEquals(List.of(":test.server 331 bob #room :No topic is set"), bob.ask("TOPIC #room"));
        assertEquals(List.of(":test.server 482 bob #room :You're not channel operator"), bob.ask("TOPIC #room :mine"));
        assertEquals(List.of(":alice!alice@127.0.0.1 TOPIC #room :Welcome all"), alice.ask("TOPIC #room :Welcome all"));
        assertEquals(":alice!alice@127.0.0.1 TOPIC #room :Welcome all", bob.readLine());
        List<String> join = carol.ask("JOIN #room");
        assertEquals(":test.server 332 carol #room :Welcome all", join.get(1));
        assertTrue(join.get(2).startsWith(":test.server 333 carol #room alice!alice@127.0.0.1 "), join::toString);
        assertEquals(List.of(":test.server 321 carol Channel :Users  Name", ":test.server 322 carol #room 3 :Welcome all",
                ":test.server 323 carol :End of /LIST"), carol.ask("LIST"));
    }

    @Test
    void whoAndWhoisDescribeUsers() throws Exception {
        everyoneJoins("#room");
        assertEquals(List.of(":test.server 306 carol :You have been marked as being away"), carol.ask("AWAY :out"));
        assertEquals(List.of(
                ":test.server 352 bob #room alice 127.0.0.1 test.server alice H@ :0 Real alice",
                ":test.server 352 bob #room bob 127.0.0.1 test.server bob H :0 Real bob",
                ":test.server 352 bob #room carol 127.0.0.1 test.server carol G :0 Real carol",
                ":test.server 315 bob #room :End of /WHO list."), bob.ask("WHO #room"));
        List<String> whois = bob.ask("WHOIS alice");
        assertEquals(":test.server 311 bob alice alice 127.0.0.1 * :Real alice", whois.get(0));
        assertEquals(":test.server 319 bob alice @#room", whois.get(1));
        assertEquals(":test.server 312 bob alice test.server " + ServerInfo.VERSION, whois.get(2));
        assertTrue(whois.get(3).matches(":test\\.server 317 bob alice \\d+ \\d+ :seconds idle, signon time"), whois::toString);
        assertEquals(":test.server 318 bob alice :End of /WHOIS list.", whois.get(4));
        assertEquals(List.of(":test.server 401 bob zed :No such nick/channel", ":test.server 318 bob zed :End of /WHOIS list."),
                bob.ask("WHOIS zed"));
        assertTrue(bob.ask("WHOIS carol").contains(":test.server 301 bob carol out"));
    }

    @Test
    void nickChangeIsAnnouncedOnceToEveryoneSharingARoom() throws Exception {
        everyoneJoins("#one");
        everyoneJoins("#two");
        assertEquals(List.of(":bob!bob@127.0.0.1 NICK robert"), bob.ask("NICK robert"));
        assertEquals(List.of(":bob!bob@127.0.0.1 NICK robert"), alice.sync(), "once, though two rooms are shared");
        assertEquals(List.of(":bob!bob@127.0.0.1 NICK robert"), carol.sync());
        assertEquals(":robert!bob@127.0.0.1 PRIVMSG alice :new name", sendAndRead(bob, alice, "PRIVMSG alice :new name"));
        assertEquals(List.of(), bob.ask("NICK robert"), "same nick: nothing happens");
        assertEquals(List.of(":robert!bob@127.0.0.1 NICK Robert"), bob.ask("NICK Robert"), "case change is allowed");
    }

    private static String sendAndRead(TestClient from, TestClient to, String line) throws Exception {
        from.send(line);
        return to.readLine();
    }

    @Test
    void quitIsSeenOnceByEveryoneSharingARoomWithItsReason() throws Exception {
        everyoneJoins("#one");
        everyoneJoins("#two");
        carol.send("QUIT 88");
        carol.readUntilClosed();
        assertEquals(List.of(":carol!carol@127.0.0.1 QUIT :Quit: 88"), alice.sync());
        assertEquals(List.of(":carol!carol@127.0.0.1 QUIT :Quit: 88"), bob.sync());
        assertEquals(List.of(":test.server 353 alice = #one :@alice bob", ":test.server 366 alice #one :End of /NAMES list."),
                alice.ask("NAMES #one"));
    }

    @Test
    void operatorsKickAndOthersCannot() throws Exception {
        everyoneJoins("#room");
        assertEquals(List.of(":test.server 482 bob #room :You're not channel operator"), bob.ask("KICK #room carol"));
        assertEquals(List.of(":alice!alice@127.0.0.1 KICK #room carol behave"), alice.ask("KICK #room carol behave"));
        assertEquals(":alice!alice@127.0.0.1 KICK #room carol behave", carol.readLine());
        assertEquals(":alice!alice@127.0.0.1 KICK #room carol behave", bob.readLine());
        assertEquals(List.of(":test.server 404 carol #room :Cannot send to channel (+n: members only)"), carol.ask("PRIVMSG #room :hey"));
        assertEquals(List.of(":test.server 441 alice carol #room :They aren't on that channel"),
                alice.ask("KICK #room carol"));
    }

    @Test
    void modeQueriesAreAnsweredAndOperatorsCanGiveOps() throws Exception {
        everyoneJoins("#room");
        List<String> mode = bob.ask("MODE #room");
        assertEquals(":test.server 324 bob #room +nt", mode.get(0));
        assertTrue(mode.get(1).startsWith(":test.server 329 bob #room "), mode::toString);
        assertEquals(List.of(":test.server 368 bob #room :End of channel ban list"), bob.ask("MODE #room b"));
        assertEquals(List.of(":test.server 221 bob +"), bob.ask("MODE bob"));
        assertEquals(List.of(":bob!bob@127.0.0.1 MODE bob +i"), bob.ask("MODE bob +i"));
        assertEquals(List.of(":test.server 502 bob :Cant change mode for other users"), bob.ask("MODE alice +i"));
        assertEquals(List.of(":test.server 482 bob #room :You're not channel operator"), bob.ask("MODE #room +o bob"));
        assertEquals(List.of(":alice!alice@127.0.0.1 MODE #room +o bob"), alice.ask("MODE #room +o bob"));
        assertEquals(":alice!alice@127.0.0.1 MODE #room +o bob", bob.readLine());
        assertEquals(List.of(":alice!alice@127.0.0.1 MODE #room +o bob"), carol.sync());
        assertEquals(List.of(":test.server 353 carol = #room :@alice @bob carol",
                ":test.server 366 carol #room :End of /NAMES list."), carol.ask("NAMES #room"));
    }

    @Test
    void serverQueriesAnswer() throws Exception {
        assertTrue(alice.ask("VERSION").get(0).startsWith(":test.server 351 alice " + ServerInfo.VERSION + " test.server"));
        assertTrue(alice.ask("TIME").get(0).startsWith(":test.server 391 alice test.server :"));
        assertEquals(":test.server 422 alice :MOTD File is missing", alice.ask("MOTD").get(0));
        assertEquals(2, alice.ask("LUSERS").size(), "251 and 255; 252-254 only when not zero (RFC 2812 3.4.2)");
        assertEquals(List.of(":test.server 303 alice bob"), alice.ask("ISON bob zed"));
        assertEquals(List.of(":test.server 302 alice bob=+bob@127.0.0.1"), alice.ask("USERHOST bob"));
    }
}
