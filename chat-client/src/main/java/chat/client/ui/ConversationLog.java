package chat.client.ui;

import chat.client.session.ClientState;
import chat.client.session.PrivateFiles;
import chat.protocol.IrcNames;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * --log-dir: a screen in front of the real one that also appends each conversation's lines to a
 * file of its own ("#lobby.log", "bob.log"; mode 0600), as plain text with the date before the
 * time the line already carries: "2026-12-05 17:00 <bob> hi". Lines that belong to no conversation
 * (replies to commands, the client's own notes) are not logged. A file that cannot be written is
 * reported once on the screen and then left alone; the chat goes on.
 */
public final class ConversationLog implements Screen {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;

    private final Screen screen;
    private final Path dir;
    private final Clock clock;
    private final MessageRenderer renderer;
    private final Map<String, BufferedWriter> open = new HashMap<>();
    private final Map<String, Boolean> failed = new HashMap<>();

    public ConversationLog(Screen screen, Path dir, Clock clock, MessageRenderer renderer) {
        this.screen = screen;
        this.dir = dir;
        this.clock = clock;
        this.renderer = renderer;
    }

    @Override
    public void show(MessageRenderer.Rendered line, ClientState state) {
        screen.show(line, state);
    }

    @Override
    public void show(String window, MessageRenderer.Rendered line, ClientState state) {
        if (window != null) {
            log(window, line, state);
        }
        screen.show(window, line, state);
    }

    @Override
    public boolean windowed() {
        return screen.windowed();
    }

    @Override
    public void switched(ClientState state) {
        screen.switched(state);
    }

    @Override
    public void cleared(ClientState state) {
        screen.cleared(state);
    }

    @Override
    public void status(List<MessageRenderer.Rendered> lines, ClientState state) {
        screen.status(lines, state);
    }

    /** The file a conversation is logged in: its name, folded and made safe, with ".log". */
    static String fileName(String window) {
        return HistoryFiles.safeName(IrcNames.fold(window)) + ".log";
    }

    private void log(String window, MessageRenderer.Rendered line, ClientState state) {
        String problem = null;
        synchronized (this) {
            String name = fileName(window);
            if (failed.containsKey(name)) {
                return;
            }
            try {
                BufferedWriter out = open.get(name);
                if (out == null) {
                    Path file = PrivateFiles.prepare(dir.resolve(name));
                    out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
                    open.put(name, out);
                }
                out.write(DAY.format(LocalDate.now(clock)) + " " + line.plain());
                out.newLine();
                out.flush(); // a log read with tail -f, or after a crash, has every line
            } catch (IOException e) {
                failed.put(name, true);
                problem = "cannot write the log " + dir.resolve(name) + ": " + e.getMessage() + " (not logging it further)";
            }
        }
        if (problem != null) {
            screen.show(renderer.problem(VisibleText.of(problem), java.time.LocalTime.now(clock)), state);
        }
    }
}
