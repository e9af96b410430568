package chat.client.session;

import chat.client.ui.MessageRenderer;
import chat.client.ui.Screen;
import chat.client.ui.VisibleText;
import chat.protocol.Command;
import chat.protocol.IrcMessage;
import chat.protocol.IrcNames;
import java.time.Clock;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Message history from a server that keeps it (IRCv3 draft/chathistory with batch). When a room is
 * joined or a private conversation opened it asks for the latest lines and shows them dim between
 * "── earlier ──" and "── now ──"; after a reconnect it asks for everything after the last line each
 * conversation saw, page after full page (up to {@link #MOST_CATCH_UP_PAGES}), so a drop leaves no
 * gap, and holds that conversation's live lines until the catch-up is shown ({@link CatchUpHold});
 * /history (and PageUp) asks for the page before the oldest line shown. A line already shown
 * (live, or in another batch) is never shown again: each conversation remembers the msgids it has shown.
 *
 * <p>History lines are only ever shown: they change no state, count as no unread message, ring no
 * bell and confirm none of my pending lines, since they are not news. Without the capability none
 * of this happens and the session is exactly as before. Network thread, except the two methods
 * that build a request for a typed command ({@link #opening}, {@link #older}).
 */
public final class ChatHistory {
    /** Lines fetched when a conversation is opened, and per catch-up page (each capped by CHATHISTORY=N). */
    static final int ON_OPEN = 50;
    static final int CATCH_UP_PAGE = 100;
    /**
     * Pages one catch-up asks for at most (2,000 lines at our page size): enough for any ordinary
     * absence, while a long one in a busy room would otherwise scroll everything else away and
     * keep the conversation's live lines waiting behind page after page.
     */
    static final int MOST_CATCH_UP_PAGES = 20;
    /** A hold's timer runs this much after its time is up, so the clock surely says it is over. */
    private static final long HOLD_TIMER_MARGIN_MILLIS = 100;
    public static final int DEFAULT_OLDER = 50;
    /** Msgids remembered per conversation: far more than a screen shows, few enough to cost nothing. */
    static final int REMEMBERED_PER_CONVERSATION = 2_000;
    static final String COMMAND = "CHATHISTORY";
    private static final String ISUPPORT_TOKEN = COMMAND + "=";
    private static final String MSGID_TAG = "msgid";
    private static final String FAIL = "FAIL";

    /** Why a request was made, which decides how its answer is shown. */
    enum Purpose {
        /** The latest lines of a conversation just opened: dim, between "earlier" and "now". */
        EARLIER,
        /** /history: the page before the oldest line shown, framed as EARLIER. */
        OLDER,
        /** After a reconnect: what was said meanwhile, shown as usual under "while you were away". */
        CATCH_UP
    }

    /** Runs a task on the network thread after a delay: the network loop's timers. */
    interface Timers {
        void after(long delayMillis, Runnable task);
    }

    /**
     * One request. The anchor is the msgid it counts from (none: the latest lines); page counts the
     * pages of a catch-up from 1, so a later page knows the separator is up already and the
     * catch-up knows when to stop.
     */
    public record Request(Purpose purpose, String target, String anchor, int limit, int page) {
        public IrcMessage message() {
            String count = Integer.toString(limit);
            if (anchor == null) {
                return IrcMessage.of(COMMAND, "LATEST", target, "*", count);
            }
            String subcommand = purpose == Purpose.CATCH_UP ? "AFTER" : "BEFORE";
            return IrcMessage.of(COMMAND, subcommand, target, MSGID_TAG + "=" + anchor, count);
        }
    }

    private final StateCell state;
    private final Capabilities capabilities;
    private final MessageRenderer renderer;
    private final Screen screen;
    private final Clock clock;
    private final Conversations conversations = new Conversations(REMEMBERED_PER_CONVERSATION);
    private final HistoryBatches batches = new HistoryBatches();
    private final CatchUpHold hold = new CatchUpHold();
    /** Requests written on this connection and not answered yet, in the order written (network thread). */
    private final List<Request> waiting = new ArrayList<>();
    /** Rooms I joined whose names list, which completes the join, has not ended yet (network thread). */
    private final Set<String> joining = new HashSet<>();
    /** Conversations to catch up on after this connection's registration or join, folded name to name. */
    private final Map<String, String> behind = new LinkedHashMap<>();
    /** The server's CHATHISTORY=N, the most lines one request may ask for; 0 means no limit. */
    private volatile int serverLimit;
    private Consumer<IrcMessage> send = message -> { };
    private Timers timers = (delayMillis, task) -> { };
    /** Shows a held live line as it would have been shown when it came (the session's handler). */
    private Consumer<IrcMessage> showLive = message -> { };

    public ChatHistory(StateCell state, Capabilities capabilities, MessageRenderer renderer, Screen screen, Clock clock) {
        this.state = state;
        this.capabilities = capabilities;
        this.renderer = renderer;
        this.screen = screen;
        this.clock = clock;
    }

    /** Whether the server on this connection keeps history we can ask for. */
    public boolean available() {
        return capabilities.has(Capabilities.CHATHISTORY) && capabilities.has(Capabilities.BATCH);
    }

    /** Where requests made on the network thread go: the network loop's protocol lane. */
    void sendWith(Consumer<IrcMessage> sender) {
        this.send = sender;
    }

    /** Where held live lines go when their hold ends: the handler, which shows them as it would have. */
    void releaseWith(Consumer<IrcMessage> shower) {
        this.showLive = shower;
    }

    /** The timers that end the holds nothing else ends in time: the network loop's. */
    void timersWith(Timers timers) {
        this.timers = timers;
    }

    /** A new connection: every conversation that saw a line has to catch up once its room is rejoined. */
    void connectionStarted() {
        connectionLost(); // should the old connection have ended without a word
        batches.reset();
        waiting.clear();
        joining.clear();
        behind.clear();
        serverLimit = 0;
        for (String name : conversations.withNewest()) {
            behind.put(IrcNames.fold(name), name);
        }
    }

    /** The connection dropped: no catch-up on it will complete, so the lines held for one are shown. */
    void connectionLost() {
        release(hold.endAll());
    }

    /** 005: CHATHISTORY=N caps every request; the tokens sit between my nick and the trailing text. */
    void isupport(IrcMessage message) {
        for (int i = 1; i < message.paramCount() - 1; i++) {
            String token = message.param(i);
            if (token.startsWith(ISUPPORT_TOKEN)) {
                try {
                    serverLimit = Math.max(0, Integer.parseInt(token.substring(ISUPPORT_TOKEN.length())));
                } catch (NumberFormatException unreadable) {
                    serverLimit = 0; // no usable limit: ask for our usual page sizes
                }
            }
        }
    }

    /** Registration is over (end of the MOTD): private conversations catch up now, rooms once rejoined. */
    void registered() {
        if (!available()) {
            return; // rooms may still catch up when rejoined, should the capability come later
        }
        for (String name : List.copyOf(behind.values())) {
            if (!IrcNames.isRoomName(name)) {
                behind.remove(IrcNames.fold(name));
                catchUp(name, conversations.newest(name));
            }
        }
    }

    /** The server says I joined this room; its history follows once the names list ends the join. */
    void joined(String room) {
        joining.add(IrcNames.fold(room));
    }

    /** 366 for a room: after a join of mine, the room's history is asked for (a /names alone asks nothing). */
    void namesComplete(String room) {
        if (!joining.remove(IrcNames.fold(room)) || !available()) {
            return;
        }
        String newest = conversations.newest(room);
        if (behind.remove(IrcNames.fold(room)) != null && newest != null) {
            catchUp(room, newest);
        } else {
            conversations.open(room);
            ask(new Request(Purpose.EARLIER, room, null, limit(ON_OPEN), 1));
        }
    }

    /**
     * A PRIVMSG or NOTICE as it happens; false when it is not to be shown now: it was shown already
     * (it came in a history batch first), or its conversation is catching up and it waits to be
     * shown after that. The first private message of a conversation opens it, which fetches its history.
     */
    boolean live(IrcMessage message, ClientState now) {
        String name = conversationOf(message, now);
        if (!available() || name == null) {
            return true;
        }
        String msgid = message.tags().get(MSGID_TAG);
        if (msgid != null) {
            if (!conversations.remember(name, msgid)) {
                return false;
            }
            conversations.newest(name, msgid);
            if (conversations.oldest(name) == null) {
                conversations.oldest(name, msgid);
            }
        }
        if (message.command().equals(Command.PRIVMSG) && !IrcNames.isRoomName(name) && conversations.open(name)) {
            ask(new Request(Purpose.EARLIER, name, null, limit(ON_OPEN), 1));
        }
        // My own lines never wait: their echo confirms a pending line, shown the moment it comes.
        boolean held = !now.isMe(message.sourceNick()) && hold.keep(name, message);
        // Lines held past their bound came before this one, so they go first (this one too, if held).
        release(hold.endOverdue(clock.millis()));
        return !held;
    }

    /** /query or /go to a person (console thread): their latest lines, once, when the server keeps history. */
    Optional<Request> opening(String target) {
        if (!available() || target == null || IrcNames.isRoomName(target) || !conversations.open(target)) {
            return Optional.empty();
        }
        return Optional.of(new Request(Purpose.EARLIER, target, null, limit(ON_OPEN), 1));
    }

    /** /history (console thread): the page before the oldest line shown, or the latest when none was. */
    Request older(String target, int count) {
        return new Request(Purpose.OLDER, target, conversations.oldest(target), limit(count), 1);
    }

    /** Run on the network thread as a typed request is written: its answer is expected from then on. */
    Runnable onWritten(Request request) {
        return () -> waiting.add(request);
    }

    /** A line from the server (network thread); true when it was history's to handle, and is handled. */
    boolean received(IrcMessage message) {
        if (message.command().equals(FAIL) && COMMAND.equals(message.param(0))) {
            failed(message);
            return true;
        }
        HistoryBatches.Outcome outcome = batches.accept(message);
        if (outcome instanceof HistoryBatches.Complete batch) {
            answered(batch);
            return true;
        }
        return outcome instanceof HistoryBatches.Held;
    }

    /**
     * Whose conversation a message belongs to: the room, or the other person of a private one. A
     * server's own notices (a prefix with no nick!user@host) belong to none: there is no history
     * of a server to ask for.
     */
    static String conversationOf(IrcMessage message, ClientState now) {
        String target = message.param(0);
        String source = message.sourceNick();
        if (target == null || source == null) {
            return null;
        }
        if (IrcNames.isRoomName(target)) {
            return target;
        }
        if (now.isMe(source)) {
            return target;
        }
        return message.prefix() != null && message.prefix().contains("!") ? source : null;
    }

    private void answered(HistoryBatches.Complete batch) {
        Request request = take(batch.target());
        if (request == null) {
            // Nobody asked (a server replaying on its own): shown as history all the same.
            request = new Request(Purpose.EARLIER, batch.target() == null ? "" : batch.target(), null, 0, 1);
        }
        List<IrcMessage> fresh = new ArrayList<>();
        List<String> msgids = new ArrayList<>();
        for (IrcMessage line : batch.lines()) {
            String msgid = line.tags().get(MSGID_TAG);
            if (msgid != null) {
                msgids.add(msgid);
            }
            if (msgid == null || conversations.remember(request.target(), msgid)) {
                fresh.add(line);
            }
        }
        switch (request.purpose()) {
            case EARLIER, OLDER -> {
                reached(request, msgids);
                showEarlier(request, fresh, batch.lines().isEmpty());
            }
            case CATCH_UP -> {
                reached(request, msgids);
                showCaughtUp(request, fresh, batch.lines().size(), msgids);
            }
        }
    }

    /**
     * Moves the conversation's oldest and newest known msgids out to what this page covers. A page
     * reaches back past the oldest line shown when it holds that line or was asked for from it, and
     * forward past the newest likewise; a page from before (/history) says nothing about the newest.
     */
    private void reached(Request request, List<String> msgids) {
        if (msgids.isEmpty()) {
            return;
        }
        String name = request.target();
        String oldest = conversations.oldest(name);
        if (oldest == null || msgids.contains(oldest) || request.purpose() == Purpose.OLDER && oldest.equals(request.anchor())) {
            conversations.oldest(name, msgids.get(0));
        }
        if (request.purpose() == Purpose.OLDER) {
            return;
        }
        String newest = conversations.newest(name);
        if (newest == null || msgids.contains(newest) || newest.equals(request.anchor())) {
            conversations.newest(name, msgids.get(msgids.size() - 1));
        }
    }

    private void showEarlier(Request request, List<IrcMessage> fresh, boolean none) {
        ClientState now = state.get();
        if (fresh.isEmpty()) {
            // Only an empty page means the start is reached; a page of duplicates answers a repeated ask.
            if (request.purpose() == Purpose.OLDER && none) {
                show(renderer.note("no earlier messages in " + VisibleText.of(request.target()), LocalTime.now(clock)), now);
            }
            return;
        }
        String window = request.target();
        ClientState seen = screen.windowed() ? now.viewedFrom(window) : now;
        show(window, renderer.separator(framed("earlier", window, seen)), now);
        for (IrcMessage line : fresh) {
            renderer.render(line, seen, ServerTime.of(line, clock)).map(renderer::historic)
                    .ifPresent(shown -> show(window, shown, now));
        }
        show(window, renderer.separator("now"), now);
    }

    /**
     * Caught-up lines are news, shown as usual with the time they were said, but ring no bell. Once
     * the last page is shown the lines held meanwhile follow, in the order they came.
     */
    private void showCaughtUp(Request request, List<IrcMessage> fresh, int received, List<String> msgids) {
        ClientState now = state.get();
        String window = request.target();
        ClientState seen = screen.windowed() ? now.viewedFrom(window) : now;
        if (!fresh.isEmpty() && request.page() == 1) {
            show(window, renderer.separator(framed("while you were away", window, seen)), now);
        }
        for (IrcMessage line : fresh) {
            renderer.render(line, seen, ServerTime.of(line, clock)).map(renderer::quiet)
                    .ifPresent(shown -> show(window, shown, now));
        }
        // A full page may not be all: ask on from its last line. A page of nothing new means the
        // server is not moving on (or we have it all), so asking again could only loop.
        String last = msgids.isEmpty() ? null : msgids.get(msgids.size() - 1);
        boolean more = received >= request.limit() && !fresh.isEmpty() && last != null && !last.equals(request.anchor());
        if (more && request.page() < MOST_CATCH_UP_PAGES) {
            ask(new Request(Purpose.CATCH_UP, request.target(), last, request.limit(), request.page() + 1));
            return;
        }
        if (more) {
            // The rest lies between the last page and the live lines; /history pages back from the
            // oldest line shown, so it cannot reach there: the note says what is missing, no more.
            int shown = request.page() * request.limit();
            show(renderer.note("at least " + shown + " lines were missed in " + VisibleText.of(request.target())
                    + "; only the first " + shown + " are shown", LocalTime.now(clock)), now);
        }
        release(hold.end(request.target()));
    }

    /** FAIL CHATHISTORY <code> <subcommand> [<target> ...] :<description>: one note, no retry. */
    private void failed(IrcMessage fail) {
        String target = fail.paramCount() > 4 ? fail.param(3) : null;
        Request request = take(target);
        String about = request != null ? request.target() : target;
        String what = about == null || about.isEmpty() ? "history" : "history of " + VisibleText.of(about);
        ClientState now = state.get();
        show(renderer.note(what + " is not available: " + VisibleText.of(fail.lastParam()), LocalTime.now(clock)), now);
        if (request != null && request.purpose() == Purpose.CATCH_UP) {
            release(hold.end(request.target())); // no block is coming to show them after
        }
    }

    /** The request a batch or FAIL answers: the first waiting one for its target, else the oldest. */
    private Request take(String target) {
        for (int i = 0; target != null && i < waiting.size(); i++) {
            if (IrcNames.equalsFolded(waiting.get(i).target(), target)) {
                return waiting.remove(i);
            }
        }
        return waiting.isEmpty() ? null : waiting.remove(0);
    }

    private String framed(String what, String target, ClientState now) {
        return now.isCurrentTarget(target) || target.isEmpty() ? what : what + " in " + VisibleText.of(target);
    }

    /** Asks for the first page after the newest line seen, holding the conversation's live lines meanwhile. */
    private void catchUp(String name, String newest) {
        hold.start(name, clock.millis());
        timers.after(CatchUpHold.MOST_MILLIS + HOLD_TIMER_MARGIN_MILLIS, () -> release(hold.endOverdue(clock.millis())));
        ask(new Request(Purpose.CATCH_UP, name, newest, limit(CATCH_UP_PAGE), 1));
    }

    /** Held lines, shown in the order they came, each as it would have been when it came. */
    private void release(List<IrcMessage> lines) {
        lines.forEach(showLive);
    }

    private void ask(Request request) {
        waiting.add(request);
        send.accept(request.message());
    }

    private int limit(int wanted) {
        int most = serverLimit;
        return most > 0 ? Math.min(wanted, most) : wanted;
    }

    private void show(MessageRenderer.Rendered line, ClientState now) {
        screen.show(line, now);
    }

    /** In the conversation's own window (a screen without windows prints it as it comes). */
    private void show(String window, MessageRenderer.Rendered line, ClientState now) {
        screen.show(window == null || window.isEmpty() ? null : window, line, now);
    }
}
