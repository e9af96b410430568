package chat.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class DeliveriesTest {
    private static final BenchOptions OPTIONS = new BenchOptions("127.0.0.1", 6667, 1, 2, 10, 0, 4, 64, 0, 0, 1, 1, 1,
            "b", "#r", 0, "echo-message");

    private static Payload.Fields ownLine(int sender, long sequence) {
        Payload.Fields fields = new Payload.Fields();
        fields.sender = sender;
        fields.sequence = sequence;
        return fields;
    }

    @Test
    void ownLineIsAnEchoWhenEchoMessageWasAskedFor() {
        SimClient alice = new SimClient(OPTIONS, 0);
        alice.sent = 1;
        Deliveries deliveries = new Deliveries(true);

        assertFalse(deliveries.accept(alice, alice, ownLine(0, 0), 5));
        assertEquals(1, deliveries.echoed);
        assertEquals(0, deliveries.misrouted);
        assertEquals(0, deliveries.distinct);
    }

    @Test
    void ownLineIsMisroutedWithoutEchoMessage() {
        SimClient alice = new SimClient(OPTIONS, 0);
        alice.sent = 1;
        Deliveries deliveries = new Deliveries(false);

        assertFalse(deliveries.accept(alice, alice, ownLine(0, 0), 5));
        assertEquals(0, deliveries.echoed);
        assertEquals(1, deliveries.misrouted);
    }

    @Test
    void echoOfALineNeverSentIsMisrouted() {
        SimClient alice = new SimClient(OPTIONS, 0);
        Deliveries deliveries = new Deliveries(true);

        assertFalse(deliveries.accept(alice, alice, ownLine(0, 3), 5));
        assertEquals(1, deliveries.misrouted);
    }

    @Test
    void capsAreNormalisedAndChecked() {
        BenchOptions commas = new BenchOptions("h", 1, 1, 1, 1, 0, 1, 0, 0, 0, 1, 1, 1, "b", "#r", 0,
                " message-tags,server-time  echo-message ");
        assertEquals("message-tags server-time echo-message", commas.capabilities());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new BenchOptions("h", 1, 1, 1, 1, 0, 1, 0, 0, 0, 1, 1, 1, "b", "#r", 0, "BAD:cap"));
    }
}
