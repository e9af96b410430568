package chat.server.account;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LoginThrottleTest {
    @Test
    void threeFreeFailuresThenADoublingWaitPerAddressAndPerAccount() {
        LoginThrottle throttle = new LoginThrottle();
        long now = 1_000_000;
        for (int i = 0; i < 3; i++) {
            assertEquals(0, throttle.waitMillis("10.0.0.1", "alice", now));
            throttle.failed("10.0.0.1", "alice", now);
        }
        assertEquals(0, throttle.waitMillis("10.0.0.1", "alice", now));
        throttle.failed("10.0.0.1", "alice", now);
        assertEquals(1_000, throttle.waitMillis("10.0.0.1", "alice", now));
        assertEquals(1_000, throttle.waitMillis("10.9.9.9", "ALICE", now), "the account waits from any address");
        assertEquals(1_000, throttle.waitMillis("10.0.0.1", "bob", now), "the address waits for any account");
        throttle.failed("10.0.0.1", "alice", now + 1_000);
        assertEquals(2_000, throttle.waitMillis("10.0.0.1", "alice", now + 1_000));
        for (int i = 0; i < 30; i++) {
            throttle.failed("10.0.0.1", "alice", now);
        }
        assertEquals(LoginThrottle.MAX_WAIT_MILLIS, throttle.waitMillis("10.0.0.1", "alice", now));
        throttle.succeeded("10.0.0.1", "alice");
        assertEquals(0, throttle.waitMillis("10.0.0.1", "alice", now));
    }
}
