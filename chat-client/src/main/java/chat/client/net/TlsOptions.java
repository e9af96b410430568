package chat.client.net;

import java.nio.file.Path;

/**
 * How to talk TLS to the server: the fingerprint pinned on the command line (null: check the
 * system's trust store, then the known servers), where accepted fingerprints are kept, and an
 * optional client certificate (PEM files, both or neither) for SASL EXTERNAL.
 */
public record TlsOptions(Fingerprint pinned, KnownServers knownServers, Path clientCertificate, Path clientKey) {
    public boolean hasClientCertificate() {
        return clientCertificate != null;
    }
}
