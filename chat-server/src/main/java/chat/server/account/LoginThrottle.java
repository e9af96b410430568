package chat.server.account;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Failed logins slow the next ones down, per address and per account name (so neither many
 * guesses from one address nor guesses at one account from many addresses go fast): the first
 * {@link #FREE_FAILURES} failures cost nothing, then each one doubles the wait, from one second up
 * to {@link #MAX_WAIT_MILLIS}. A success clears both. Names without an account are throttled
 * exactly like real ones, so the wait tells nothing. Touched only by the loop thread.
 */
public final class LoginThrottle {
    static final int FREE_FAILURES = 3;
    static final long MAX_WAIT_MILLIS = 5 * 60_000;
    /** A key idle this long is forgotten (its wait has long passed). */
    private static final long FORGET_AFTER_MILLIS = 30 * 60_000;

    private record Failures(int count, long blockedUntilMillis, long lastMillis) {
    }

    private final Map<String, Failures> byKey = new HashMap<>();

    /** Milliseconds until {@code address} may try {@code account} again; 0 when it may now. */
    public long waitMillis(String address, String account, long nowMillis) {
        return Math.max(wait(addressKey(address), nowMillis), wait(accountKey(account), nowMillis));
    }

    public void failed(String address, String account, long nowMillis) {
        fail(addressKey(address), nowMillis);
        fail(accountKey(account), nowMillis);
        if (byKey.size() > 10_000) {
            forgetIdle(nowMillis);
        }
    }

    public void succeeded(String address, String account) {
        byKey.remove(addressKey(address));
        byKey.remove(accountKey(account));
    }

    private long wait(String key, long nowMillis) {
        Failures failures = byKey.get(key);
        return failures == null ? 0 : Math.max(0, failures.blockedUntilMillis() - nowMillis);
    }

    private void fail(String key, long nowMillis) {
        Failures earlier = byKey.get(key);
        int count = earlier == null ? 1 : earlier.count() + 1;
        long wait = count <= FREE_FAILURES ? 0 : Math.min(MAX_WAIT_MILLIS, 1000L << Math.min(20, count - FREE_FAILURES - 1));
        byKey.put(key, new Failures(count, nowMillis + wait, nowMillis));
    }

    private void forgetIdle(long nowMillis) {
        for (Iterator<Failures> it = byKey.values().iterator(); it.hasNext(); ) {
            Failures failures = it.next();
            if (nowMillis - failures.lastMillis() > FORGET_AFTER_MILLIS && nowMillis >= failures.blockedUntilMillis()) {
                it.remove();
            }
        }
    }

    private static String addressKey(String address) {
        return "address " + address;
    }

    private static String accountKey(String account) {
        return "account " + chat.protocol.IrcNames.fold(account == null ? "" : account);
    }
}
