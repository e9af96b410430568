package chat.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.server.TestClient;
import chat.server.TestServer;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Promise 6, the soak (not in the default build: {@code mvn -Psoak ...}, see docs/RELIABILITY.md).
 * Residents stay connected and check every message they get (exactly once, in order); churners
 * connect, register, join and part rooms, talk, change nick, and leave by QUIT, by closing or by
 * reset, then come back under a new name, for {@code -Dsoak.seconds} (default 180). At the end
 * the server's own counters must be back to zero (connections, rooms, queued bytes) and the heap
 * after a full GC must be about where it was after the warm-up.
 */
@Tag("soak")
class SoakTest {
    private static final int RESIDENTS = 20;
    private static final int CHURNERS = 12;
    private static final int ROOMS = 8;
    private static final int SESSIONS_PER_SECOND = 20;
    private static final long SAMPLE_EVERY_MILLIS = 15_000;
    private static final long HEAP_GROWTH_ALLOWED_BYTES = 24L * 1024 * 1024;

    @Test
    @Timeout(value = 30, unit = TimeUnit.MINUTES)
    void churnForMinutesLeavesNoConnectionsRoomsOrBuffersAndAFlatHeap() throws Exception {
        long seconds = Long.getLong("soak.seconds", 180);
        TestServer.Settings settings = new TestServer.Settings();
        settings.floodLinesPerSecond = 50; // flood control on, generous enough not to drop a churner
        settings.floodBurstLines = 100;
        settings.pingIntervalMillis = 5_000;
        settings.pingTimeoutMillis = 5_000;
        try (ItServer server = ItServer.start(settings)) {
            ItServer.Stats baseline = server.stats();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            AtomicLong sessions = new AtomicLong();
            AtomicLong sent = new AtomicLong();
            List<Resident> residents = new ArrayList<>();
            for (int i = 0; i < RESIDENTS; i++) {
                residents.add(new Resident(server.port(), "res" + i, "#s" + (i % ROOMS)));
            }
            List<CompletableFuture<Void>> churners = new ArrayList<>();
            for (int i = 0; i < CHURNERS; i++) {
                int id = i;
                churners.add(CompletableFuture.runAsync(() -> churn(server.port(), id, deadline, sessions, sent),
                        Executors.threads(1)));
            }
            long warmHeap = -1;
            int samples = 0;
            long nextSample = System.nanoTime();
            System.out.println("soak: " + seconds + " s, " + RESIDENTS + " residents, " + CHURNERS + " churners, "
                    + ROOMS + " rooms; baseline " + baseline);
            while (System.nanoTime() < deadline) {
                if (System.nanoTime() >= nextSample) {
                    long heap = heapAfterGc();
                    if (warmHeap < 0 && samples++ == 1) { // the second sample: after the warm-up
                        warmHeap = heap;
                    }
                    System.out.println("soak: t+" + (seconds - TimeUnit.NANOSECONDS.toSeconds(deadline - System.nanoTime()))
                            + " s " + server.stats() + ", sessions " + sessions.get() + ", messages " + sent.get()
                            + ", heap after GC " + heap / 1024 + " KiB");
                    nextSample += TimeUnit.MILLISECONDS.toNanos(SAMPLE_EVERY_MILLIS);
                }
                try {
                    // Wakes when a churner fails (it then throws here) or after a second.
                    CompletableFuture.anyOf(churners.toArray(new CompletableFuture[0])).get(1, TimeUnit.SECONDS);
                } catch (java.util.concurrent.TimeoutException stillChurning) {
                    // next round
                }
            }
            for (CompletableFuture<Void> churner : churners) {
                churner.get(60, TimeUnit.SECONDS);
            }
            long received = 0;
            for (Resident resident : residents) {
                resident.quitting = true;
                resident.client.send("QUIT :soak over");
                received += resident.reader.get(30, TimeUnit.SECONDS);
                resident.client.close();
            }
            ItServer.Stats end = server.awaitConnections(baseline.connections());
            long endHeap = heapAfterGc();
            System.out.println("soak: end " + end + "; " + sessions.get() + " churn sessions, " + sent.get()
                    + " messages sent, " + received + " checked by residents (each once, in order); heap after GC "
                    + warmHeap / 1024 + " KiB after warm-up, " + endHeap / 1024 + " KiB at the end");
            assertEquals(0, end.connections(), "leaked connections: " + end);
            assertEquals(0, end.registered(), "leaked registrations: " + end);
            assertEquals(0, end.rooms(), "leaked rooms: " + end);
            assertEquals(0, end.bytesQueued(), "leaked output buffers: " + end);
            assertTrue(sessions.get() > CHURNERS, "churn happened: " + sessions.get());
            assertTrue(endHeap - warmHeap < HEAP_GROWTH_ALLOWED_BYTES,
                    "heap grew by " + (endHeap - warmHeap) / 1024 + " KiB");
        }
    }

