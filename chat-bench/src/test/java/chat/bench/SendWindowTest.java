package chat.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SendWindowTest {

    @Test
    void fillsAfterCapacityUnconfirmedMessages() {
        SendWindow window = new SendWindow(2);
        assertEquals(0, window.open(3));
        assertEquals(1, window.open(3));
        assertFalse(window.hasRoom());
        assertThrows(IllegalStateException.class, () -> window.open(3));
    }

    @Test
    void aMessageIsConfirmedOnlyWhenEveryReceiverHasIt() {
        SendWindow window = new SendWindow(1);
        window.open(2);
        assertFalse(window.confirm(0), "one of two receivers is not enough");
        assertFalse(window.hasRoom());
        assertTrue(window.confirm(0), "the second receiver frees the full window");
        assertTrue(window.hasRoom());
    }

    @Test
    void laterMessagesConfirmedFirstWaitForTheOldest() {
        SendWindow window = new SendWindow(3);
        window.open(1);
        window.open(1);
        window.open(1);
        window.confirm(1);
        window.confirm(2);
        assertEquals(3, window.unconfirmed(), "the window slides only past confirmed messages at its start");
        assertTrue(window.confirm(0));
        assertEquals(0, window.unconfirmed());
    }

    @Test
    void aMessageWithNoOtherRoomMemberIsConfirmedAtOnce() {
        SendWindow window = new SendWindow(1);
        window.open(0);
        assertTrue(window.hasRoom());
    }

    @Test
    void confirmationsOutsideTheOpenRangeAreIgnored() {
        SendWindow window = new SendWindow(2);
        window.open(1);
        window.confirm(0);
        assertFalse(window.confirm(0), "already confirmed");
        assertFalse(window.confirm(5), "never sent");
        assertEquals(0, window.unconfirmed());
    }

    @Test
    void aWindowOfAnySizeHoldsExactlyThatManyAsSequencesWrapAround() {
        for (int capacity = 1; capacity <= 9; capacity++) {
            SendWindow window = new SendWindow(capacity);
            for (long sequence = 0; sequence < 50; sequence++) {
                assertEquals(capacity - window.unconfirmed(), window.room());
                assertEquals(sequence, window.open(2));
                if (window.unconfirmed() == capacity) {
                    assertFalse(window.hasRoom());
                    long oldest = sequence - capacity + 1;
                    window.confirm(oldest);
                    assertTrue(window.confirm(oldest), "capacity " + capacity + ", sequence " + oldest);
                    assertEquals(1, window.room());
                }
            }
        }
    }
}
