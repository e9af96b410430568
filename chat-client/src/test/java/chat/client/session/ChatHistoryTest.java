package chat.client.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.client.ui.MessageRenderer;
import chat.protocol.IrcParser;
import java.util.List;
import java.util.Map;
import org.jline.utils.AttributedStyle;
import org.junit.jupiter.api.Test;

/** History from a draft/chathistory server: when it is asked for, how it is shown, and never twice. */
class ChatHistoryTest {
    private static final AttributedStyle DIM = AttributedStyle.DEFAULT.faint();

    private final RecordingScreen screen = new RecordingScreen();

    private SessionFixture withHistory() throws Exception {
        return new SessionFixture(screen).with(Capabilities.BATCH, Capabilities.CHATHISTORY, Capabilities.MESSAGE_TAGS,
                Capabilities.SERVER_TIME);
    }

    private static void receive(SessionFixture session, String... lines) throws Exception {
        for (String line : lines) {
            session.handler.received(IrcParser.parse(line));
        }
    }

    /** The server confirms my join of a room: JOIN, names, end of names. */
    private static void join(SessionFixture session, String room) throws Exception {
        receive(session, ":me!me@h JOIN " + room, ":irc.test 353 me = " + room + " :me bob",
                ":irc.test 366 me " + room + " :End of /NAMES list.");
    }

    /** One chathistory batch holding these lines (tags and all, the batch tag added). */
    private static void batch(SessionFixture session, String target, String... lines) throws Exception {
        receive(session, ":irc.test BATCH +h1 chathistory " + target);
        for (String line : lines) {
            receive(session, "@batch=h1;" + line.substring(1));
        }
        receive(session, ":irc.test BATCH -h1");
    }

    private static boolean dim(MessageRenderer.Rendered line) {
        return line.text().styleAt(line.text().length() - 1).equals(DIM);
    }

    @Test
    void aConfirmedJoinAsksForTheLatestLinesOnceTheNamesListEnds() throws Exception {
        SessionFixture session = withHistory();
        receive(session, ":me!me@h JOIN #dev", ":irc.test 353 me = #dev :me bob");
        assertEquals(List.of(), session.historyRequests, "the join is complete only with the end of names");
        receive(session, ":irc.test 366 me #dev :End of /NAMES list.");
        assertEquals(List.of("CHATHISTORY LATEST #dev * 50"), session.historyRequests);
        receive(session, ":irc.test 366 me #dev :End of /NAMES list.");
        assertEquals(1, session.historyRequests.size(), "a later /names asks nothing");
    }

    @Test
    void theServersLimitCapsTheRequest() throws Exception {
        SessionFixture session = withHistory();
        receive(session, ":irc.test 005 me CHATHISTORY=20 MSGREFTYPES=msgid,timestamp :are supported by this server");
        join(session, "#dev");
        assertEquals(List.of("CHATHISTORY LATEST #dev * 20"), session.historyRequests);
    }

    @Test
    void withoutTheCapabilityNothingIsAskedAndBatchesOfOtherTypesPassAsBefore() throws Exception {
        SessionFixture session = new SessionFixture(screen).with(Capabilities.BATCH, Capabilities.MESSAGE_TAGS);
        join(session, "#dev");
        receive(session, "@msgid=m1 :bob!b@h PRIVMSG bob2 :not me", "@msgid=m2 :bob!b@h PRIVMSG me :psst");
        receive(session, "@msgid=m2 :bob!b@h PRIVMSG me :psst");
        assertEquals(List.of(), session.historyRequests);
        assertEquals(2, screen.shown.stream().filter(line -> line.endsWith("psst")).count(),
                "without history nothing is deduplicated: the session is as before");
        assertTrue(session.history.opening("bob").isEmpty());
    }

