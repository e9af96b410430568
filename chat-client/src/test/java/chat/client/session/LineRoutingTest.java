package chat.client.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.protocol.IrcMessage;
import chat.protocol.IrcParser;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineRoutingTest {
    private final ClientState state = ClientState.initial("me", "#lobby").withRoomJoined("#lobby")
            .withMembersAdded("#lobby", List.of("me", "bob")).withRoomJoined("#dev")
            .withMembersAdded("#dev", List.of("me", "bob", "carol")).withWindow("bob");

    private static IrcMessage line(String text) throws Exception {
        return IrcParser.parse(text);
    }

    @Test
    void roomLinesGoToTheirRoomPrivateOnesToThePerson() throws Exception {
        assertEquals(List.of("#dev"), LineRouting.windowsFor(line(":carol!c@h PRIVMSG #dev :hi"), state));
        assertEquals(List.of("carol"), LineRouting.windowsFor(line(":carol!c@h PRIVMSG me :psst"), state));
        assertEquals(List.of("carol"), LineRouting.windowsFor(line(":me!m@h PRIVMSG carol :echoed"), state));
        assertEquals(List.of("#dev"), LineRouting.windowsFor(line(":carol!c@h TOPIC #dev :new"), state));
    }

    @Test
    void aQuitShowsInEveryRoomSharedAndInThePersonsWindow() throws Exception {
        assertEquals(List.of("#lobby", "#dev", "bob"), LineRouting.windowsFor(line(":bob!b@h QUIT :bye"), state));
        assertEquals(List.of("#dev"), LineRouting.windowsFor(line(":carol!c@h NICK :caroline"), state));
    }

    @Test
    void repliesServerNoticesAndCtcpRequestsGoToTheCurrentWindow() throws Exception {
        assertEquals(List.of(), LineRouting.windowsFor(line(":server 401 me zed :No such nick"), state));
        assertEquals(List.of(), LineRouting.windowsFor(line(":server NOTICE me :welcome"), state));
        assertEquals(List.of(), LineRouting.windowsFor(line(":carol!c@h NOTICE me :a notice"), state));
        assertEquals(List.of("bob"), LineRouting.windowsFor(line(":bob!b@h NOTICE me :bob has a window"), state));
        assertEquals(List.of(), LineRouting.windowsFor(line(":carol!c@h PRIVMSG me :\u0001VERSION\u0001"), state));
    }

    @Test
    void ctcpRequestsAreTellableFromActions() throws Exception {
        assertTrue(LineRouting.isCtcpRequest(line(":c!c@h PRIVMSG me :\u0001VERSION\u0001")));
        assertFalse(LineRouting.isCtcpRequest(line(":c!c@h PRIVMSG me :\u0001ACTION waves\u0001")));
        assertFalse(LineRouting.isCtcpRequest(line(":c!c@h NOTICE me :\u0001VERSION x\u0001")));
    }

    @Test
    void myOwnLineToAnotherWindowAlsoShowsWhereIAm() {
        assertEquals(Arrays.asList("bob", null), LineRouting.forMine("bob", state, true));
        assertEquals(List.of("#lobby"), LineRouting.forMine("#lobby", state, true));
        assertEquals(List.of("bob"), LineRouting.forMine("bob", state, false), "one stream: shown once");
    }
}
