package chat.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;

/** The command line through picocli's execute(): options, environment defaults and exit codes. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
public class ClientMainTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int execute(Map<String, String> env, String... args) {
        CommandLine command = new CommandLine(new ClientMain(env, new ByteArrayInputStream(new byte[0]),
                new PrintStream(new ByteArrayOutputStream())));
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        return command.execute(args);
    }

    @Test
    void aBadPortIsOneLineWithTheHintNotTheWholeHelp() {
        CommandLine command = ClientMain.commandLine(new ClientMain(Map.of(), new ByteArrayInputStream(new byte[0]),
                new PrintStream(new ByteArrayOutputStream())));
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        assertEquals(2, command.execute("--port", "abc"));
        assertEquals(List.of("chat-client: Invalid value for option '--port': 'abc' is not an int (see ./chat client --help)"),
                err.toString().lines().toList());
    }

    @Test
    void helpListsOptionsExitCodesAndEnvironmentAndExitsZero() {
        assertEquals(0, execute(Map.of(), "--help"));
        String help = out.toString();
        for (String expected : new String[] {"--host", "--port", "--nick", "--room", "--password", "--no-color",
            "Exit codes", "CHAT_HOST", "CHAT_NICK", "NO_COLOR", "--tls", "--tls-fingerprint", "--account",
            "CHAT_ACCOUNT_PASSWORD"}) {
            assertTrue(help.contains(expected), "help lacks " + expected + ":\n" + help);
        }
        assertFalse(help.contains("bench"), "the load generator is chat-bench's, not a client subcommand:\n" + help);
    }

    @Test
    void versionExitsZero() {
        assertEquals(0, execute(Map.of(), "--version"));
        assertTrue(out.toString().startsWith("chat client"), out.toString());
    }

    @Test
    void badUsageExitsTwo() {
        assertEquals(2, execute(Map.of(), "--port", "notaport"));
        assertEquals(2, execute(Map.of(), "--port", "70000"));
        assertEquals(2, execute(Map.of(), "--bogus"));
        assertEquals(2, execute(Map.of(), "--nick", "x", "bench")); // no longer a subcommand: an unmatched argument
        assertEquals(2, execute(Map.of(), "--nick", "9starts-with-digit"));
        assertEquals(2, execute(Map.of("CHAT_PORT", "six"), "--nick", "x"));
        assertEquals(2, execute(Map.of(), "--room", "#bad,room", "--nick", "x"));
    }

    @Test
    void withoutATerminalANickIsRequired() {
        assertEquals(2, execute(Map.of()));
        assertTrue(err.toString().contains("no nickname"), err.toString());
    }

    @Test
    void refusedConnectionPrintsOneClearLineAndExitsOne() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            closedPort = probe.getLocalPort();
        }
        assertEquals(1, execute(Map.of("CHAT_NICK", "alice"), "--host", "127.0.0.1", "--port", String.valueOf(closedPort)));
        String[] lines = err.toString().strip().split("\\R");
        assertEquals(1, lines.length, err.toString());
        assertTrue(lines[0].startsWith("chat-client: cannot connect to 127.0.0.1:" + closedPort), lines[0]);
        assertFalse(err.toString().contains("Exception"), err.toString());
    }

    @Test
    void environmentSuppliesHostPortAndNick() throws Exception {
        try (FakeIrcServer server = FakeIrcServer.start()) {
            int code = execute(Map.of("CHAT_HOST", "127.0.0.1", "CHAT_PORT", String.valueOf(server.port()),
                    "USER", "envuser", "CHAT_ROOM", "#envroom"));
            assertEquals(0, code, err.toString());
            server.await("envuser: JOIN #envroom");
        }
    }

    @Test
    void tlsAndAccountOptionsAreCheckedBeforeConnecting() {
        assertEquals(2, execute(Map.of(), "--nick", "x", "--tls-fingerprint", "SHA256:AB:CD"));
        assertTrue(err.toString().contains("not a SHA-256 fingerprint"), err.toString());
        assertEquals(2, execute(Map.of(), "--nick", "x", "--tls-cert", "cert.pem"));
        assertTrue(err.toString().contains("--tls-cert and --tls-key go together"), err.toString());
        assertEquals(2, execute(Map.of(), "--nick", "x", "--account", "alice"));
        assertTrue(err.toString().contains("set CHAT_ACCOUNT_PASSWORD"), err.toString());
    }

    @Test
    void tlsWithoutAPortUses6697() {
        int code = execute(Map.of("CHAT_TLS", "1", "XDG_CONFIG_HOME", System.getProperty("java.io.tmpdir")),
                "--host", "127.0.0.1", "--nick", "x");
        assertEquals(1, code, err.toString());
        assertTrue(err.toString().contains("127.0.0.1:6697"), err.toString());
    }

    @Test
    void withoutATerminalAnUnknownCertificateIsRefusedWithTheWayToPinIt(@org.junit.jupiter.api.io.TempDir java.nio.file.Path home)
            throws Exception {
        chat.client.net.TestCertificate certificate = chat.client.net.TestCertificate.generate(home, "localhost");
        try (chat.client.net.FakeTlsIrcServer server = new chat.client.net.FakeTlsIrcServer(certificate)) {
            Map<String, String> env = Map.of("XDG_CONFIG_HOME", home.toString());
            assertEquals(1, execute(env, "--tls", "--host", "127.0.0.1", "--port", String.valueOf(server.port()), "--nick", "x"));
            assertTrue(err.toString().contains("run again with --tls-fingerprint " + certificate.fingerprint()), err.toString());
            assertEquals(0, execute(env, "--host", "127.0.0.1", "--port", String.valueOf(server.port()), "--nick", "x",
                    "--tls-fingerprint", certificate.fingerprint().toString()), err.toString());
        }
    }
}