    @Test
    void historyIsShownDimBetweenSeparatorsWithItsOwnTimesAndNeverAsNews() throws Exception {
        SessionFixture session = withHistory();
        join(session, "#lobby");
        screen.shown.clear();
        screen.lines.clear();
        batch(session, "#lobby",
                "@time=2026-12-05T16:22:21.123Z;msgid=m1 :bob!b@h PRIVMSG #lobby :hi me, you there?",
                "@time=2026-12-05T16:23:00.000Z;msgid=m2 :carol!c@h PRIVMSG #lobby :morning");
        assertEquals(List.of("\u2500\u2500 earlier \u2500\u2500", "16:22 <bob> hi me, you there?", "16:23 <carol> morning",
                "\u2500\u2500 now \u2500\u2500"), screen.shown);
        assertTrue(screen.lines.subList(1, 3).stream().allMatch(ChatHistoryTest::dim), "history lines are dim");
        assertFalse(screen.lines.stream().anyMatch(MessageRenderer.Rendered::bell), "a mention in history rings no bell");
    }

    @Test
    void historyOfAnotherRoomNamesItAndCountsNothingUnread() throws Exception {
        SessionFixture session = withHistory();
        join(session, "#dev");
        batch(session, "#dev", "@time=2026-12-05T16:22:21.123Z;msgid=m1 :bob!b@h PRIVMSG #dev :deploy done");
        assertTrue(screen.shown.contains("\u2500\u2500 earlier in #dev \u2500\u2500"), screen.shown::toString);
        assertTrue(screen.shown.contains("16:22 [#dev] <bob> deploy done"), screen.shown::toString);
        assertEquals(Map.of(), session.state.get().unread());
        receive(session, "@msgid=m2 :bob!b@h PRIVMSG #dev :live one");
        assertEquals(Map.of("#dev", 1), session.state.get().unread(), "a live line still counts");
    }

    @Test
    void myOwnLineInHistoryConfirmsNoPendingLine() throws Exception {
        SessionFixture session = withHistory();
        session.capabilities.set(java.util.Set.of(Capabilities.BATCH, Capabilities.CHATHISTORY, Capabilities.ECHO_MESSAGE));
        session.own.queued(chat.protocol.IrcMessage.of("PRIVMSG", "#lobby", "hello")).run();
        join(session, "#lobby");
        batch(session, "#lobby", "@time=2026-12-05T16:22:21.123Z;msgid=m1 :me!me@h PRIVMSG #lobby :hello");
        assertEquals(1, session.delivery.waiting().size(), "the pending line waits for its own echo");
        assertEquals(List.of("17:00 <me> hello \u2026"), screen.status);
    }

    @Test
    void aLineSeenLiveIsNotShownAgainFromHistoryNorTheOtherWayRound() throws Exception {
        SessionFixture session = withHistory();
        join(session, "#lobby");
        receive(session, "@time=2026-12-05T16:59:00.000Z;msgid=m2 :bob!b@h PRIVMSG #lobby :live first");
        batch(session, "#lobby",
                "@time=2026-12-05T16:58:00.000Z;msgid=m1 :bob!b@h PRIVMSG #lobby :before",
                "@time=2026-12-05T16:59:00.000Z;msgid=m2 :bob!b@h PRIVMSG #lobby :live first");
        receive(session, "@time=2026-12-05T16:58:00.000Z;msgid=m1 :bob!b@h PRIVMSG #lobby :before");
        assertEquals(1, screen.shown.stream().filter(line -> line.endsWith("live first")).count(), screen.shown::toString);
        assertEquals(1, screen.shown.stream().filter(line -> line.endsWith("before")).count(), screen.shown::toString);
    }

