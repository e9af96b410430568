package chat.server.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Private history is read from the start of a nick's tenure; a reconnect from the same address continues it. */
class NickTenureTest {
    private long now = 1_000_000;
    private final NickRegistry nicks = new NickRegistry(() -> now);

    private User user(String host) {
        return new User(null, host, now / 1000, now);
    }

    @Test
    void aReconnectFromTheSameAddressWithinTheGraceContinuesTheTenure() {
        User first = user("10.0.0.1");
        nicks.rename(first, "alice");
        long since = now;
        now += 60_000;
        nicks.release(first);
        now += 30_000;
        nicks.rename(user("10.0.0.1"), "alice");
        assertEquals(since, nicks.heldSince("alice"));
    }

    @Test
    void anotherAddressOrALongAbsenceStartsANewTenure() {
        User first = user("10.0.0.1");
        nicks.rename(first, "alice");
        nicks.release(first);
        now += 1_000;
        nicks.rename(user("10.6.6.6"), "alice");
        assertEquals(now, nicks.heldSince("ALICE"), "someone else took the free nick");

        User later = user("10.6.6.6");
        nicks.release(nicks.find("alice"));
        now += NickRegistry.RECONNECT_GRACE_MILLIS + 1;
        nicks.rename(later, "alice");
        assertEquals(now, nicks.heldSince("alice"), "back after the grace: a new tenure");
    }
}
