package chat.client.net;

import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Decides whether the server's certificate is the server's, for one connection, and remembers why.
 * In order: a pinned fingerprint ({@code --tls-fingerprint}) is the only one accepted; else a
 * certificate the system's trust store vouches for, for this host name, is accepted; else the
 * fingerprint must be one saved in {@link KnownServers} for this host:port. An unknown certificate
 * and a changed one are refused, and {@link #verdict()} tells the network loop which it was, so it
 * can ask the user (unknown) or stop with an explanation (changed).
 *
 * <p>An X509ExtendedTrustManager so that JSSE leaves the host-name check to us (it would wrap a
 * plain X509TrustManager and check the name itself, refusing every self-signed certificate made
 * out for another name before trust on first use could look at it).
 */
public final class ServerTrust extends X509ExtendedTrustManager {
    /** What was decided about the server's certificate. */
    public sealed interface Verdict {
    }

    /** Accepted: signed by an authority in the trust store, seen before, or the pinned one. */
    public record Accepted(String how) implements Verdict {
    }

    /** Refused for now: never seen, no authority vouches for it; the user may accept it. */
    public record Unknown(String hostPort, Fingerprint fingerprint, String why) implements Verdict {
    }

    /** Refused: not the certificate saved for this server. */
    public record Changed(String hostPort, Fingerprint fingerprint, List<Fingerprint> saved) implements Verdict {
    }

    /** Refused: not the certificate pinned with --tls-fingerprint. */
    public record PinMismatch(String hostPort, Fingerprint fingerprint, Fingerprint pinned) implements Verdict {
    }

    private static volatile X509ExtendedTrustManager system;

    private final String hostPort;
    private final Fingerprint pinned;
    private final KnownServers known;
    /** Accepted by the user in this run, in case saving them failed. */
    private final Set<Fingerprint> acceptedNow;
    private Verdict verdict;

    ServerTrust(String hostPort, Fingerprint pinned, KnownServers known, Set<Fingerprint> acceptedNow) {
        this.hostPort = hostPort;
        this.pinned = pinned;
        this.known = known;
        this.acceptedNow = acceptedNow;
    }

    /** What was decided, or null when no certificate was looked at (the handshake failed earlier). */
    public Verdict verdict() {
        return verdict;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        check(chain, authType, engine);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        check(chain, authType, null);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(chain, authType, null);
    }

    private void check(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("the server sent no certificate");
        }
        Fingerprint fingerprint = Fingerprint.of(chain[0]);
        if (pinned != null) {
            if (!pinned.equals(fingerprint)) {
                refuse(new PinMismatch(hostPort, fingerprint, pinned));
            }
            verdict = new Accepted("pinned");
            return;
        }
        String why;
        try {
            if (engine == null) {
                throw new CertificateException("no engine to check the host name with");
            }
            systemTrust().checkServerTrusted(chain, authType, engine); // the chain and the host name
            verdict = new Accepted("signed by " + chain[chain.length - 1].getIssuerX500Principal().getName());
            return;
        } catch (CertificateException noAuthority) {
            why = describe(chain, noAuthority);
        }
        List<Fingerprint> saved;
        try {
            saved = known.lookup(hostPort);
        } catch (IOException unreadable) {
            throw new CertificateException("cannot read " + known.file() + ": " + unreadable.getMessage(), unreadable);
        }
        if (saved.contains(fingerprint) || acceptedNow.contains(fingerprint)) {
            verdict = new Accepted("known");
            return;
        }
        refuse(saved.isEmpty() ? new Unknown(hostPort, fingerprint, why) : new Changed(hostPort, fingerprint, saved));
    }

    private void refuse(Verdict refusal) throws CertificateException {
        verdict = refusal;
        throw new CertificateException("certificate not trusted: " + refusal);
    }

    private static String describe(X509Certificate[] chain, CertificateException failure) {
        String message = String.valueOf(failure.getMessage());
        X509Certificate leaf = chain[0];
        if (message.contains("subject alternative") || message.contains("No name matching")) {
            return "it is made out for another host name";
        }
        if (chain.length == 1 && leaf.getSubjectX500Principal().equals(leaf.getIssuerX500Principal())) {
            return "it is self-signed";
        }
        return "no authority this computer trusts has signed it";
    }

    /** The JDK's default trust store, loaded once (reading cacerts takes some tens of milliseconds). */
    private static X509ExtendedTrustManager systemTrust() throws CertificateException {
        X509ExtendedTrustManager loaded = system;
        if (loaded != null) {
            return loaded;
        }
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init((KeyStore) null);
            for (TrustManager manager : factory.getTrustManagers()) {
                if (manager instanceof X509ExtendedTrustManager extended) {
                    system = extended;
                    return extended;
                }
            }
        } catch (GeneralSecurityException e) {
            throw new CertificateException("cannot load the system's trust store", e);
        }
        throw new CertificateException("the system's trust store has no X.509 trust manager");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        throw new CertificateException("a client does not check client certificates");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        throw new CertificateException("a client does not check client certificates");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("a client does not check client certificates");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
