package chat.server.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

/** Per-address admission: open connections, connects per minute, exemptions, IPv6 per /64. */
class AddressGateTest {
    private static InetAddress ip(String literal) throws Exception {
        return InetAddress.getByName(literal);
    }

    @Test
    void oneAddressHoldsAtMostTheLimitAndAnotherIsUnaffected() throws Exception {
        AddressGate gate = new AddressGate(3, 0, AddressBlocks.NONE);
        InetAddress one = ip("192.0.2.1");
        InetAddress key = null;
        for (int i = 0; i < 3; i++) {
            key = gate.admit(one, 0);
        }
        AddressGate.Refused refused = assertThrows(AddressGate.Refused.class, () -> gate.admit(one, 0));
        assertEquals("Too many connections from your address (at most 3)", refused.getMessage());
        assertNotNull(gate.admit(ip("192.0.2.2"), 0));
        gate.release(key);
        assertNotNull(gate.admit(one, 0), "a closed connection frees its place");
    }

    @Test
    void connectsPerMinuteAreABurstThenARateWithTheWaitSaid() throws Exception {
        AddressGate gate = new AddressGate(0, 30, AddressBlocks.NONE);
        InetAddress one = ip("192.0.2.1");
        for (int i = 0; i < 30; i++) {
            gate.release(gate.admit(one, 0));
        }
        AddressGate.Refused refused = assertThrows(AddressGate.Refused.class, () -> gate.admit(one, 0));
        assertEquals("Connecting too fast from your address; try again in 2 seconds", refused.getMessage());
        assertNotNull(gate.admit(one, 2_000), "one more every two seconds");
        assertThrows(AddressGate.Refused.class, () -> gate.admit(one, 2_000));
    }

    @Test
    void exemptBlocksAndIpv6Per64() throws Exception {
        AddressGate gate = new AddressGate(1, 0, AddressBlocks.parse("127.0.0.0/8, 2001:db8:1::/48"));
        for (int i = 0; i < 10; i++) {
            assertNull(gate.admit(ip("127.0.0.1"), 0));
            assertNull(gate.admit(ip("2001:db8:1::" + (i + 1)), 0));
        }
        gate.admit(ip("2001:db8:2::1"), 0);
        assertThrows(AddressGate.Refused.class, () -> gate.admit(ip("2001:db8:2::ffff:1"), 0), "same /64");
        assertNotNull(gate.admit(ip("2001:db8:2:1::1"), 0), "another /64");
    }

    @Test
    void theTableForgetsAddressesWithNothingOpenAndAFullBucket() throws Exception {
        AddressGate gate = new AddressGate(16, 30, AddressBlocks.NONE);
        for (int i = 0; i < 1000; i++) {
            gate.release(gate.admit(ip("198.51.100." + (i % 250)), i));
        }
        InetAddress held = gate.admit(ip("203.0.113.9"), 1000);
        gate.purge(1_000);
        assertTrue(gate.trackedAddresses() > 1);
        gate.purge(200_000);
        assertEquals(1, gate.trackedAddresses(), "only the address with an open connection");
        gate.release(held);
        gate.purge(300_000);
        assertEquals(0, gate.trackedAddresses());
    }

    @Test
    void badBlocksAreRefusedWithTheirText() throws Exception {
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> AddressBlocks.parse("10.0.0.0/8,example.com"));
        assertTrue(bad.getMessage().contains("example.com"));
        assertThrows(IllegalArgumentException.class, () -> AddressBlocks.parse("10.0.0.0/33"));
        assertTrue(AddressBlocks.parse("10.1.0.0/16").contains(InetAddressOf.v4(10, 1, 200, 3)));
    }

    /** Literal IPv4 addresses without parsing text. */
    private static final class InetAddressOf {
        static InetAddress v4(int a, int b, int c, int d) throws Exception {
            return InetAddress.getByAddress(new byte[] {(byte) a, (byte) b, (byte) c, (byte) d});
        }
    }
}
