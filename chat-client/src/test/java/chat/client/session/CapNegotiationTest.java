package chat.client.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.protocol.IrcMessage;
import chat.protocol.IrcParser;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The client's side of CAP LS 302 / REQ / ACK / END, and what it does with a server that knows no CAP. */
class CapNegotiationTest {
    private final Capabilities enabled = new Capabilities();
    private final CapNegotiation negotiation = new CapNegotiation(enabled);

    private static IrcMessage line(String text) throws Exception {
        return IrcParser.parse(text);
    }

    private static List<String> wire(List<IrcMessage> messages) {
        return messages.stream().map(IrcMessage::toString).toList();
    }

    @Test
    void asksForTheListFirstAndRequestsTheWantedSubsetOfAMultiLineOffer() throws Exception {
        assertEquals("CAP LS 302", negotiation.start().toString());
        assertEquals(List.of(), negotiation.onCap(line(":irc.test CAP * LS * :multi-prefix sasl=PLAIN,EXTERNAL server-time")));
        assertTrue(negotiation.negotiating());
        List<IrcMessage> answer = negotiation.onCap(line(":irc.test CAP * LS :cap-notify echo-message message-tags"));
        assertEquals(List.of("CAP REQ :message-tags server-time echo-message sasl"), wire(answer));
    }

    @Test
    void historyIsRequestedWhenOfferedSoTheServerLeavesReplayToTheClient() throws Exception {
        negotiation.start();
        List<IrcMessage> answer = negotiation.onCap(line(":irc.test CAP * LS :batch draft/chathistory draft/event-playback"));
        assertEquals(List.of("CAP REQ :batch draft/chathistory"), wire(answer));
    }

    @Test
    void anAckEnablesWhatItNamesAndEndsNegotiation() throws Exception {
        negotiation.start();
        negotiation.onCap(line(":irc.test CAP * LS :message-tags server-time echo-message"));
        List<IrcMessage> answer = negotiation.onCap(line(":irc.test CAP * ACK :message-tags server-time echo-message"));
        assertEquals(List.of("CAP END"), wire(answer));
        assertFalse(negotiation.negotiating());
        assertEquals(Set.of("message-tags", "server-time", "echo-message"), enabled.enabled());
        assertTrue(enabled.has(Capabilities.ECHO_MESSAGE));
    }

    @Test
    void aNakEnablesNothingAndEndsNegotiation() throws Exception {
        negotiation.start();
        negotiation.onCap(line(":irc.test CAP * LS :server-time"));
        assertEquals(List.of("CAP END"), wire(negotiation.onCap(line(":irc.test CAP * NAK :server-time"))));
        assertEquals(Set.of(), enabled.enabled());
    }

    @Test
    void anOfferWithNothingWantedEndsAtOnce() throws Exception {
        negotiation.start();
        assertEquals(List.of("CAP END"), wire(negotiation.onCap(line(":irc.test CAP * LS :multi-prefix away-notify"))));
        assertFalse(negotiation.negotiating());
    }

    @Test
    void aServerWithoutCapRefusesItAndTheRefusalIsNotShown() throws Exception {
        negotiation.start();
        assertFalse(negotiation.onOther(line("NOTICE * :*** Looking up your hostname")).hide(), "the greeting is shown");
        assertTrue(negotiation.negotiating(), "a notice is no answer to CAP");
        CapNegotiation.Answer answer = negotiation.onOther(line(":old.server 421 * CAP :Unknown command"));
        assertTrue(answer.hide());
        assertEquals(List.of(), answer.send(), "no CAP END to a server that does not know CAP");
        assertFalse(negotiation.negotiating());
        assertFalse(negotiation.onOther(line(":old.server 001 me :Welcome")).hide());
    }

    @Test
    void aServerThatIgnoresCapAndWelcomesEndsNegotiationWithoutCaps() throws Exception {
        negotiation.start();
        CapNegotiation.Answer answer = negotiation.onOther(line(":quiet.server 001 me :Welcome"));
        assertFalse(answer.hide());
        assertEquals(List.of(), answer.send());
        assertFalse(negotiation.negotiating());
        assertEquals(Set.of(), enabled.enabled());
    }

    @Test
    void aNumericInsteadOfAnAckStillEndsWithCapEnd() throws Exception {
        negotiation.start();
        negotiation.onCap(line(":irc.test CAP * LS :batch"));
        CapNegotiation.Answer answer = negotiation.onOther(line(":irc.test 410 * REQ :Invalid CAP command"));
        assertEquals(List.of("CAP END"), wire(answer.send()));
        assertFalse(answer.hide());
    }

    @Test
    void capabilitiesOfferedOrWithdrawnLaterAreRequestedOrDroppedWithoutAnotherEnd() throws Exception {
        negotiation.start();
        negotiation.onCap(line(":irc.test CAP * LS :cap-notify server-time"));
        negotiation.onCap(line(":irc.test CAP me ACK :server-time"));
        assertEquals(List.of("CAP REQ batch"), wire(negotiation.onCap(line(":irc.test CAP me NEW :batch"))));
        assertEquals(List.of(), negotiation.onCap(line(":irc.test CAP me ACK :batch")), "registration is over: no END");
        assertEquals(Set.of("server-time", "batch"), enabled.enabled());
        negotiation.onCap(line(":irc.test CAP me DEL :server-time"));
        assertEquals(Set.of("batch"), enabled.enabled());
    }

    @Test
    void aReconnectStartsFromNothing() throws Exception {
        negotiation.start();
        negotiation.onCap(line(":irc.test CAP * LS :server-time"));
        negotiation.onCap(line(":irc.test CAP * ACK :server-time"));
        negotiation.start();
        assertEquals(Set.of(), enabled.enabled());
        assertTrue(negotiation.negotiating());
    }

    @Test
    void accountCapabilitiesAreRequestedWhenOffered() throws Exception {
        negotiation.start();
        List<IrcMessage> answer = negotiation.onCap(line(":irc.test CAP * LS :account-notify extended-join "
                + "account-tag sasl=SCRAM-SHA-256,PLAIN draft/account-registration=before-connect"));
        assertEquals(List.of("CAP REQ :sasl account-tag account-notify extended-join draft/account-registration"),
                wire(answer));
    }

    @Test
    void aLoginBetweenAckAndEndHoldsCapEndUntilItIsOver() throws Exception {
        java.util.Map<String, String> seen = new java.util.HashMap<>();
        CapNegotiation withLogin = new CapNegotiation(enabled, (values, now) -> {
            seen.putAll(values);
            return now.contains("sasl");
        });
        withLogin.start();
        withLogin.onCap(line(":irc.test CAP * LS :sasl=SCRAM-SHA-256,PLAIN server-time"));
        assertEquals(CapNegotiation.Answer.NOTHING, withLogin.onOther(line(":irc.test 433 * alice :Nickname is registered")),
                "the answer to NICK between REQ and ACK does not end negotiation");
        assertEquals(List.of(), wire(withLogin.onCap(line(":irc.test CAP * ACK :server-time sasl"))));
        assertEquals("SCRAM-SHA-256,PLAIN", seen.get("sasl"));
        assertTrue(withLogin.negotiating());
        assertEquals(CapNegotiation.Answer.NOTHING, withLogin.onOther(line(":irc.test 904 * :SASL authentication failed")));
        assertEquals(List.of("CAP END"), wire(withLogin.resume()));
        assertFalse(withLogin.negotiating());
        assertEquals(List.of(), wire(withLogin.resume()), "one CAP END only");
    }
}
