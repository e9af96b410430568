package chat.client.ui;

import chat.client.session.TypedLineHandler;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * The console thread when stdin is not a terminal (a pipe or a file): reads lines plainly and
 * sends them like typed lines; at the end of input it leaves, after everything read was sent.
 */
public final class PlainInputLoop implements Runnable {
    private final InputStream in;
    private final TypedLineHandler lines;

    public PlainInputLoop(InputStream in, TypedLineHandler lines) {
        this.in = in;
        this.lines = lines;
    }

    @Override
    public void run() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!lines.handle(line)) {
                    return;
                }
            }
        } catch (IOException unreadable) {
            // stdin broke: treat it like its end
        }
        lines.leave(chat.client.session.InputInterpreter.QUIT_REASON);
    }
}
