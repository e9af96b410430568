package chat.server.console;

import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;

/**
 * The operator's stdin, brought into the selector: this thread blocks on the input stream (which
 * a selector cannot watch) and copies every byte into a {@link Pipe} whose source end the loop
 * selects on, the socket-plus-stdin select pattern in Java. At end of input it closes the pipe,
 * and the server simply runs on.
 */
public final class OperatorConsole implements Runnable {
    private static final System.Logger LOG = System.getLogger(OperatorConsole.class.getName());

    private final InputStream in;
    private final Pipe.SinkChannel sink;

    OperatorConsole(InputStream in, Pipe.SinkChannel sink) {
        this.in = in;
        this.sink = sink;
    }

    public static Thread start(InputStream in, Pipe.SinkChannel sink) {
        Thread thread = new Thread(new OperatorConsole(in, sink), "chat-operator-console");
        thread.setDaemon(true); // a console waiting for a line must not keep the process alive
        thread.start();
        return thread;
    }

    @Override
    public void run() {
        byte[] chunk = new byte[1024];
        try (sink) {
            int count;
            while ((count = in.read(chunk)) >= 0) {
                ByteBuffer buffer = ByteBuffer.wrap(chunk, 0, count);
                while (buffer.hasRemaining()) {
                    sink.write(buffer);
                }
            }
        } catch (IOException e) {
            LOG.log(Level.DEBUG, () -> "operator console ended: " + e.getMessage());
        }
    }
}
