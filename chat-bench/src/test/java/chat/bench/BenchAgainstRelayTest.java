package chat.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;

/** Runs real benches over 127.0.0.1 against {@link FakeIrcRelay}, faithful and faulty. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class BenchAgainstRelayTest {

    private static BenchOptions options(int port, int rooms, int clients, long messages, int window) {
        return new BenchOptions("127.0.0.1", port, rooms, clients, messages, 0, window, 64, 0, 0,
                1.0, 10, 4, "t", "#t", ProcessHandle.current().pid());
    }

    private static BenchResult run(FakeIrcRelay.FaultPlan plan, BenchOptions template) throws Exception {
        try (FakeIrcRelay relay = new FakeIrcRelay(plan)) {
            BenchOptions o = new BenchOptions(template.host(), relay.port(), template.rooms(), template.clients(),
                    template.messagesPerClient(), template.ratePerClient(), template.window(), template.sizeBytes(),
                    0, 0, template.drainTimeoutSeconds(), 10, template.connectBatch(), "t", "#t", template.serverPid());
            return new BenchRun(o, new ProgressBoard()).execute();
        }
    }

    @Test
    void faithfulRelayDeliversEveryMessageOnceInOrder() throws Exception {
        BenchResult r = run(delivery -> FakeIrcRelay.Fault.NONE, options(1, 2, 6, 20, 4));

        assertNull(r.failure());
        assertEquals(6, r.joined());
        assertEquals(120, r.sent());
        assertEquals(120 * 2, r.expected(), "each message reaches the 2 other members of its 3-member room");
        assertEquals(240, r.received());
        assertEquals(0, r.lost());
        assertEquals(0, r.duplicated());
        assertEquals(0, r.reordered());
        assertEquals(0, r.misrouted());
        assertEquals(240, r.latencyCount());
        assertTrue(r.clean());
        assertTrue(r.server().rssJoinedKiB() > 0, "--server-pid reads /proc of the given process");
    }

    private static BenchResult runTimed(double rate, long messages, double warmup, double duration) throws Exception {
        try (FakeIrcRelay relay = new FakeIrcRelay(delivery -> FakeIrcRelay.Fault.NONE)) {
            BenchOptions o = new BenchOptions("127.0.0.1", relay.port(), 1, 3, messages, rate, 16, 64,
                    warmup, duration, 1.0, 10, 4, "t", "#t", 0);
            return new BenchRun(o, new ProgressBoard()).execute();
        }
    }

    @Test
    void withARateEachClientSendsExactlyItsMessageCount() throws Exception {
        BenchResult r = runTimed(200, 4, 0, 0);

        assertEquals(12, r.sent());
        assertEquals(24, r.received());
        assertTrue(r.clean());
    }

    @Test
    void withADurationNoClientSendsMoreThanItsScheduleAllows() throws Exception {
        // 50 messages/s for 0.3 s: the schedule has at most 16 send times per client (0 .. 0.3 s).
        BenchResult r = runTimed(50, 0, 0, 0.3);

        assertTrue(r.sent() > 0 && r.sent() <= 3 * 16, "sent " + r.sent());
        assertEquals(r.sent() * 2, r.expected());
        assertTrue(r.clean());
    }

    @Test
    void messagesScheduledDuringTheWarmupAreCheckedButLeftOutOfLatency() throws Exception {
        BenchResult r = runTimed(50, 0, 0.2, 0.2);

        assertTrue(r.clean());
        assertTrue(r.latencyCount() > 0 && r.latencyCount() < r.received(),
                r.latencyCount() + " of " + r.received());
    }

    @Test
    void withoutMessagesOrDurationTheRunOnlyConnectsAndJoins() throws Exception {
        BenchResult r = runTimed(0, 0, 0, 0);

        assertNull(r.failure());
        assertEquals(3, r.joined());
        assertEquals(0, r.sent());
        assertEquals(0, r.expected());
    }

    @Test
    void droppedDeliveryIsCountedAsLost() throws Exception {
        BenchResult r = run(delivery -> delivery == 7 ? FakeIrcRelay.Fault.DROP : FakeIrcRelay.Fault.NONE,
                options(1, 2, 6, 20, 4));

        assertNull(r.failure());
        assertEquals(1, r.lost());
        assertEquals(r.expected() - 1, r.received());
        assertEquals(0, r.duplicated());
        assertTrue(!r.clean());
    }

    @Test
    void repeatedDeliveryIsCountedAsDuplicate() throws Exception {
        BenchResult r = run(delivery -> delivery == 3 ? FakeIrcRelay.Fault.DUPLICATE : FakeIrcRelay.Fault.NONE,
                options(1, 1, 3, 10, 4));

        assertEquals(1, r.duplicated());
        assertEquals(0, r.lost());
        assertEquals(r.expected(), r.received());
    }

    @Test
    void deliveryOvertakenByTheSendersNextMessageIsCountedAsReordered() throws Exception {
        // Two members: every delivery to one of them comes from the other, so the held line is
        // released right after the same sender's next message.
        BenchResult r = run(delivery -> delivery == 5 ? FakeIrcRelay.Fault.SWAP_WITH_NEXT : FakeIrcRelay.Fault.NONE,
                options(1, 1, 2, 10, 4));

        assertEquals(1, r.reordered());
        assertEquals(0, r.lost());
        assertEquals(0, r.duplicated());
    }

    @Test
    void commandReportsJsonAndExitCodeThreeWhenDeliveriesAreLost() throws Exception {
        try (FakeIrcRelay relay = new FakeIrcRelay(d -> d == 2 ? FakeIrcRelay.Fault.DROP : FakeIrcRelay.Fault.NONE)) {
            StringWriter out = new StringWriter();
            CommandLine command = new CommandLine(new BenchCommand());
            command.setOut(new PrintWriter(out));
            int exit = command.execute("--port", String.valueOf(relay.port()), "--rooms", "1", "--clients", "3",
                    "--messages", "5", "--drain-timeout", "1", "--no-jit-warmup", "--json");

            assertEquals(BenchCommand.EXIT_UNCLEAN, exit);
            assertTrue(out.toString().contains("\"lost\":1,"), out.toString());
            assertTrue(out.toString().contains("\"expected\":30,"), out.toString());
        }
    }

    @Test
    void theJitWarmUpRunsAgainstTheBenchsOwnRelayAndTheServerSeesOnlyTheMeasuredRun() throws Exception {
        try (FakeIrcRelay relay = new FakeIrcRelay(d -> FakeIrcRelay.Fault.NONE)) {
            StringWriter out = new StringWriter();
            CommandLine command = new CommandLine(new BenchCommand());
            command.setOut(new PrintWriter(out));
            int exit = command.execute("--port", String.valueOf(relay.port()), "--rooms", "1", "--clients", "3",
                    "--messages", "5", "--json");

            assertEquals(0, exit, out.toString());
            assertTrue(out.toString().contains("\"expected\":30,"), out.toString());
            assertEquals(30, relay.deliveries(), "the server relayed the 30 measured deliveries and nothing else");
        }
    }

    @Test
    void commandRejectsMoreRoomsThanClientsWithExitCodeTwo() {
        StringWriter err = new StringWriter();
        CommandLine command = new CommandLine(new BenchCommand());
        command.setErr(new PrintWriter(err));

        assertEquals(BenchCommand.EXIT_USAGE, command.execute("--rooms", "5", "--clients", "2"));
        assertTrue(err.toString().contains("--clients must be at least --rooms"), err.toString());
    }

    @Test
    void refusedConnectionEndsTheRunAsFailed() throws Exception {
        int closedPort;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        BenchResult r = new BenchRun(options(closedPort, 1, 2, 5, 4), new ProgressBoard()).execute();

        assertTrue(r.failure() != null && r.failure().contains("Connection refused"), String.valueOf(r.failure()));
        assertEquals(0, r.joined());
    }
}
