package chat.it;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client's windows in real terminals (chat-client/src/test/e2e/tmux-windows-e2e.sh) against
 * OUR packaged server: three windows with traffic in all, the status bar's activity, Alt-number,
 * Alt-arrows and /win with a half-typed line kept, a refused join that does not switch, prefix
 * completion with rooms from LIST, a 60-line paste at the server's pace with "[N queued]",
 * /ignore, CTCP VERSION answered by NOTICE to a raw IRC client, and the --log-dir files.
 * Skipped where tmux is not installed.
 */
class TmuxWindowsEndToEndTest {
    @TempDir
    Path work;

    @Test
    @Timeout(value = 150, unit = TimeUnit.SECONDS)
    void windowsStatusBarPastePacingIgnoreAndCtcpInTmux() throws Exception {
        TmuxScripts.runAgainstOurServer("tmux-windows-e2e.sh", work, Map.of(), 140);
    }
}
