package chat.client.session;

import chat.client.net.CertificateQuestion;
import chat.client.net.ServerTrust;
import chat.client.net.TrustWords;
import chat.client.ui.MessageRenderer;
import chat.client.ui.Screen;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalTime;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Trust on first use at the terminal: the question about a certificate never seen is shown above
 * the prompt (network thread) and the next line typed answers it (console thread, through
 * {@link TypedLineHandler}). As ssh asks: only "yes" trusts and only "no" refuses; anything else
 * asks again, so a stray "y" or a line meant for the chat decides nothing.
 */
public final class TrustQuestion implements CertificateQuestion {
    private final Path knownFile;
    private final StateCell state;
    private final MessageRenderer renderer;
    private final Screen screen;
    private final Clock clock;
    private final AtomicReference<Consumer<Boolean>> open = new AtomicReference<>();

    public TrustQuestion(Path knownFile, StateCell state, MessageRenderer renderer, Screen screen, Clock clock) {
        this.knownFile = knownFile;
        this.state = state;
        this.renderer = renderer;
        this.screen = screen;
        this.clock = clock;
    }

    @Override
    public void ask(ServerTrust.Unknown certificate, Consumer<Boolean> answer) {
        open.set(answer);
        for (String line : TrustWords.question(certificate, knownFile).split("\n")) {
            screen.show(renderer.problem(line, now()), state.get());
        }
    }

    @Override
    public void notSaved(Path file, String why) {
        screen.show(renderer.problem("could not save the fingerprint in " + file + " (" + why
                + "); it is trusted until you leave", now()), state.get());
    }

    /** True when a question was open and this typed line answered it. */
    boolean answer(String typed) {
        String word = typed.strip().toLowerCase(Locale.ROOT);
        if (open.get() == null) {
            return false;
        }
        if (!word.equals("yes") && !word.equals("no")) {
            screen.show(renderer.problem("please type yes or no", now()), state.get());
            return true;
        }
        Consumer<Boolean> answer = open.getAndSet(null);
        if (answer == null) {
            return false;
        }
        boolean yes = word.equals("yes");
        screen.show(renderer.note(yes ? "trusted; connecting" : "not trusted; leaving", now()), state.get());
        answer.accept(yes);
        return true;
    }

    private LocalTime now() {
        return LocalTime.now(clock);
    }
}
