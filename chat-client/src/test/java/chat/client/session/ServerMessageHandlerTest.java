package chat.client.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.client.ui.MessageRenderer;
import chat.client.ui.Screen;
import chat.protocol.IrcMessage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A line that cannot be shown costs that line, shown plainly, never the session. */
class ServerMessageHandlerTest {
    /** A screen whose first show fails, as a renderer bug would; later lines are kept as text. */
    private static final class FailingOnceScreen implements Screen {
        final List<String> shown = new ArrayList<>();
        private boolean failed;

        @Override
        public void show(MessageRenderer.Rendered line, ClientState state) {
            if (!failed) {
                failed = true;
                throw new IllegalStateException("renderer bug");
            }
            shown.add(line.text().toString());
        }
    }

    @Test
    void aLineThatFailsToShowIsShownPlainlyAndTheNextOneNormally() throws Exception {
        FailingOnceScreen screen = new FailingOnceScreen();
        ServerMessageHandler handler = new SessionFixture(screen).handler;
        handler.received(IrcMessage.from("bob!b@h", "PRIVMSG", "#lobby", "first \u001b[2J"));
        handler.received(IrcMessage.from("bob!b@h", "PRIVMSG", "#lobby", "second"));
        assertEquals(2, screen.shown.size(), screen.shown::toString);
        assertTrue(screen.shown.get(0).contains("could not show this line from the server: "
                + ":bob!b@h PRIVMSG #lobby :first \u241b[2J"), screen.shown.get(0));
        assertTrue(screen.shown.get(1).contains("<bob> second"), screen.shown.get(1));
    }

    @Test
    void aLineIsStampedWithTheServerTimeWhenItCarriesOne() throws Exception {
        RecordingScreen screen = new RecordingScreen();
        ServerMessageHandler handler = new SessionFixture(screen).handler;
        handler.received(new IrcMessage(java.util.Map.of("time", "2026-12-05T16:22:21.123Z"), "bob!b@h", "PRIVMSG",
                List.of("#lobby", "from the past")));
        handler.received(IrcMessage.from("bob!b@h", "PRIVMSG", "#lobby", "now"));
        assertEquals(List.of("16:22 <bob> from the past", "17:00 <bob> now"), screen.shown);
    }
}
