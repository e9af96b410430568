package chat.client.ui;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import org.jline.keymap.KeyMap;
import org.jline.reader.Binding;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.Reference;
import org.jline.reader.Widget;
import org.jline.reader.impl.DefaultParser;
import org.jline.reader.impl.LineReaderImpl;
import org.jline.reader.impl.history.DefaultHistory;
import org.jline.terminal.Terminal;
import org.jline.utils.InfoCmp;

/**
 * JLine's line reader, set up so that what is typed is sent as typed, with one addition: the
 * reader's own lock is reachable through {@link #locked}. JLine takes that lock inside
 * {@code readLine} while it redraws and inside {@code printAbove}, but {@code setPrompt} takes
 * none, so a prompt changed from the socket thread could race the console thread's redraw.
 * {@link JLineScreen} does every change to the screen inside {@link #locked}, so each is atomic
 * with respect to JLine's own drawing.
 */
public final class ConsoleReader extends LineReaderImpl {
    /** Told the input line after each key that changed it (console thread, inside readLine). */
    private static final String PAGE_UP_WIDGET = "chat-older-history";
    private static final String PAGE_UP_VT = "\u001b[5~";
    private static final String WINDOW_LEFT_WIDGET = "chat-window-left";
    private static final String WINDOW_RIGHT_WIDGET = "chat-window-right";

    private Consumer<String> edits = text -> { };
    private String lastText = "";

    private ConsoleReader(Terminal terminal, Map<String, Object> variables) {
        super(terminal, "chat", variables);
    }

    /**
     * A reader with no '!' history expansion, no backslash escapes and no quote handling (an
     * apostrophe must not make JLine wait for a closing one), that erases the typed line on Enter
     * (the sent line is shown once, as a rendered message with time and nick, when it is sent).
     */
    public static ConsoleReader create(Terminal terminal, Completer completer, Path historyFile) {
        Map<String, Object> variables = new HashMap<>(); // setVariable writes into it later
        if (historyFile != null) {
            variables.put(LineReader.HISTORY_FILE, historyFile);
        }
        // What LineReaderBuilder.build() does, on our subclass.
        ConsoleReader reader = new ConsoleReader(terminal, variables);
        reader.setHistory(new DefaultHistory());
        DefaultParser parser = new DefaultParser().escapeChars(new char[0]).quoteChars(new char[0]);
        parser.setEofOnUnclosedQuote(false);
        reader.setParser(parser);
        reader.setCompleter(completer);
        reader.option(LineReader.Option.DISABLE_EVENT_EXPANSION, true);
        reader.option(LineReader.Option.HISTORY_IGNORE_DUPS, true);
        reader.option(LineReader.Option.ERASE_LINE_ON_FINISH, true);
        // Completion by prefix only: JLine's default also accepts a typo or a camel-case match,
        // which turns "hi xo" into "hi bob".
        reader.option(LineReader.Option.COMPLETE_MATCHER_TYPO, false);
        reader.option(LineReader.Option.COMPLETE_MATCHER_CAMELCASE, false);
        return reader;
    }

    /**
     * JLine sets the prompt itself at the start of {@code readLine}, before it reads; a change while
     * it reads must hold the lock, or it races the console thread's redraw. Refused here so a
     * change from the wrong place fails at once instead of garbling the screen now and then.
     */
    @Override
    public void setPrompt(String prompt) {
        if (reading && !lock.isHeldByCurrentThread()) {
            throw new IllegalStateException("the prompt changes only under the reader's lock (JLineScreen)");
        }
        super.setPrompt(prompt);
    }

    /**
     * Runs action when PageUp is pressed (console thread, inside readLine), if the terminal says
     * what PageUp sends; ESC [ 5 ~, what xterm, tmux and most others send, is bound either way.
     * The half-typed line stays as it is.
     */
    public void onPageUp(Runnable action) {
        getWidgets().put(PAGE_UP_WIDGET, () -> {
            action.run();
            return true;
        });
        KeyMap<Binding> main = getKeyMaps().get(LineReader.MAIN);
        String sent = KeyMap.key(getTerminal(), InfoCmp.Capability.key_ppage);
        if (sent != null && !sent.isEmpty()) {
            main.bind(new Reference(PAGE_UP_WIDGET), sent);
        }
        main.bind(new Reference(PAGE_UP_WIDGET), PAGE_UP_VT);
    }

    /**
     * Alt-1 … Alt-9 (and Alt-0 for window 10) show that window; Alt-← and Alt-→ the one beside the
     * current one. Terminals send Alt-key as ESC then the key; Alt-arrows as xterm's modifier form
     * (ESC [1;3D, what tmux and most terminals send) or as ESC before the arrow (rxvt, some tmux
     * setups). These replace emacs mode's digit-argument bindings, which a chat has no use for.
     * Runs on the console thread inside readLine; the half-typed line stays as it is.
     */
    public void onWindowKeys(IntConsumer showNumber, IntConsumer step) {
        KeyMap<Binding> main = getKeyMaps().get(LineReader.MAIN);
        for (int n = 0; n <= 9; n++) {
            int number = n == 0 ? 10 : n;
            String widget = "chat-window-" + number;
            getWidgets().put(widget, () -> {
                showNumber.accept(number);
                return true;
            });
            main.bind(new Reference(widget), KeyMap.alt(Character.forDigit(n, 10)));
        }
        getWidgets().put(WINDOW_LEFT_WIDGET, () -> {
            step.accept(-1);
            return true;
        });
        getWidgets().put(WINDOW_RIGHT_WIDGET, () -> {
            step.accept(1);
            return true;
        });
        for (String left : new String[] {"\u001b[1;3D", "\u001b\u001b[D", "\u001b\u001bOD"}) {
            main.bind(new Reference(WINDOW_LEFT_WIDGET), left);
        }
        for (String right : new String[] {"\u001b[1;3C", "\u001b\u001b[C", "\u001b\u001bOC"}) {
            main.bind(new Reference(WINDOW_RIGHT_WIDGET), right);
        }
    }

    public void onEdit(Consumer<String> listener) {
        edits = listener;
    }

    /**
     * Every key runs a widget through here, so wrapping it sees each change of the input line,
     * whichever widget made it (typing, deleting, yanking, history, completion).
     */
    @Override
    protected Widget getWidget(Object binding) {
        Widget widget = super.getWidget(binding);
        return () -> {
            boolean applied = widget.apply();
            String text = buf.toString();
            if (!text.equals(lastText)) {
                lastText = text;
                edits.accept(text);
            }
            return applied;
        };
    }

    /** The prompt shown now (as set last, before %-expansion is undone). */
    String promptText() {
        return prompt.toString();
    }

    /** Runs {@code change} holding the lock JLine draws under (reentrant: printAbove may be called inside). */
    public void locked(Runnable change) {
        lock.lock();
        try {
            change.run();
        } finally {
            lock.unlock();
        }
    }
}