    @Test
    void aReconnectCatchesUpAfterTheLastLineSeenPageByPageWhileThePagesAreFull() throws Exception {
        SessionFixture session = withHistory();
        receive(session, ":irc.test 005 me CHATHISTORY=2 :are supported by this server");
        join(session, "#lobby");
        batch(session, "#lobby");
        receive(session, "@msgid=m1 :bob!b@h PRIVMSG #lobby :one", "@msgid=m2 :bob!b@h PRIVMSG #lobby :two");
        session.historyRequests.clear();

        session.handler.lost("reset by peer", true, 1000);
        session.handler.connected();
        session.capabilities.set(java.util.Set.of(Capabilities.BATCH, Capabilities.CHATHISTORY));
        receive(session, ":irc.test 005 me CHATHISTORY=2 :are supported by this server", ":irc.test 422 me :No MOTD");
        join(session, "#lobby");
        assertEquals(List.of("CHATHISTORY AFTER #lobby msgid=m2 2"), session.historyRequests);
        screen.shown.clear();
        screen.lines.clear();
        batch(session, "#lobby", "@time=2026-12-05T16:40:00.000Z;msgid=m3 :bob!b@h PRIVMSG #lobby :three me",
                "@time=2026-12-05T16:41:00.000Z;msgid=m4 :bob!b@h PRIVMSG #lobby :four");
        assertEquals("CHATHISTORY AFTER #lobby msgid=m4 2", session.historyRequests.get(1), "a full page: ask on");
        batch(session, "#lobby", "@time=2026-12-05T16:42:00.000Z;msgid=m5 :bob!b@h PRIVMSG #lobby :five");
        assertEquals(2, session.historyRequests.size(), "a page that is not full is the last");
        assertEquals(List.of("\u2500\u2500 while you were away \u2500\u2500", "16:40 <bob> three me", "16:41 <bob> four",
                "16:42 <bob> five"), screen.shown);
        assertFalse(dim(screen.lines.get(2)), "caught-up lines are news, shown as usual");
        assertFalse(screen.lines.stream().anyMatch(MessageRenderer.Rendered::bell), "but they ring no bell");
    }

    @Test
    void aReconnectCatchesUpPrivateConversationsOnceRegistered() throws Exception {
        SessionFixture session = withHistory();
        receive(session, "@msgid=p1 :bob!b@h PRIVMSG me :psst");
        assertEquals(List.of("CHATHISTORY LATEST bob * 50"), session.historyRequests, "the first private line opens it");
        session.handler.connected();
        session.capabilities.set(java.util.Set.of(Capabilities.BATCH, Capabilities.CHATHISTORY));
        receive(session, ":irc.test 376 me :End of /MOTD command.");
        assertEquals("CHATHISTORY AFTER bob msgid=p1 100", session.historyRequests.get(1));
        assertEquals(2, session.historyRequests.size(), "#lobby waits for its rejoin");
    }

    @Test
    void aRoomStillCatchesUpWhenTheServerRegisteredUsBeforeGrantingHistory() throws Exception {
        SessionFixture session = withHistory();
        join(session, "#lobby");
        receive(session, "@msgid=m1 :bob!b@h PRIVMSG #lobby :one");
        session.handler.connected();
        receive(session, ":irc.test 422 me :No MOTD");
        session.capabilities.set(java.util.Set.of(Capabilities.BATCH, Capabilities.CHATHISTORY));
        join(session, "#lobby");
        assertEquals("CHATHISTORY AFTER #lobby msgid=m1 100", session.historyRequests.get(1));
    }

    @Test
    void aCatchUpWithNothingMissedShowsNothing() throws Exception {
        SessionFixture session = withHistory();
        join(session, "#lobby");
        receive(session, "@msgid=m1 :bob!b@h PRIVMSG #lobby :one");
        session.handler.connected();
        session.capabilities.set(java.util.Set.of(Capabilities.BATCH, Capabilities.CHATHISTORY));
        join(session, "#lobby");
        screen.shown.clear();
        batch(session, "#lobby");
        assertEquals(List.of(), screen.shown);
    }

    @Test
    void historyAsksForThePageBeforeTheOldestLineShown() throws Exception {
        SessionFixture session = withHistory();
        join(session, "#lobby");
        batch(session, "#lobby", "@msgid=m5 :bob!b@h PRIVMSG #lobby :five", "@msgid=m6 :bob!b@h PRIVMSG #lobby :six");
        ChatHistory.Request older = session.history.older("#lobby", 30);
        assertEquals("CHATHISTORY BEFORE #lobby msgid=m5 30", older.message().toString());
        session.history.onWritten(older).run();
        screen.shown.clear();
        batch(session, "#lobby", "@time=2026-12-05T10:00:00.000Z;msgid=m4 :bob!b@h PRIVMSG #lobby :four");
        assertEquals(List.of("\u2500\u2500 earlier \u2500\u2500", "10:00 <bob> four", "\u2500\u2500 now \u2500\u2500"),
                screen.shown);
        assertEquals("CHATHISTORY BEFORE #lobby msgid=m4 30", session.history.older("#lobby", 30).message().toString());
    }

