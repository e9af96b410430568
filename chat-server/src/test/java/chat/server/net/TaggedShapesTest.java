package chat.server.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import chat.protocol.IrcMessage;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TaggedShapesTest {
    private static final IrcMessage TAGGED;

    static {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("time", "2026-12-05T17:00:00.000Z");
        tags.put("msgid", "abc");
        tags.put("+typing", "active");
        TAGGED = new IrcMessage(tags, "bob!b@h", "PRIVMSG", List.of("#lobby", "hi"));
    }

    private static String line(Outbound out, WireFormat format) {
        return new String(out.bytesFor(format), StandardCharsets.UTF_8);
    }

    @Test
    void eachReceiverGetsTheTagsItAskedFor() {
        Outbound out = new Outbound(TAGGED);
        assertEquals(":bob!b@h PRIVMSG #lobby hi\r\n", line(out, WireFormat.IRC));
        assertEquals("@time=2026-12-05T17:00:00.000Z :bob!b@h PRIVMSG #lobby hi\r\n",
                line(out, WireFormat.irc(false, true)));
        assertEquals("@msgid=abc;+typing=active :bob!b@h PRIVMSG #lobby hi\r\n",
                line(out, WireFormat.irc(true, false)));
        assertEquals("@time=2026-12-05T17:00:00.000Z;msgid=abc;+typing=active :bob!b@h PRIVMSG #lobby hi\r\n",
                line(out, WireFormat.irc(true, true)));
    }

    @Test
    void eachShapeIsEncodedOnce() {
        Outbound out = new Outbound(TAGGED);
        assertSame(out.bytesFor(WireFormat.irc(true, true)), out.bytesFor(WireFormat.irc(true, true)));
        assertSame(out.bytesFor(WireFormat.IRC), out.bytesFor(WireFormat.irc(false, false)));
    }

    @Test
    void theUntaggedShapeIsTheBareLineEncodedOnce() {
        Outbound out = new Outbound(IrcMessage.from("bob!b@h", "PRIVMSG", "#lobby", "hi"));
        byte[] bare = out.bareLine(); // the cluster asks for it first, to publish it
        assertSame(bare, out.bytesFor(WireFormat.IRC));
    }

    @Test
    void aLineFromAnotherNodeGoesOnAsItCameAndParsesWhenAsked() {
        byte[] wire = ":bob!b@h PRIVMSG #lobby :hi there\r\n".getBytes(StandardCharsets.UTF_8);
        Outbound out = new Outbound("PRIVMSG", wire, null);
        assertSame(wire, out.bytesFor(WireFormat.IRC));
        assertSame(wire, out.bareLine());
        assertEquals(IrcMessage.from("bob!b@h", "PRIVMSG", "#lobby", "hi there"), out.bareMessage());
        assertEquals(":bob!b@h PRIVMSG #lobby :hi there\r\n", line(out, WireFormat.irc(true, true)), "no tags to show");

        Outbound typing = new Outbound("TAGMSG", ":bob!b@h TAGMSG #lobby\r\n".getBytes(StandardCharsets.UTF_8), null);
        assertEquals(0, typing.bytesFor(WireFormat.IRC).length, "a TAGMSG is nothing to an untagged receiver");
    }
}
