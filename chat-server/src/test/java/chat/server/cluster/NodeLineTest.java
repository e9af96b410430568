package chat.server.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import chat.protocol.Command;
import chat.protocol.IrcParser;
import chat.protocol.MalformedMessageException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A line from another node is checked as bytes so that relaying it unparsed is safe, and parses when asked. */
class NodeLineTest {
    private static byte[] wire(String line) {
        return (line + "\r\n").getBytes(StandardCharsets.UTF_8);
    }


    @Test
    void theCommandAndTargetOfAGoodLineAreReadWithoutParsingIt() throws MalformedMessageException {
        assertSame(Command.PRIVMSG, NodeLine.command(wire(":bob!b@h PRIVMSG #lobby :hi there")));
        assertEquals("#lobby", NodeLine.firstParam(wire(":bob!b@h PRIVMSG #lobby :hi there")));
        assertSame(Command.TAGMSG, NodeLine.command(wire(":bob!b@h TAGMSG alice")));
        assertEquals("alice", NodeLine.firstParam(wire(":bob!b@h TAGMSG alice")));
        assertEquals("#é", NodeLine.firstParam(wire(":bob!b@h   NOTICE   :#é")));
        assertEquals("JOIN", NodeLine.command(wire(":bob!b@h join #lobby")), "upper-case, as the parser makes it");
        assertEquals("001", NodeLine.command(wire(":server 001 bob :Welcome")));
        assertNull(NodeLine.firstParam(wire(":bob!b@h AWAY")));
    }

    @Test
    void everyLineItAcceptsParsesToTheSameCommandAndTarget() throws MalformedMessageException {
        for (String line : List.of(":bob!b@h PRIVMSG #lobby :hi there", ":bob!b@h TAGMSG alice", ":s 001 bob :hi",
                ":bob!b@h   NOTICE   :#é ✓", ":bob!b@h QUIT", ":a PRIVMSG #x :")) {
            var parsed = IrcParser.parse(line);
            assertEquals(parsed.command(), NodeLine.command(wire(line)), line);
            assertEquals(parsed.params().isEmpty() ? null : parsed.param(0), NodeLine.firstParam(wire(line)), line);
        }
    }

    @Test
    void whatCouldSplitALineOrBreakTheParserIsRefused() {
        for (String line : List.of("PRIVMSG #lobby :no prefix", ": PRIVMSG #lobby :empty prefix", ":bob!b@h",
                ":bob!b@h   ", ":bob!b@h PRIV-MSG #lobby :x", ":bob!b@h 12 #lobby", ":bob!b@h PRIVMSG #lobby :a\rb",
                ":bob!b@h PRIVMSG #lobby :a\nPRIVMSG #other :b", ":bob!b@h PRIVMSG #lobby :a\0b", "")) {
            assertThrows(MalformedMessageException.class, () -> NodeLine.command(wire(line)), line);
        }
        byte[] invalidUtf8 = wire(":b PRIVMSG #x :\u00e9(");
        invalidUtf8[invalidUtf8.length - 4] = (byte) 0xC3; // a lead byte with no continuation
        assertThrows(MalformedMessageException.class, () -> NodeLine.command(invalidUtf8));
    }
}