    @Test
    void historyWithNothingShownYetAsksForTheLatestAndAnEmptyPageSaysSo() throws Exception {
        SessionFixture session = withHistory();
        ChatHistory.Request older = session.history.older("#lobby", 50);
        assertEquals("CHATHISTORY LATEST #lobby * 50", older.message().toString());
        session.history.onWritten(older).run();
        batch(session, "#lobby");
        assertEquals(List.of("17:00 --- no earlier messages in #lobby"), screen.shown);
    }

    @Test
    void aFailIsOneNoteAndAnswersItsRequest() throws Exception {
        SessionFixture session = withHistory();
        join(session, "#dev");
        screen.shown.clear();
        receive(session, ":irc.test FAIL CHATHISTORY MESSAGE_ERROR LATEST #dev :Messages could not be retrieved");
        assertEquals(List.of("17:00 --- history of #dev is not available: Messages could not be retrieved"), screen.shown);
        receive(session, ":irc.test FAIL CHATHISTORY INVALID_PARAMS BEFORE :Bad parameters");
        assertEquals("17:00 --- history is not available: Bad parameters", screen.shown.get(1));
    }

    @Test
    void historyTypedWithoutTheCapabilitySaysTheServerKeepsNone() throws Exception {
        SessionFixture session = new SessionFixture(screen).with(Capabilities.BATCH);
        TypedLineHandler typed = new TypedLineHandler(session.state, session.network, session.ircv3, session.renderer,
                screen, session.clock);
        typed.handle("/history");
        typed.olderHistory();
        assertEquals(List.of("17:00 --- this server keeps no history", "17:00 --- this server keeps no history"),
                screen.shown);
    }

    @Test
    void aQueryOpensItsHistoryOnceAndOnlyForAPerson() throws Exception {
        SessionFixture session = withHistory();
        assertEquals("CHATHISTORY LATEST bob * 50", session.history.opening("bob").orElseThrow().message().toString());
        assertTrue(session.history.opening("Bob").isEmpty(), "once per conversation, whatever the case");
        assertTrue(session.history.opening("#dev").isEmpty(), "rooms fetch theirs when joined");
    }

    @Test
    void aServerNoticeIsNoConversationToCatchUpOn() throws Exception {
        SessionFixture session = withHistory();
        receive(session, "@msgid=n1 :irc.test NOTICE me :*** server restarting soon");
        session.handler.connected();
        session.capabilities.set(java.util.Set.of(Capabilities.BATCH, Capabilities.CHATHISTORY));
        receive(session, ":irc.test 376 me :End of /MOTD command.");
        assertEquals(List.of(), session.historyRequests);
    }

    @Test
    void myPrivateLineOpensTheConversationWithItsTarget() throws Exception {
        SessionFixture session = withHistory();
        receive(session, "@msgid=p1 :me!me@h PRIVMSG carol :hi carol");
        assertEquals(List.of("CHATHISTORY LATEST carol * 50"), session.historyRequests);
        batch(session, "carol", "@msgid=p0 :carol!c@h PRIVMSG me :earlier", "@msgid=p1 :me!me@h PRIVMSG carol :hi carol");
        assertEquals(1, screen.shown.stream().filter(line -> line.endsWith("hi carol")).count(), screen.shown::toString);
        assertTrue(screen.shown.contains("17:00 *private* <carol> earlier"), screen.shown::toString);
    }

