package chat.it;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Collects what the server logs at WARNING or above (an unexpected exception in a connection or
 * the loop): hostile input must be answered by the protocol, never by the server's catch-alls.
 * The server logs through System.Logger, which the JDK routes to java.util.logging.
 */
final class ServerWarnings extends Handler implements AutoCloseable {
    private static final Logger SERVER = Logger.getLogger("chat.server");
    private final List<String> seen = new CopyOnWriteArrayList<>();

    ServerWarnings() {
        setLevel(Level.WARNING);
        SERVER.addHandler(this);
    }

    @Override
    public void publish(LogRecord record) {
        if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
            seen.add(record.getLoggerName() + ": " + record.getMessage()
                    + (record.getThrown() == null ? "" : " " + record.getThrown()));
        }
    }

    List<String> seen() {
        return List.copyOf(seen);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        SERVER.removeHandler(this);
    }
}
