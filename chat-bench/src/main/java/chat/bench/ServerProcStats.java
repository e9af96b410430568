package chat.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A snapshot of a server process read from Linux /proc: resident memory (VmRSS in
 * /proc/PID/status) and CPU time (utime + stime, fields 14 and 15 of /proc/PID/stat, in clock
 * ticks). Ticks are converted with USER_HZ = 100, the value Linux exposes to user space on every
 * mainstream architecture (sysconf(_SC_CLK_TCK)).
 */
record ServerProcStats(long rssKiB, long cpuTicks) {
    static final double TICKS_PER_SECOND = 100.0;

    /** Reads the process now; null when {@code pid} is 0 (not given) or cannot be read. */
    static ServerProcStats read(long pid) {
        if (pid <= 0) {
            return null;
        }
        try {
            Path proc = Path.of("/proc", Long.toString(pid));
            return new ServerProcStats(parseRssKiB(Files.readString(proc.resolve("status"))),
                    parseCpuTicks(Files.readString(proc.resolve("stat"))));
        } catch (IOException | RuntimeException unreadable) {
            return null;
        }
    }

    static long parseRssKiB(String status) {
        for (String line : status.split("\n")) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.substring("VmRSS:".length()).replace("kB", "").trim());
            }
        }
        throw new IllegalArgumentException("no VmRSS line");
    }

    /** The command name (field 2) may hold spaces and parentheses, so fields count from the last ')'. */
    static long parseCpuTicks(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        // fields[0] is field 3 (state), so utime (field 14) is fields[11] and stime fields[12].
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    double cpuSecondsSince(ServerProcStats earlier) {
        return (cpuTicks - earlier.cpuTicks) / TICKS_PER_SECOND;
    }
}
