package chat.client.bench;

import static chat.client.bench.ReceiveLedger.Arrival.DUPLICATE;
import static chat.client.bench.ReceiveLedger.Arrival.IN_ORDER;
import static chat.client.bench.ReceiveLedger.Arrival.REORDERED;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
