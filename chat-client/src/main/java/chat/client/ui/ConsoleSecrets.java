package chat.client.ui;

import chat.client.session.SecretPrompt;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.UserInterruptException;

/**
 * Asks for a password on the terminal with JLine, each key shown as '*', kept out of the input
 * history. Console thread only (between two chat readLine calls, as "Leave the chat?" is asked).
 */
public final class ConsoleSecrets implements SecretPrompt {
    private final LineReader reader;
    private final JLineScreen screen;

    public ConsoleSecrets(LineReader reader, JLineScreen screen) {
        this.reader = reader;
        this.screen = screen;
    }

    @Override
    public String ask(String prompt) {
        screen.chatPrompt(false);
        Object history = reader.getVariable(LineReader.DISABLE_HISTORY);
        reader.setVariable(LineReader.DISABLE_HISTORY, true);
        try {
            return reader.readLine(prompt, '*');
        } catch (UserInterruptException | EndOfFileException gaveUp) {
            return null;
        } finally {
            reader.setVariable(LineReader.DISABLE_HISTORY, history == null ? false : history);
            screen.chatPrompt(true);
        }
    }
}
