package chat.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.server.TestClient;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Promise 5, the file-descriptor limit: the packaged server in a child JVM started by bash with
 * {@code ulimit -n 64}. Connections past what its descriptors allow get {@code ERROR :Server full}
 * and a close instead of hanging, the server keeps serving the others, and takes new ones once
 * descriptors are free again.
 */
class FileDescriptorLimitTest {
    private static final int DESCRIPTOR_LIMIT = 64;
    private static final int CONNECTIONS = 80;

    @TempDir
    Path work;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void connectionsPastTheDescriptorLimitAreRefusedCleanlyAndTheOthersKeepWorking() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "needs bash for ulimit");
        Path log = work.resolve("server.log");
        Process server = new ProcessBuilder("/bin/bash", "-c",
                "ulimit -n " + DESCRIPTOR_LIMIT + " && exec \"$0\" -jar \"$1\" --port 0 --server-name fd.test --max-per-ip 0 --connects-per-minute 0 --no-history",
                Jars.java().toString(), Jars.server().toString())
                .redirectError(log.toFile()).start();
        OutputStream console = server.getOutputStream(); // kept open: the operator console
        try {
            int port = Jars.listeningPort(server);
            assertTrue(port > 0, "the server did not start: " + Files.readString(log));
            List<TestClient> welcomed = new ArrayList<>();
            int refused = 0;
            List<TestClient> all = new ArrayList<>();
            for (int i = 0; i < CONNECTIONS; i++) {
                all.add(new TestClient(port)); // the kernel completes the handshake; accept() decides
            }
            for (TestClient client : all) {
                String first = client.readLine();
                if (first != null && first.contains("NOTICE *")) {
                    welcomed.add(client);
                } else {
                    assertEquals("ERROR :Server full", first);
                    assertEquals(null, client.readLine(), "closed after the refusal");
                    refused++;
                    client.close();
                }
            }
            System.out.println("fd limit " + DESCRIPTOR_LIMIT + ": " + welcomed.size() + " connections served, "
                    + refused + " refused with ERROR :Server full, none left hanging");
            assertTrue(refused > 0, "the limit was never reached; the test proves nothing");
            assertTrue(welcomed.size() >= 2, "too few connections served: " + welcomed.size());

            TestClient a = welcomed.get(0);
            TestClient b = welcomed.get(1);
            a.register("a");
            b.register("b");
            a.ask("JOIN #lobby");
            b.ask("JOIN #lobby");
            a.send("PRIVMSG #lobby :still serving");
            b.expect(line -> line.startsWith(":a!") && line.endsWith(":still serving"));
            for (TestClient idle : welcomed.subList(2, welcomed.size())) {
                idle.close();
            }
            // Descriptors are free again: a newcomer is served (retrying while the server notices the closes).
            TestClient newcomer = null;
            while (newcomer == null) {
                TestClient attempt = new TestClient(port);
                String first = attempt.readLine();
                if (first != null && first.contains("NOTICE *")) {
                    newcomer = attempt;
                } else {
                    attempt.close();
                }
            }
            newcomer.register("newcomer");
            newcomer.ask("JOIN #lobby");
            newcomer.send("PRIVMSG #lobby :made it");
            a.expect(line -> line.startsWith(":newcomer!") && line.endsWith(":made it"));
            console.write("88\n".getBytes(StandardCharsets.US_ASCII));
            console.flush();
            assertTrue(server.waitFor(15, TimeUnit.SECONDS), "the server did not stop on 88");
            assertEquals(0, server.exitValue(), Files.readString(log));
        } finally {
            server.destroyForcibly();
        }
    }
}
