package chat.it;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client's own end-to-end script (three real clients in tmux windows: room chat, one-to-one,
 * a half-typed line that survives incoming messages, 88) run against OUR packaged server.
 * Skipped where tmux is not installed; CI installs it.
 */
class TmuxEndToEndTest {
    @TempDir
    Path work;

    @Test
    @Timeout(value = 150, unit = TimeUnit.SECONDS)
    void threeRealClientsInTmuxChatThroughOurServer() throws Exception {
        // our server keeps history: check catching up after a restart
        TmuxScripts.runAgainstOurServer("tmux-e2e.sh", work, Map.of("E2E_HISTORY", "1"), 140);
    }
}
