package chat.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ServerProcStatsTest {

    @Test
    void rssComesFromTheVmRssLine() {
        assertEquals(5584, ServerProcStats.parseRssKiB("Name:\tngircd\nVmPeak:\t 9000 kB\nVmRSS:\t    5584 kB\nThreads: 1\n"));
    }

    @Test
    void cpuTicksAreUserPlusSystemEvenWhenTheCommandNameHasSpacesAndParentheses() {
        String stat = "4242 (odd (name) x) S 1 4242 4242 0 -1 4194560 100 0 0 0 250 31 0 0 20 0 1 0 99 1000 200";
        assertEquals(281, ServerProcStats.parseCpuTicks(stat));
    }

    @Test
    void readsThisJvmAndGivesNothingWithoutAPid() {
        ServerProcStats self = ServerProcStats.read(ProcessHandle.current().pid());
        assertTrue(self.rssKiB() > 1000);
        assertNull(ServerProcStats.read(0));
    }
}