    private static long heapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** One churner: sessions back to back until the deadline, each ending a different way. */
    private static void churn(int port, int id, long deadline, AtomicLong sessions, AtomicLong sent) {
        Random random = new Random(id);
        try {
            for (int session = 0; System.nanoTime() < deadline; session++) {
                // Pacing, not synchronisation: about SESSIONS_PER_SECOND per churner, so the soak
                // measures steady churn instead of saturating the two shared cores.
                long startedAt = System.nanoTime();
                String nick = "ch" + id + "x" + session;
                try (TestClient client = TestClient.irc(port, nick)) {
                    // Numbered messages all go to the first room, so its residents can check every one.
                    String talkRoom = "#s" + random.nextInt(ROOMS);
                    client.send("JOIN " + talkRoom);
                    for (int r = random.nextInt(3); r > 0; r--) {
                        client.send("JOIN #s" + random.nextInt(ROOMS));
                    }
                    client.sync();
                    int messages = random.nextInt(30);
                    for (int seq = 0; seq < messages; seq++) {
                        client.send(Ledger.message(talkRoom, seq, nick));
                    }
                    if (random.nextInt(5) == 0) {
                        client.send("NICK " + nick + "n"); // residents then see the rest under the new nick
                        client.send("PRIVMSG " + talkRoom + " :after the nick change");
                    }
                    sent.addAndGet(messages);
                    if (random.nextInt(4) == 0) {
                        client.send("PART #s" + random.nextInt(ROOMS) + " :churn");
                    }
                    client.sync();
                    switch (random.nextInt(3)) {
                        case 0 -> {
                            client.send("QUIT :churn");
                            client.readUntilClosed();
                        }
                        case 1 -> client.socket().close();
                        default -> {
                            client.socket().setSoLinger(true, 0);
                            client.socket().close();
                        }
                    }
                }
                sessions.incrementAndGet();
                java.util.concurrent.locks.LockSupport.parkNanos(
                        startedAt + TimeUnit.SECONDS.toNanos(1) / SESSIONS_PER_SECOND - System.nanoTime());
            }
        } catch (Exception e) {
            throw new java.util.concurrent.CompletionException(e);
        }
    }

    /** A client that stays, reads everything on its own thread and checks order and uniqueness. */
    private static final class Resident {
        final TestClient client;
        final Ledger ledger;
        final CompletableFuture<Integer> reader;
        volatile boolean quitting;

        Resident(int port, String nick, String room) throws Exception {
            client = TestClient.inRoom(port, nick, room);
            ledger = new Ledger(nick);
            reader = CompletableFuture.supplyAsync(() -> {
                try {
                    String line;
                    while ((line = client.readLine()) != null) {
                        assertTrue(!line.startsWith("ERROR") || quitting, nick + " was dropped: " + line);
                        if (!ledger.record(line) && (line.contains(" QUIT ") || line.contains(" NICK ")) && line.startsWith(":")) {
                            ledger.forget(line.substring(1, line.indexOf('!')));
                        }
                    }
                    return ledger.total();
                } catch (Exception e) {
                    throw new java.util.concurrent.CompletionException(e);
                }
            }, Executors.threads(1));
        }
    }
}
