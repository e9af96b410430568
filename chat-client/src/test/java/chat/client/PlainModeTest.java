package chat.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Without a terminal: `echo hi | chat client`, and `chat client > log.txt`. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
public class PlainModeTest {
    @TempDir
    Path home;

    @Test
    void pipedLinesAreSentInOrderThenQuitAndExitZero() throws Exception {
        try (FakeIrcServer server = FakeIrcServer.start()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int code = run(server.port(), new ByteArrayInputStream("hi\nsecond line\n".getBytes(StandardCharsets.UTF_8)), out,
                    "--nick", "bot", "--room", "#ops");
            assertEquals(0, code);
            server.await("bot: JOIN #ops");
            server.await("bot: PRIVMSG #ops hi");
            server.await("bot: PRIVMSG #ops :second line");
            server.await("bot: QUIT leaving");
            String log = out.toString(StandardCharsets.UTF_8);
            assertTrue(log.indexOf("<bot> hi") > log.indexOf("Welcome"), "own lines show as they are sent: " + log);
            assertFalse(log.contains("\u001b"), "plain output must hold no escape sequences: " + log);
        }
    }

    @Test
    void manyPipedLinesAllArriveInOrderAtTheDefaultPace() throws Exception {
        try (FakeIrcServer server = FakeIrcServer.start()) {
            StringBuilder input = new StringBuilder();
            for (int i = 1; i <= 8; i++) {
                input.append("line ").append(i).append('\n');
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            assertEquals(0, run(server.port(), new ByteArrayInputStream(input.toString().getBytes(StandardCharsets.UTF_8)),
                    out, "--nick", "paster"));
            server.await("paster: QUIT leaving");
            java.util.List<String> expected = new java.util.ArrayList<>();
            for (int i = 1; i <= 8; i++) {
                expected.add("paster: PRIVMSG #lobby :line " + i);
            }
            assertEquals(expected, server.linesSoFar().stream().filter(l -> l.startsWith("paster: PRIVMSG")).toList());
        }
    }

    @Test
    void receivedMessagesArePrintedAsPlainLines() throws Exception {
        try (FakeIrcServer server = FakeIrcServer.start(); TerminalSession alice = new TerminalSession(
                TerminalSession.config(server.port(), "alice", "#lobby", home))) {
            server.await("alice: JOIN #lobby");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            java.io.PipedOutputStream feed = new java.io.PipedOutputStream();
            java.io.PipedInputStream in = new java.io.PipedInputStream(feed);
            CompletableFuture<Integer> recorder = CompletableFuture.supplyAsync(() -> run(server.port(), in, out,
                    "--nick", "rec", "--room", "#lobby"));
            server.await("rec: JOIN #lobby");
            alice.awaitScreen("rec (rec@127.0.0.1) joined #lobby");
            alice.type("for the record\n");
            server.await("alice: PRIVMSG #lobby :for the record");
            feed.close();
            assertEquals(0, recorder.get(10, TimeUnit.SECONDS));
            String log = out.toString(StandardCharsets.UTF_8);
            assertTrue(log.matches("(?s).*\\d\\d:\\d\\d <alice> for the record\\R.*"), log);
        }
    }

    @Test
    void lostConnectionWithoutATerminalExitsOne() throws Exception {
        FakeIrcServer server = FakeIrcServer.start();
        java.io.PipedOutputStream feed = new java.io.PipedOutputStream();
        java.io.PipedInputStream in = new java.io.PipedInputStream(feed);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CompletableFuture<Integer> client = CompletableFuture.supplyAsync(() -> run(server.port(), in, out,
                "--nick", "bot"));
        server.await("bot: JOIN #lobby");
        server.close();
        assertEquals(1, client.get(10, TimeUnit.SECONDS));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("connection lost"));
        feed.close();
    }

    private static int run(int port, InputStream in, ByteArrayOutputStream out, String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--port=" + port;
        all[1] = "--host=127.0.0.1";
        System.arraycopy(args, 0, all, 2, args.length);
        CommandLine command = new CommandLine(new ClientMain(Map.of(), in, new PrintStream(out, true, StandardCharsets.UTF_8)));
        command.setErr(new PrintWriter(new StringWriter()));
        return command.execute(all);
    }
}
