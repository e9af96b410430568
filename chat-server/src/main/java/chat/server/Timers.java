package chat.server;

import chat.protocol.Command;

/**
 * Deadlines without timer threads: the loop sleeps in select() no longer than until the next
 * sweep, and a sweep checks every connection's registration, idle and ping deadlines. The sweep
 * runs a few times per the shortest configured timeout, at most once a second.
 */
final class Timers {
    private static final long MAX_SWEEP_INTERVAL_MILLIS = 1_000;
    private static final long MIN_SWEEP_INTERVAL_MILLIS = 5;

    private final ChatState state;
    private final long sweepIntervalMillis;
    private long nextSweepAtMillis;

    Timers(ChatState state) {
        this.state = state;
        ServerConfig config = state.config;
        long shortest = Math.min(config.registrationTimeoutMillis(),
                Math.min(config.pingIntervalMillis(), config.pingTimeoutMillis()));
        this.sweepIntervalMillis = Math.max(MIN_SWEEP_INTERVAL_MILLIS, Math.min(MAX_SWEEP_INTERVAL_MILLIS, shortest / 4));
        this.nextSweepAtMillis = monotonicMillis() + sweepIntervalMillis;
    }

    static long monotonicMillis() {
        return System.nanoTime() / 1_000_000;
    }

    long nextDeadline() {
        return nextSweepAtMillis;
    }

    void fireDue() {
        long now = state.nowMillis;
        if (now < nextSweepAtMillis) {
            return;
        }
        nextSweepAtMillis = now + sweepIntervalMillis;
        for (Connection connection : state.connections) {
            connection.out.releaseIfEmpty();
            if (!connection.isClosing()) {
                check(connection, now);
            }
        }
    }

    private void check(Connection connection, long now) {
        ServerConfig config = state.config;
        if (!connection.registered) {
            if (now - connection.connectedAtMillis >= config.registrationTimeoutMillis()) {
                connection.requestClose("Registration timed out");
            }
            return;
        }
        if (connection.isPlainText()) {
            return; // people at nc cannot answer PING; TCP keepalive watches them instead
        }
        if (connection.pingSentAtMillis != 0) {
            if (now - connection.pingSentAtMillis >= config.pingTimeoutMillis()) {
                connection.requestClose("Ping timeout: " + (now - connection.lastLineAtMillis) / 1000 + " seconds");
            }
        } else if (now - connection.lastLineAtMillis >= config.pingIntervalMillis()) {
            connection.pingSentAtMillis = now;
            connection.send(state.fromServer(Command.PING, state.serverName));
        }
    }
}
