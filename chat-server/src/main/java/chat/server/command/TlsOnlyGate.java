package chat.server.command;

import chat.protocol.IrcMessage;
import chat.server.net.Link;
import chat.server.tls.TlsConfig;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;

/**
 * {@code --tls-only} on the plain port. An IRC client may still ask CAP LS there (and so learn the
 * sts policy, which sends a client that knows it to the TLS port at once), but the commands that
 * register or carry a secret are answered with an ERROR that says where to go, and the connection
 * ends. A person at nc has no TLS, so plain text stays open, but only from this machine (loopback),
 * where nothing crosses a network.
 */
final class TlsOnlyGate {
    private static final Set<String> NEEDS_TLS = Set.of("NICK", "USER", "PASS", "AUTHENTICATE", "REGISTER");

    private TlsOnlyGate() {
    }

    /** True (and the link closing with a note) when {@code message} may not be sent on this link. */
    static boolean refusesIrc(TlsConfig tls, Link link, IrcMessage message) {
        if (!tls.tlsOnly() || link.secure() || !NEEDS_TLS.contains(message.command().toUpperCase(Locale.ROOT))) {
            return false;
        }
        link.requestClose("TLS required", "This server takes IRC only over TLS: reconnect with TLS to port "
                + tls.port() + " (irssi: /connect -tls HOST " + tls.port() + ")");
        return true;
    }

    /** True (and the link closing with a note) when a plain-text user may not start on this link. */
    static boolean refusesPlainText(TlsConfig tls, Link link) {
        if (!tls.tlsOnly() || link.secure() || loopback(link.peerAddress())) {
            return false;
        }
        link.requestClose("TLS required", "This server takes connections from other machines only over TLS, on port "
                + tls.port() + ": openssl s_client -quiet -connect HOST:" + tls.port());
        return true;
    }

    private static boolean loopback(String address) {
        try {
            return InetAddress.getByName(address).isLoopbackAddress(); // a literal address: no name lookup
        } catch (UnknownHostException notAnAddress) {
            return false;
        }
    }
}
