package chat.bench;

import java.io.IOException;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.nio.channels.SocketChannel;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;
import tlschannel.ClientTlsChannel;
import tlschannel.NeedsReadException;
import tlschannel.NeedsWriteException;

/**
 * One simulated client's TLS (--tls), on the bench's selector thread: tls-channel over the
 * non-blocking socket, with its "would block" exceptions turned into counts as a socket gives
 * them. Any server certificate is accepted: the bench measures the server, it does not vet it.
 */
final class TlsClientChannel implements ByteChannel {
    private static final ByteBuffer NOTHING = ByteBuffer.allocate(0);
    private static final SSLContext TRUST_ANY = trustAny();

    private final ClientTlsChannel tls;
    private boolean pendingOutput;
    private boolean bufferedInput;

    TlsClientChannel(SocketChannel socket) {
        this.tls = ClientTlsChannel.newBuilder(socket, TRUST_ANY).build();
    }

    /** Moves the handshake on; true once it is done, false while it waits for the socket. */
    boolean handshake() throws IOException {
        try {
            tls.handshake();
            pendingOutput = false;
            return true;
        } catch (NeedsReadException waiting) {
            return false;
        } catch (NeedsWriteException full) {
            pendingOutput = true;
            return false;
        }
    }

    /** Reads as many records as fit; what did not fit waits in the TLS buffers ({@link #hasBufferedInput}). */
    @Override
    public int read(ByteBuffer dst) throws IOException {
        int total = 0;
        try {
            while (dst.hasRemaining()) {
                int count = tls.read(dst);
                if (count < 0) {
                    bufferedInput = false;
                    return total > 0 ? total : -1;
                }
                total += count;
            }
            bufferedInput = true;
        } catch (NeedsReadException drained) {
            bufferedInput = false;
        } catch (NeedsWriteException full) {
            pendingOutput = true;
        }
        return total;
    }

    /** Takes what it can; a record the socket had no room for waits here ({@link #hasPendingOutput}). */
    @Override
    public int write(ByteBuffer src) throws IOException {
        int start = src.position();
        try {
            tls.write(src);
            pendingOutput = false;
        } catch (NeedsWriteException full) {
            pendingOutput = true;
        } catch (NeedsReadException needsPeer) {
            pendingOutput = false;
        }
        return src.position() - start;
    }

    /** Pushes a record left over from an earlier write. */
    void flush() throws IOException {
        if (pendingOutput) {
            write(NOTHING);
        }
    }

    boolean hasPendingOutput() {
        return pendingOutput;
    }

    boolean hasBufferedInput() {
        return bufferedInput;
    }

    @Override
    public boolean isOpen() {
        return tls.isOpen();
    }

    @Override
    public void close() throws IOException {
        tls.close();
    }

    private static SSLContext trustAny() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new AnyServer()}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no TLS in this JDK", e);
        }
    }

    private static final class AnyServer extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
