package chat.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;

@Timeout(20)
class ServerMainTest {
    private static int run(StringWriter err, String... args) {
        CommandLine commandLine = ServerMain.commandLine();
        commandLine.setErr(new PrintWriter(err, true));
        commandLine.setOut(new PrintWriter(new StringWriter(), true));
        return commandLine.execute(args);
    }

    @Test
    void unknownOptionOrBadNumberExitsWith2() {
        StringWriter err = new StringWriter();
        assertEquals(2, run(err, "--bogus"));
        assertTrue(err.toString().contains("Unknown option"), err::toString);
        assertEquals(2, run(new StringWriter(), "--port", "many"));
        assertEquals(2, run(new StringWriter(), "--ping-interval", "soon"));
        assertEquals(2, run(new StringWriter(), "--sendq-hard", "-5"));
    }

    @Test
    void invalidSettingsExitWith2() {
        assertEquals(2, run(new StringWriter(), "--port", "0", "--room", "lobby"));
        assertEquals(2, run(new StringWriter(), "--port", "0", "--sendq-soft", "2m", "--sendq-hard", "1m"));
    }

    @Test
    void portInUseExitsWith2() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertEquals(2, run(new StringWriter(), "--port", Integer.toString(taken.getLocalPort()), "--no-history"));
        }
    }

    @Test
    void helpAndVersionExitWith0() {
        assertEquals(0, run(new StringWriter(), "--help"));
        assertEquals(0, run(new StringWriter(), "--version"));
    }

    @Test
    void durationsAndSizesAcceptUnits() {
        DurationConverter durations = new DurationConverter();
        assertEquals(500L, durations.convert("500ms"));
        assertEquals(30_000L, durations.convert("30s"));
        assertEquals(30_000L, durations.convert("30"));
        assertEquals(120_000L, durations.convert("2m"));
        ByteSizeConverter sizes = new ByteSizeConverter();
        assertEquals(65_536, sizes.convert("64k"));
        assertEquals(1_048_576, sizes.convert("1m"));
        assertEquals(1000, sizes.convert("1000"));
    }
}
