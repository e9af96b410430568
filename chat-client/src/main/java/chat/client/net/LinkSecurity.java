package chat.client.net;

import java.io.IOException;
import java.nio.channels.SocketChannel;

/** What a new connection's bytes go through once TCP is up: nothing ({@link #PLAIN}) or TLS ({@link TlsLinks}). */
interface LinkSecurity {
    LinkSecurity PLAIN = new LinkSecurity() {
        @Override
        public Wire wrap(SocketChannel channel) {
            return new PlainWire(channel);
        }

        @Override
        public ServerTrust.Verdict verdict() {
            return null;
        }
    };

    Wire wrap(SocketChannel channel) throws IOException;

    /** What was decided about the certificate of the connection wrapped last; null when nothing was. */
    ServerTrust.Verdict verdict();
}
