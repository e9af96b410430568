package chat.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.server.TestClient;
import chat.server.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Promise 2: a client that never reads and one that reads a trickle do not slow anyone else; the
 * server drops them at the hard send-queue limit and its own count of queued bytes stays bounded.
 */
class SlowReaderTest {
    private static final int NORMAL = 50;
    private static final int ROUND_MESSAGES = 100;
    /** Bounds the test: the kernel's socket buffers absorb some output before the send queue grows. */
    private static final int MAX_MESSAGES = 40_000;
    private static final int SOFT_BYTES = 16 * 1024;
    private static final int HARD_BYTES = 64 * 1024;
    private static final String PADDING = "x".repeat(400);
    private static final int TINY_RECEIVE_BUFFER = 2048;

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void stalledAndTrickleReadersAreDroppedAtTheHardLimitWhileFiftyOthersGetEverythingInOrder() throws Exception {
        TestServer.Settings settings = new TestServer.Settings();
        settings.sendQueueSoftBytes = SOFT_BYTES;
        settings.sendQueueHardBytes = HARD_BYTES;
        try (ItServer server = ItServer.start(settings);
                TestClient stalled = new TestClient(server.port(), TINY_RECEIVE_BUFFER);
                TestClient trickle = new TestClient(server.port(), TINY_RECEIVE_BUFFER)) {
            stalled.register("stalled");
            stalled.ask("JOIN #lobby");
            trickle.register("trickle");
            trickle.ask("JOIN #lobby");
            Semaphore trickleBudget = new Semaphore(0);
            CompletableFuture<List<String>> trickleReader = CompletableFuture.supplyAsync(
                    () -> trickleRead(trickle, trickleBudget), Executors.threads(1));

            CyclicBarrier allJoined = new CyclicBarrier(NORMAL + 1);
            java.util.concurrent.Executor pool = Executors.threads(NORMAL);
            List<CompletableFuture<Integer>> normals = new ArrayList<>();
            for (int i = 0; i < NORMAL; i++) {
                String nick = "n" + i;
                boolean pacesTheTrickle = i == NORMAL - 1;
                normals.add(CompletableFuture.supplyAsync(() -> {
                    try (TestClient client = TestClient.inRoom(server.port(), nick, "#lobby")) {
                        allJoined.await(30, TimeUnit.SECONDS);
                        Ledger ledger = new Ledger(nick);
                        while (true) {
                            String line = client.readLine();
                            assertTrue(line != null && !line.startsWith("ERROR"), nick + " was dropped: " + line);
                            if (ledger.record(line)) {
                                if (pacesTheTrickle) {
                                    trickleBudget.release(); // the trickle reader may read one more byte
                                }
                                if (line.endsWith(" END")) {
                                    return ledger.from("source");
                                }
                            }
                        }
                    } catch (Exception e) {
                        throw new java.util.concurrent.CompletionException(e);
                    }
                }, pool));
            }
            try (TestClient source = TestClient.inRoom(server.port(), "source", "#lobby")) {
                allJoined.await(30, TimeUnit.SECONDS);
                int sent = 0;
                long maxQueued = 0;
                Set<String> droppedForSendQ = new HashSet<>();
                while (droppedForSendQ.size() < 2 && sent < MAX_MESSAGES) {
                    ByteArrayOutputStream round = new ByteArrayOutputStream();
                    for (int i = 0; i < ROUND_MESSAGES; i++) {
                        round.write((Ledger.message("#lobby", sent++, "source") + " " + PADDING + "\r\n")
                                .getBytes(StandardCharsets.UTF_8));
                    }
                    source.sendRaw(round.toByteArray());
                    for (String line : source.sync()) {
                        if (line.endsWith(" QUIT :SendQ exceeded")) {
                            droppedForSendQ.add(line.substring(1, line.indexOf('!')));
                        }
                    }
                    ItServer.Stats stats = server.stats();
                    maxQueued = Math.max(maxQueued, stats.bytesQueued());
                    assertTrue(stats.bytesQueued() <= (long) stats.connections() * (HARD_BYTES + 512),
                            "queued output beyond every client's hard limit: " + stats);
                    if (normals.stream().anyMatch(CompletableFuture::isCompletedExceptionally)) {
                        throw firstFailure(normals);
                    }
                }
                assertEquals(Set.of("stalled", "trickle"), droppedForSendQ, "after " + sent + " messages");
                source.send(Ledger.message("#lobby", sent++, "source") + " END");
                for (CompletableFuture<Integer> normal : normals) {
                    assertEquals(sent, normal.get(30, TimeUnit.SECONDS), "messages a normal client got, in order");
                }
                System.out.println("slow readers: " + sent + " messages of ~" + PADDING.length()
                        + " bytes; max bytes queued " + maxQueued + " for " + (NORMAL + 3) + " connections");
            }
            // Read at once (within the server's drain time): the line in flight is completed and the reason follows.
            List<String> stalledLines = stalled.readUntilClosed();
            assertDroppedAfterAnInOrderPrefix("stalled", stalledLines);
            assertEquals("ERROR :SendQ exceeded", stalledLines.get(stalledLines.size() - 1));
            trickleBudget.release(Integer.MAX_VALUE / 2);
            assertDroppedAfterAnInOrderPrefix("trickle", trickleReader.get(20, TimeUnit.SECONDS));
            ItServer.Stats end = server.awaitConnections(0);
            assertEquals(0, end.bytesQueued(), end.toString());
        }
    }

