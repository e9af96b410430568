package chat.client.ui;

import chat.client.session.StateCell;
import chat.client.session.TypedLineHandler;

import java.io.IOError;
import java.util.Locale;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.UserInterruptException;

/**
 * The console thread: reads what the user types with JLine and hands each line to the
 * {@link TypedLineHandler}. It never touches the socket. Ctrl-D leaves; Ctrl-C clears a line that
 * holds text and, on an empty line, asks before leaving.
 */
public final class ConsoleLoop implements Runnable {
    private final LineReader reader;
    private final JLineScreen screen;
    private final StateCell state;
    private final TypedLineHandler lines;

    public ConsoleLoop(LineReader reader, JLineScreen screen, StateCell state, TypedLineHandler lines) {
        this.reader = reader;
        this.screen = screen;
        this.state = state;
        this.lines = lines;
    }

    @Override
    public void run() {
        try {
            while (true) {
                String line;
                try {
                    line = reader.readLine(screen.prompt(state.get()));
                } catch (UserInterruptException interrupt) {
                    lines.edited(""); // the half-typed line is gone
                    if (!interrupt.getPartialLine().isEmpty() || !confirmLeave()) {
                        continue;
                    }
                    lines.leave(chat.client.session.InputInterpreter.QUIT_REASON);
                    return;
                }
                if (!lines.handle(line)) {
                    return;
                }
            }
        } catch (EndOfFileException endOfInput) {
            lines.leave(chat.client.session.InputInterpreter.QUIT_REASON);
        } catch (IOError closed) {
            // The terminal was closed because the session ended elsewhere; nothing more to read.
            lines.leave(chat.client.session.InputInterpreter.QUIT_REASON);
        }
    }

    private boolean confirmLeave() {
        screen.chatPrompt(false);
        reader.setVariable(LineReader.DISABLE_HISTORY, true); // a "y" is not worth recalling
        try {
            String answer = reader.readLine("Leave the chat? (y/N) ");
            return answer.strip().toLowerCase(Locale.ROOT).startsWith("y");
        } catch (UserInterruptException again) {
            return true; // a second Ctrl-C means it
        } finally {
            reader.setVariable(LineReader.DISABLE_HISTORY, false);
            screen.chatPrompt(true);
        }
    }
}