    /**
     * "me" saw two lines in #lobby, lost the connection and rejoined: the catch-up after m2 is on its
     * way and the screen is clear. A server limit of 0 sends none.
     */
    private SessionFixture reconnected(int serverLimit) throws Exception {
        SessionFixture session = withHistory();
        join(session, "#lobby");
        batch(session, "#lobby");
        receive(session, "@msgid=m1 :bob!b@h PRIVMSG #lobby :one", "@msgid=m2 :bob!b@h PRIVMSG #lobby :two");
        session.handler.lost("reset by peer", true, 1000);
        session.handler.connected();
        session.capabilities.set(java.util.Set.of(Capabilities.BATCH, Capabilities.CHATHISTORY));
        if (serverLimit > 0) {
            receive(session, ":irc.test 005 me CHATHISTORY=" + serverLimit + " :are supported by this server");
        }
        receive(session, ":irc.test 422 me :No MOTD");
        session.historyRequests.clear();
        join(session, "#lobby");
        screen.shown.clear();
        screen.lines.clear();
        return session;
    }

    @Test
    void liveLinesDuringACatchUpWaitAndFollowItsBlockInTheOrderTheyCame() throws Exception {
        SessionFixture session = reconnected(0);
        receive(session, "@time=2026-12-05T17:00:01.000Z;msgid=m10 :bob!b@h PRIVMSG #lobby :live a",
                "@msgid=d1 :carol!c@h PRIVMSG #dev :other room",
                ":irc.test NOTICE me :*** server notice",
                "@msgid=m11 :me!me@h PRIVMSG #lobby :my echo",
                "@time=2026-12-05T17:00:02.000Z;msgid=m10 :bob!b@h PRIVMSG #lobby :live a",
                "@time=2026-12-05T17:00:03.000Z;msgid=m12 :carol!c@h PRIVMSG #lobby :\u0001ACTION waves\u0001");
        assertEquals(List.of("17:00 [#dev] <carol> other room", "17:00 -irc.test- *** server notice", "17:00 <me> my echo"),
                screen.shown, "other conversations, the server and my own echo do not wait");
        batch(session, "#lobby", "@time=2026-12-05T16:40:00.000Z;msgid=m3 :bob!b@h PRIVMSG #lobby :three",
                "@time=2026-12-05T16:41:00.000Z;msgid=m4 :bob!b@h PRIVMSG #lobby :four",
                "@time=2026-12-05T17:00:01.000Z;msgid=m10 :bob!b@h PRIVMSG #lobby :live a");
        assertEquals(List.of("\u2500\u2500 while you were away \u2500\u2500", "16:40 <bob> three", "16:41 <bob> four",
                "17:00 <bob> live a", "17:00 * carol waves"), screen.shown.subList(3, screen.shown.size()));
        receive(session, "@msgid=m13 :bob!b@h PRIVMSG #lobby :after");
        assertEquals("17:00 <bob> after", screen.shown.get(screen.shown.size() - 1), "caught up: lines show at once");
    }

    @Test
    void aCatchUpOfSeveralPagesHoldsLiveLinesUntilItsLastPage() throws Exception {
        SessionFixture session = reconnected(2);
        batch(session, "#lobby", "@msgid=m3 :bob!b@h PRIVMSG #lobby :three", "@msgid=m4 :bob!b@h PRIVMSG #lobby :four");
        receive(session, "@msgid=m9 :bob!b@h PRIVMSG #lobby :live");
        batch(session, "#lobby", "@msgid=m5 :bob!b@h PRIVMSG #lobby :five");
        assertEquals(List.of("\u2500\u2500 while you were away \u2500\u2500", "17:00 <bob> three", "17:00 <bob> four",
                "17:00 <bob> five", "17:00 <bob> live"), screen.shown);
    }

    @Test
    void heldLinesAreShownWhenTheCatchUpFails() throws Exception {
        SessionFixture session = reconnected(0);
        receive(session, "@msgid=m9 :bob!b@h PRIVMSG #lobby :live");
        receive(session, ":irc.test FAIL CHATHISTORY MESSAGE_ERROR AFTER #lobby :Messages could not be retrieved");
        assertEquals(List.of("17:00 --- history of #lobby is not available: Messages could not be retrieved",
                "17:00 <bob> live"), screen.shown);
    }

