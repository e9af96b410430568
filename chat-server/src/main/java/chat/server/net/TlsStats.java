package chat.server.net;

/**
 * TLS handshakes since start, for the console's /stats: done, failed (garbage, a plain-text
 * client on the TLS port, a peer gone half-way) and timed out. Counted on the loop thread, read
 * on it too (the console runs there), so plain fields do.
 */
public final class TlsStats {
    long done;
    long failed;
    long timedOut;

    public long done() {
        return done;
    }

    public long failed() {
        return failed;
    }

    public long timedOut() {
        return timedOut;
    }

    @Override
    public String toString() {
        return "TLS handshakes done " + done + ", failed " + failed + ", timed out " + timedOut;
    }
}
