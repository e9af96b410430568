package chat.bench;

import static chat.bench.ReceiveLedger.Arrival.DUPLICATE;
import static chat.bench.ReceiveLedger.Arrival.IN_ORDER;
import static chat.bench.ReceiveLedger.Arrival.REORDERED;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReceiveLedgerTest {

    @Test
    void consecutiveSequenceNumbersArriveInOrder() {
        ReceiveLedger ledger = new ReceiveLedger();
        for (int i = 0; i < 5; i++) {
            assertEquals(IN_ORDER, ledger.record(i));
        }
        assertEquals(5, ledger.distinct());
        assertEquals(0, ledger.missingOf(5));
    }

    @Test
    void aGapIsNotAnErrorUntilTheEndWhereItCountsAsMissing() {
        ReceiveLedger ledger = new ReceiveLedger();
        ledger.record(0);
        assertEquals(IN_ORDER, ledger.record(2));
        assertEquals(1, ledger.missingOf(3));
    }

    @Test
    void aMessageArrivingAfterALaterOneIsReorderedButStillDelivered() {
        ReceiveLedger ledger = new ReceiveLedger();
        ledger.record(0);
        ledger.record(2);
        assertEquals(REORDERED, ledger.record(1));
        assertEquals(3, ledger.distinct());
        assertEquals(0, ledger.missingOf(3));
    }

    @Test
    void aRepeatIsDuplicateWhetherItWasInOrderOrNot() {
        ReceiveLedger ledger = new ReceiveLedger();
        ledger.record(0);
        ledger.record(1);
        assertEquals(DUPLICATE, ledger.record(1));
        assertEquals(DUPLICATE, ledger.record(0));
        assertEquals(2, ledger.distinct());
    }

    @Test
    void aFilledGapLetsLaterNumbersCountAsInOrderAndRepeatsOnBothSidesAsDuplicates() {
        ReceiveLedger ledger = new ReceiveLedger();
        ledger.record(0);
        ledger.record(3);
        ledger.record(2);
        assertEquals(REORDERED, ledger.record(1), "fills the gap");
        assertEquals(IN_ORDER, ledger.record(4));
        assertEquals(DUPLICATE, ledger.record(3));
        assertEquals(DUPLICATE, ledger.record(1));
        assertEquals(5, ledger.distinct());
        assertEquals(2, ledger.missingOf(7));
    }

    @Test
    void agreesWithAPlainSetOfSeenNumbersOnSeededRandomArrivals() {
        Random random = new Random(11);
        for (int round = 0; round < 300; round++) {
            ReceiveLedger ledger = new ReceiveLedger();
            Set<Long> seen = new HashSet<>();
            long highest = -1;
            for (int arrival = 0; arrival < 60; arrival++) {
                // Mostly the next number, sometimes a repeat, a skip or an old one, as a faulty relay would.
                long next = highest + 1;
                long sequence = switch (random.nextInt(6)) {
                    case 0 -> Math.max(0, next - 1 - random.nextInt(5));
                    case 1 -> next + 1 + random.nextInt(3);
                    default -> next;
                };
                ReceiveLedger.Arrival expected = seen.contains(sequence) ? DUPLICATE
                        : sequence < highest ? REORDERED : IN_ORDER;
                assertEquals(expected, ledger.record(sequence), "round " + round + " arrival " + arrival);
                seen.add(sequence);
                highest = Math.max(highest, sequence);
            }
            long sent = highest + 1 + random.nextInt(3);
            assertEquals(seen.size(), ledger.distinct());
            assertEquals(sent - seen.stream().filter(s -> s < sent).count(), ledger.missingOf(sent));
        }
    }
}
