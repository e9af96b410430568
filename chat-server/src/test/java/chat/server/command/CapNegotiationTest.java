package chat.server.command;

import chat.server.model.Capability;
import chat.server.model.CapabilitySet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CapNegotiationTest {
    @Test
    void versionIsANumberOrZero() {
        assertEquals(302, CapNegotiation.version("302"));
        assertEquals(0, CapNegotiation.version(null));
        assertEquals(0, CapNegotiation.version("30x"));
        assertEquals(0, CapNegotiation.version("99999999999"));
    }

    @Test
    void requestIsAllOrNothing() {
        CapabilitySet caps = new CapabilitySet();
        assertFalse(CapNegotiation.apply("server-time no-such-cap", caps, 302));
        assertFalse(caps.has(Capability.SERVER_TIME), "a NAK changes nothing");
        assertTrue(CapNegotiation.apply("server-time  Message-Tags", caps, 302));
        assertEquals(List.of("message-tags", "server-time"), caps.names());
        assertTrue(CapNegotiation.apply("-server-time", caps, 302));
        assertEquals(List.of("message-tags"), caps.names());
        assertFalse(CapNegotiation.apply("", caps, 302));
    }

    @Test
    void capNotifyCannotBeDisabledByA302Client() {
        CapabilitySet caps = new CapabilitySet();
        caps.enable(Capability.CAP_NOTIFY);
        assertFalse(CapNegotiation.apply("-cap-notify", caps, 302));
        assertTrue(CapNegotiation.apply("-cap-notify", caps, 0));
        assertFalse(caps.has(Capability.CAP_NOTIFY));
    }

    @Test
    void longListsArePackedIntoLinesThatFit() {
        List<String> lines = CapNegotiation.pack(List.of("aaaa", "bbbb", "cccc"), 9);
        assertEquals(List.of("aaaa bbbb", "cccc"), lines);
        assertEquals(List.of(""), CapNegotiation.pack(List.of(), 9));
    }
}