    @Test
    void heldLinesAreShownBeforeTheConnectionLoss() throws Exception {
        SessionFixture session = reconnected(0);
        receive(session, "@msgid=m9 :bob!b@h PRIVMSG #lobby :live");
        session.handler.lost("reset by peer", true, 1000);
        assertEquals("17:00 <bob> live", screen.shown.get(0), screen.shown::toString);
        assertTrue(screen.shown.get(1).contains("connection lost"), screen.shown::toString);
    }

    @Test
    void nothingIsHeldLongerThanTenSeconds() throws Exception {
        SessionFixture session = reconnected(0);
        receive(session, "@msgid=m9 :bob!b@h PRIVMSG #lobby :live");
        java.util.Map.Entry<Long, Runnable> timer = session.historyTimers.get(session.historyTimers.size() - 1);
        assertTrue(timer.getKey() >= 10_000, "the timer runs once the time is up");
        session.clock.advance(java.time.Duration.ofMillis(9_999));
        timer.getValue().run();
        assertEquals(List.of(), screen.shown, "a timer that runs early ends nothing");
        session.clock.advance(java.time.Duration.ofMillis(1));
        timer.getValue().run();
        assertEquals(List.of("17:00 <bob> live"), screen.shown);
        receive(session, "@msgid=m10 :bob!b@h PRIVMSG #lobby :later");
        batch(session, "#lobby", "@time=2026-12-05T16:40:00.000Z;msgid=m3 :bob!b@h PRIVMSG #lobby :three");
        assertEquals(List.of("17:00 <bob> live", "17:00 <bob> later", "\u2500\u2500 while you were away \u2500\u2500",
                "16:40 <bob> three"), screen.shown, "a late catch-up is still shown, the hold is over");
    }

    @Test
    void aLineComingPastTheTimeEndsTheHoldWithoutWaitingForTheTimer() throws Exception {
        SessionFixture session = reconnected(0);
        receive(session, "@msgid=m9 :bob!b@h PRIVMSG #lobby :live");
        session.clock.advance(java.time.Duration.ofSeconds(10));
        receive(session, "@msgid=m10 :bob!b@h PRIVMSG #lobby :later");
        assertEquals(List.of("17:00 <bob> live", "17:00 <bob> later"), screen.shown);
    }

    @Test
    void nothingIsHeldPastFiveHundredLines() throws Exception {
        SessionFixture session = reconnected(0);
        for (int i = 1; i < 500; i++) {
            receive(session, "@msgid=x" + i + " :bob!b@h PRIVMSG #lobby :line " + i);
        }
        assertEquals(List.of(), screen.shown);
        receive(session, "@msgid=x500 :bob!b@h PRIVMSG #lobby :line 500");
        assertEquals(500, screen.shown.size());
        assertEquals("17:00 <bob> line 1", screen.shown.get(0));
        assertEquals("17:00 <bob> line 500", screen.shown.get(499));
    }

    @Test
    void aCatchUpStopsAfterTwentyPagesWithANote() throws Exception {
        SessionFixture session = reconnected(0);
        int id = 100;
        for (int page = 1; page <= 20; page++) {
            String[] lines = new String[100];
            for (int i = 0; i < lines.length; i++) {
                lines[i] = "@msgid=m" + id++ + " :bob!b@h PRIVMSG #lobby :missed";
            }
            batch(session, "#lobby", lines);
        }
        assertEquals("CHATHISTORY AFTER #lobby msgid=m2 100", session.historyRequests.get(0));
        assertEquals(20, session.historyRequests.size(), "no page after the twentieth");
        assertEquals("CHATHISTORY AFTER #lobby msgid=m1999 100", session.historyRequests.get(19));
        assertEquals("17:00 --- at least 2000 lines were missed in #lobby; only the first 2000 are shown",
                screen.shown.get(screen.shown.size() - 1));
    }
}
