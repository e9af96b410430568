package chat.server.net;

import java.io.IOException;
import java.net.SocketOption;
import java.nio.channels.SocketChannel;
import jdk.net.ExtendedSocketOptions;

/**
 * TCP keepalive with short timings on every accepted socket. Plain-text users never answer PING,
 * so keepalive is how a vanished one (machine off, cable out, no FIN ever sent) is noticed; with
 * the operating system's defaults (2 h idle, then 9 probes 75 s apart) such a user held its nick
 * for about 2 h 11 min. With these, a dead peer is gone {@link #DEAD_PEER_SECONDS} after it last
 * answered.
 */
final class Keepalive {
    /** Silence before the first probe. */
    static final int IDLE_SECONDS = 60;
    /** Between unanswered probes. */
    static final int INTERVAL_SECONDS = 10;
    /** Unanswered probes after which the kernel resets the connection (the next read fails). */
    static final int PROBES = 6;
    static final int DEAD_PEER_SECONDS = IDLE_SECONDS + INTERVAL_SECONDS * PROBES;

    private Keepalive() {
    }

    static void enable(SocketChannel channel) throws IOException {
        channel.setOption(java.net.StandardSocketOptions.SO_KEEPALIVE, true);
        // The timings are Linux/macOS options in the JDK's jdk.net module; where one is missing the
        // system default stays, which is slower but still correct.
        set(channel, ExtendedSocketOptions.TCP_KEEPIDLE, IDLE_SECONDS);
        set(channel, ExtendedSocketOptions.TCP_KEEPINTERVAL, INTERVAL_SECONDS);
        set(channel, ExtendedSocketOptions.TCP_KEEPCOUNT, PROBES);
    }

    private static void set(SocketChannel channel, SocketOption<Integer> option, int value) throws IOException {
        if (channel.supportedOptions().contains(option)) {
            channel.setOption(option, value);
        }
    }
}
