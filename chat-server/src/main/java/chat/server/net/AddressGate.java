package chat.server.net;

import java.lang.System.Logger.Level;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Per-address admission, so that one address cannot fill the server: at most
 * {@code maxPerAddress} open connections, and at most {@code connectsPerMinute} new ones per
 * minute (a token bucket: that many at once, then one every 60/N s). IPv6 addresses count per /64,
 * the block one host or one customer usually gets. Exempt blocks pass unchecked. The table holds
 * addresses with open connections or recent connects only: entries are removed once they have
 * neither, so it cannot grow past the connections plus the last minute's distinct addresses.
 */
final class AddressGate {
    private static final System.Logger LOG = System.getLogger(AddressGate.class.getName());
    private static final long MINUTE_MILLIS = 60_000;
    private static final long PURGE_INTERVAL_MILLIS = 1_000;

    /** One address's open connections, connect tokens and refusals not yet logged. */
    private static final class Entry {
        int open;
        double tokens;
        long refilledAtMillis;
        long refusedSinceLog;
        long loggedAtMillis = Long.MIN_VALUE;
    }

    private final int maxPerAddress;
    private final int connectsPerMinute;
    private final AddressBlocks exempt;
    private final Map<InetAddress, Entry> entries = new HashMap<>();
    private long nextPurgeAtMillis;

    AddressGate(int maxPerAddress, int connectsPerMinute, AddressBlocks exempt) {
        this.maxPerAddress = maxPerAddress;
        this.connectsPerMinute = connectsPerMinute;
        this.exempt = exempt;
    }

    /**
     * The key a new connection from {@code address} is counted under (give it back with
     * {@link #release}), or null when it is exempt or no limit is on; throws {@link Refused} with the
     * line for the peer when the address is over a limit.
     */
    InetAddress admit(InetAddress address, long nowMillis) throws Refused {
        if ((maxPerAddress == 0 && connectsPerMinute == 0) || exempt.contains(address)) {
            return null;
        }
        InetAddress key = key(address);
        Entry entry = entries.computeIfAbsent(key, k -> {
            Entry fresh = new Entry();
            fresh.tokens = connectsPerMinute;
            fresh.refilledAtMillis = nowMillis;
            return fresh;
        });
        refill(entry, nowMillis);
        if (maxPerAddress > 0 && entry.open >= maxPerAddress) {
            throw refused(key, entry, nowMillis, "Too many connections from your address (at most " + maxPerAddress + ")");
        }
        if (connectsPerMinute > 0) {
            if (entry.tokens < 1) {
                long waitSeconds = (long) Math.ceil((1 - entry.tokens) * MINUTE_MILLIS / connectsPerMinute / 1000.0);
                throw refused(key, entry, nowMillis, "Connecting too fast from your address; try again in "
                        + Math.max(1, waitSeconds) + " seconds");
            }
            entry.tokens -= 1;
        }
        entry.open++;
        return key;
    }

    void release(InetAddress key) {
        if (key == null) {
            return;
        }
        Entry entry = entries.get(key);
        if (entry != null) {
            entry.open--;
        }
    }

    /** Forgets addresses with no open connection and a full bucket; at most once a second. */
    void purge(long nowMillis) {
        if (nowMillis < nextPurgeAtMillis || entries.isEmpty()) {
            return;
        }
        nextPurgeAtMillis = nowMillis + PURGE_INTERVAL_MILLIS;
        for (Iterator<Map.Entry<InetAddress, Entry>> it = entries.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<InetAddress, Entry> next = it.next();
            Entry entry = next.getValue();
            refill(entry, nowMillis);
            if (entry.refusedSinceLog > 0 && nowMillis - entry.loggedAtMillis >= MINUTE_MILLIS) {
                log(next.getKey(), entry, nowMillis, "over its limits");
            }
            if (entry.open <= 0 && entry.tokens >= connectsPerMinute && entry.refusedSinceLog == 0) {
                it.remove();
            }
        }
    }

    int trackedAddresses() {
        return entries.size();
    }

    private void refill(Entry entry, long nowMillis) {
        long elapsed = nowMillis - entry.refilledAtMillis;
        if (elapsed > 0 && connectsPerMinute > 0) {
            entry.tokens = Math.min(connectsPerMinute, entry.tokens + elapsed * (double) connectsPerMinute / MINUTE_MILLIS);
        }
        entry.refilledAtMillis = nowMillis;
    }

    /** A refusal, logged at most once a minute per address with the count since (an attacker must not flood the log). */
    private static Refused refused(InetAddress key, Entry entry, long nowMillis, String why) {
        entry.refusedSinceLog++;
        if (nowMillis - entry.loggedAtMillis >= MINUTE_MILLIS) {
            log(key, entry, nowMillis, why);
        }
        return new Refused(why);
    }

    private static void log(InetAddress key, Entry entry, long nowMillis, String why) {
        LOG.log(Level.INFO, "refused " + entry.refusedSinceLog + " connection(s) from " + key.getHostAddress()
                + " within a minute: " + why);
        entry.refusedSinceLog = 0;
        entry.loggedAtMillis = nowMillis;
    }

    /** IPv6 counts per /64: a host gets a whole /64 and can use any address in it. */
    private static InetAddress key(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return address;
        }
        byte[] bytes = address.getAddress();
        for (int i = 8; i < 16; i++) {
            bytes[i] = 0;
        }
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException impossible) {
            return address; // 16 bytes are always a valid address
        }
    }

    /** An address over a limit; the message is what the peer is told. */
    static final class Refused extends Exception {
        Refused(String message) {
            super(message, null, false, false);
        }
    }
}
