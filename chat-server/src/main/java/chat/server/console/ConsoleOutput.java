package chat.server.console;

import chat.protocol.TerminalText;
import java.io.PrintStream;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Where the operator console's answers go. The loop thread only adds to a queue; a daemon thread
 * does the printing, so a stdout nobody reads can never stall the selector.
 */
public final class ConsoleOutput {
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    public ConsoleOutput(PrintStream out) {
        Thread printer = new Thread(() -> {
            try {
                while (true) {
                    out.println(lines.take());
                    out.flush();
                }
            } catch (InterruptedException stop) {
                Thread.currentThread().interrupt();
            }
        }, "chat-console-output");
        printer.setDaemon(true);
        printer.start();
    }

    void println(String line) {
        // Topics, nicks and reasons come from clients: shown, never obeyed by the operator's terminal.
        lines.add(TerminalText.escape(line));
    }
}
