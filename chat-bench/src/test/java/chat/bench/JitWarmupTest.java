package chat.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class JitWarmupTest {

    private static BenchOptions real(int rooms, int clients, double rate, int window, int size) {
        return new BenchOptions("127.0.0.1", 6667, rooms, clients, 500, rate, window, size, 0, 0, 10, 300, 10,
                "bench", "#bench", 4242);
    }

    @Test
    void firstRoundHasTheRealWindowAndSizeWithAFewClientsAndNoServerPid() {
        BenchOptions w = JitWarmup.shapeFor(real(10, 200, 0, 16, 100), 5555, 0);

        assertEquals(5555, w.port());
        assertEquals("127.0.0.1", w.host());
        assertEquals(2, w.rooms());
        assertEquals(20, w.clients());
        assertEquals(16, w.window());
        assertEquals(100, w.sizeBytes());
        assertEquals(0, w.ratePerClient());
        assertEquals(0, w.serverPid(), "the warm-up reads no server's /proc");
        long deliveries = w.messagesPerClient() * w.clients() * (w.clients() / w.rooms() - 1);
        assertTrue(deliveries >= JitWarmup.DELIVERIES * 9 / 10 && deliveries <= JitWarmup.DELIVERIES, "" + deliveries);
    }

    @Test
    void laterRoundsHaveAWindowOfOne() {
        assertEquals(1, JitWarmup.shapeFor(real(10, 200, 0, 16, 64), 1, 1).window());
        assertEquals(1, JitWarmup.shapeFor(real(10, 200, 0, 16, 64), 1, 2).window());
    }

    @Test
    void aRunWithARateIsWarmedUpOnASchedule() {
        BenchOptions w = JitWarmup.shapeFor(real(100, 1000, 5, 16, 64), 1, 0);

        assertTrue(w.ratePerClient() > 5, "a faster schedule than the real one: " + w.ratePerClient());
        assertEquals(0, JitWarmup.shapeFor(real(100, 1000, 5, 16, 64), 1, 1).ratePerClient());
    }

    @Test
    void smallRunsKeepTheirOwnShape() {
        BenchOptions w = JitWarmup.shapeFor(real(1, 2, 0, 1, 0), 1, 0);

        assertEquals(1, w.rooms());
        assertEquals(2, w.clients());
        assertTrue(w.messagesPerClient() > 0);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void warmUpCompletesCleanAgainstItsOwnRelay() throws Exception {
        BenchResult last = JitWarmup.run(real(10, 200, 0, 16, 64), new ProgressBoard());

        assertTrue(last.clean(), ResultFormat.summary(last));
        assertEquals(1, last.options().window(), "the last round is a window-of-one round");
    }
}
