package chat.server.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import jdk.net.ExtendedSocketOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Accepted sockets notice a vanished peer in minutes, not the system's two hours. */
@Timeout(10)
class KeepaliveTest {
    @Test
    void acceptedSocketsProbeAfterAMinuteAndGiveUpAfterTwo() throws Exception {
        try (ServerSocketChannel listener = ServerSocketChannel.open()
                .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                SocketChannel client = SocketChannel.open(listener.getLocalAddress());
                SocketChannel accepted = listener.accept()) {
            Keepalive.enable(accepted);
            assertTrue(accepted.getOption(StandardSocketOptions.SO_KEEPALIVE));
            if (accepted.supportedOptions().contains(ExtendedSocketOptions.TCP_KEEPIDLE)) {
                assertEquals(60, accepted.getOption(ExtendedSocketOptions.TCP_KEEPIDLE));
                assertEquals(10, accepted.getOption(ExtendedSocketOptions.TCP_KEEPINTERVAL));
                assertEquals(6, accepted.getOption(ExtendedSocketOptions.TCP_KEEPCOUNT));
            }
            assertEquals(120, Keepalive.DEAD_PEER_SECONDS);
        }
    }
}
