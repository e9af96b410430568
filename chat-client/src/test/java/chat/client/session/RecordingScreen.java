package chat.client.session;

import chat.client.ui.MessageRenderer;
import chat.client.ui.Screen;
import java.util.ArrayList;
import java.util.List;

/** A screen that keeps what it was given as plain text: the lines shown and the latest status area. */
final class RecordingScreen implements Screen {
    final List<String> shown = new ArrayList<>();
    /** The same lines as given, with their styles and bells. */
    final List<MessageRenderer.Rendered> lines = new ArrayList<>();
    List<String> status = List.of();

    @Override
    public void show(MessageRenderer.Rendered line, ClientState state) {
        shown.add(line.text().toString());
        lines.add(line);
    }

    @Override
    public void status(List<MessageRenderer.Rendered> lines, ClientState state) {
        status = lines.stream().map(line -> line.text().toString()).toList();
    }
}