    /** The earliest failure among the clients: later ones are usually its consequences. */
    private static Exception firstFailure(List<CompletableFuture<Integer>> normals) {
        for (CompletableFuture<Integer> normal : normals) {
            if (normal.isCompletedExceptionally()) {
                try {
                    normal.join();
                } catch (java.util.concurrent.CompletionException e) {
                    return e.getCause() instanceof Exception cause ? cause : e;
                }
            }
        }
        return new IllegalStateException("no client failed");
    }

    /** Reads one byte per permit; once the permits flood in, reads to the end of the stream. */
    private static List<String> trickleRead(TestClient client, Semaphore budget) {
        try {
            InputStream in = client.socket().getInputStream();
            ByteArrayOutputStream early = new ByteArrayOutputStream();
            while (budget.tryAcquire(30, TimeUnit.SECONDS) && budget.availablePermits() < Integer.MAX_VALUE / 4) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                early.write(b);
            }
            List<String> lines = new ArrayList<>();
            String head = early.toString(StandardCharsets.UTF_8);
            int cut = head.lastIndexOf("\r\n");
            if (cut >= 0) {
                lines.addAll(List.of(head.substring(0, cut).split("\r\n")));
            }
            String partial = cut >= 0 ? head.substring(cut + 2) : head;
            List<String> rest = new ArrayList<>();
            while (true) {
                int b = readOrEnd(in);
                if (b < 0) {
                    break;
                }
                partial += (char) b;
                if (partial.endsWith("\r\n")) {
                    rest.add(new String(partial.substring(0, partial.length() - 2).getBytes(StandardCharsets.ISO_8859_1),
                            StandardCharsets.UTF_8));
                    partial = "";
                }
            }
            lines.addAll(rest);
            return lines;
        } catch (Exception e) {
            throw new java.util.concurrent.CompletionException(e);
        }
    }

    private static int readOrEnd(InputStream in) throws java.io.IOException {
        try {
            return in.read();
        } catch (java.net.SocketException reset) {
            return -1;
        }
    }

    /** What a dropped reader got: whole messages from each sender without gaps, then the end. */
    private static void assertDroppedAfterAnInOrderPrefix(String nick, List<String> lines) {
        Ledger ledger = new Ledger(nick);
        lines.forEach(ledger::record);
        for (String line : lines) {
            assertTrue(!line.startsWith("ERROR") || line.equals("ERROR :SendQ exceeded"), nick + ": " + line);
        }
    }
}
