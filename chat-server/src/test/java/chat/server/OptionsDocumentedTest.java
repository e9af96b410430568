package chat.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Each default is stated once (ServerConfig's constants); the command line is built from them, and
 * this test holds the README's option table to the same option names, environment variables and
 * defaults, so the three can never disagree again.
 */
class OptionsDocumentedTest {
    /** {@code ${env:NAME:-default}} or {@code ${env:NAME}}. */
    private static final Pattern ENV_DEFAULT = Pattern.compile("\\$\\{env:([A-Z_]+)(?::-(.*))?}");
    /** A row of the README's server option table: | `--opt ARG` | `ENV` | default | meaning |. */
    private static final Pattern ROW = Pattern.compile("^\\| `(?:-\\w, )?(--[a-z-]+)[^`]*` \\| `([A-Z_]+)` \\| ([^|]+) \\|");

    private static Map<String, String[]> readmeRows() throws IOException {
        Path readme = Path.of("..", "README.md");
        Map<String, String[]> rows = new HashMap<>();
        for (String line : Files.readAllLines(readme, StandardCharsets.UTF_8)) {
            Matcher row = ROW.matcher(line);
            if (row.find()) {
                rows.put(row.group(1), new String[] {row.group(2), row.group(3).strip()});
            }
        }
        return rows;
    }

    @Test
    void everyServerOptionIsInTheReadmeWithItsEnvironmentVariableAndDefault() throws IOException {
        Map<String, String[]> rows = readmeRows();
        int checked = 0;
        CommandLine commandLine = ServerMain.commandLine();
        commandLine.setInterpolateVariables(false); // the defaults as written: ${env:VAR:-default}
        for (OptionSpec option : commandLine.getCommandSpec().options()) {
            String name = option.longestName();
            if (option.usageHelp() || option.versionHelp() || name.equals("--hash-password")) {
                continue; // actions, not settings: --hash-password is documented under Server operators
            }
            String[] row = rows.remove(name);
            assertNotNull(row, "README's server option table has no row for " + name);
            Matcher env = ENV_DEFAULT.matcher(option.defaultValue());
            assertTrue(env.matches(), name + " takes its default from an environment variable");
            assertEquals(env.group(1), row[0], "environment variable of " + name);
            if (env.group(2) != null) {
                assertEquals("`" + env.group(2) + "`", row[1], "default of " + name);
            }
            checked++;
        }
        assertTrue(rows.isEmpty(), "README documents options the server does not have: " + rows.keySet());
        assertTrue(checked >= 15, "only " + checked + " options checked");
    }

    @Test
    void theDefaultsRecordIsBuiltFromTheSameConstants() {
        ServerConfig defaults = ServerConfig.builder().serverName("x.test").build();
        assertEquals(ByteSizeConverter.parse(ServerConfig.DEFAULT_SENDQ_SOFT), defaults.sendQueueSoftBytes());
        assertEquals(256 * 1024, defaults.sendQueueSoftBytes());
        assertEquals(60_000, defaults.registrationTimeoutMillis());
        assertEquals(ServerConfig.DEFAULT_PORT, defaults.port());
        assertEquals(chat.server.tls.TlsConfig.DEFAULT_HANDSHAKE_TIMEOUT_MILLIS,
                DurationConverter.parse(chat.server.tls.TlsConfig.DEFAULT_HANDSHAKE_TIMEOUT));
        assertEquals(chat.server.tls.TlsConfig.DEFAULT_STS_DURATION_SECONDS * 1000,
                DurationConverter.parse(chat.server.tls.TlsConfig.DEFAULT_STS_DURATION));
    }
}
