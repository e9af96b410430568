package chat.client.ui;

import chat.client.session.ClientState;
import chat.client.session.Windows;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/**
 * The status bar under the input line, as in irssi:
 * {@code [12:34] [alice +i] [1:#lobby] [act: 2:#dev 3:bob!] [3 queued]}. The time, my nick and
 * modes, the current window, the other windows where something arrived unseen ("!" when it was for
 * me: a private message or my nick), lines waiting for the send pace, and the connection when it
 * is down. Pure, so tests read it without a terminal.
 */
public final class StatusLine {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

    private StatusLine() {
    }

    /**
     * @param queued the user's lines waiting for the send pace
     * @param connection what the connection is doing when it is not simply up (null: up)
     */
    public static AttributedString of(ClientState state, int queued, String connection, LocalTime at) {
        AttributedStyle bar = AttributedStyle.INVERSE;
        AttributedStringBuilder out = new AttributedStringBuilder().style(bar);
        out.append("[").append(CLOCK.format(at)).append("] [").append(VisibleText.of(state.nick()));
        if (state.modes() != null && !state.modes().isEmpty() && !state.modes().equals("+")) {
            out.append(" ").append(VisibleText.of(state.modes()));
        }
        out.append("]");
        Windows windows = state.windows();
        int current = windows.number(state.target());
        if (current > 0) {
            out.append(" [").append(String.valueOf(current)).append(":").append(VisibleText.of(state.target())).append("]");
        } else if (state.target() != null) {
            out.append(" [").append(VisibleText.of(state.target())).append("]");
        }
        boolean first = true;
        for (Windows.Window w : windows.withActivity()) {
            if (w.is(state.target())) {
                continue;
            }
            out.append(first ? " [act: " : " ");
            first = false;
            String entry = windows.number(w.name()) + ":" + VisibleText.of(w.name()) + (w.forMe() ? "!" : "");
            out.styled(w.forMe() ? bar.bold() : bar, entry);
        }
        if (!first) {
            out.append("]");
        }
        if (queued > 0) {
            out.append(" [").append(String.valueOf(queued)).append(" queued]");
        }
        if (connection != null) {
            out.append(" [").styled(bar.bold(), VisibleText.of(connection)).append("]");
        }
        return out.toAttributedString();
    }
}
