package chat.client.session;

import chat.client.net.NetworkLoop;
import chat.client.ui.MessageRenderer;
import chat.client.ui.Screen;
import chat.client.ui.VisibleText;

import chat.protocol.Command;
import chat.protocol.IrcEncoder;
import chat.protocol.IrcMessage;
import java.time.Clock;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

/**
 * Carries out what the user typed, on the console thread: interprets each line, queues the
 * messages for the network thread, has {@link OwnMessages} show the user's own messages, and
 * switches the target. Shared by the terminal console and the plain stdin reader.
 */
public final class TypedLineHandler {
    /** Commands answered by several lines, which labeled-response lets us show together. */
    private static final Set<String> GROUPED_REPLIES = Set.of(Command.WHO, Command.WHOIS, Command.NAMES, Command.LIST);

    private final StateCell state;
    private final NetworkLoop network;
    private final MessageRenderer renderer;
    private final Screen screen;
    private final Clock clock;
    private final Ircv3Parts ircv3;
    private final TypingNotifier typing;
    private final AccountCommands accounts;
    private final WindowParts windows;

    public TypedLineHandler(StateCell state, NetworkLoop network, Ircv3Parts ircv3, MessageRenderer renderer,
            Screen screen, Clock clock) {
        this(state, network, ircv3, WindowParts.inMemory(), renderer, screen, clock);
    }

    public TypedLineHandler(StateCell state, NetworkLoop network, Ircv3Parts ircv3, WindowParts windows,
            MessageRenderer renderer, Screen screen, Clock clock) {
        this.windows = windows;
        this.ircv3 = ircv3;
        this.typing = new TypingNotifier(state, ircv3.capabilities(), network::sendNow, clock);
        this.accounts = new AccountCommands(state, network, ircv3.accounts(), renderer, screen, clock);
        this.state = state;
        this.network = network;
        this.renderer = renderer;
        this.screen = screen;
        this.clock = clock;
    }

    /**
     * Handles what readLine returned; a multi-line paste arrives as one string and is sent as
     * separate lines (the network loop paces them). Returns false once the user has left.
     */
    public boolean handle(String typed) {
        if (ircv3.accounts().trust().answer(typed)) {
            return true; // the answer to "trust this certificate?", not a chat line
        }
        typing.sent();
        if (typed.isBlank()) {
            network.retryNow(); // Enter on an empty line: while the connection is down, try again now
            return true;
        }
        for (String line : typed.split("\\R", -1)) {
            if (!handleLine(line.replace("\0", ""))) {
                return false;
            }
        }
        return true;
    }

    /** The input line changed as the user edits it (console thread): others may see that I am typing. */
    public void edited(String text) {
        typing.edited(text);
    }

    /** PageUp (console thread): the page of history before the oldest line shown here, as /history. */
    public void olderHistory() {
        fetchOlder(ChatHistory.DEFAULT_OLDER);
    }

    /** Leaves with this QUIT reason (Ctrl-D, end of input, a confirmed Ctrl-C). */
    public void leave(String reason) {
        network.leave(IrcMessage.of(Command.QUIT, reason));
    }

    private boolean handleLine(String line) {
        for (ClientAction action : InputInterpreter.interpret(line, state.get())) {
            if (action instanceof ClientAction.Send send) {
                send(send.message());
            } else if (action instanceof ClientAction.SwitchTarget to) {
                switchTo(to.target());
            } else if (action instanceof ClientAction.ShowWindow window) {
                showWindow(window.number());
            } else if (action instanceof ClientAction.CloseWindow) {
                closeWindow();
            } else if (action instanceof ClientAction.ClearWindow) {
                screen.cleared(state.get());
            } else if (action instanceof ClientAction.Ignore ignore) {
                ignore(ignore);
            } else if (action instanceof ClientAction.FetchOlder older) {
                fetchOlder(older.count());
            } else if (action instanceof ClientAction.Inform inform) {
                for (String text : inform.text().split("\n")) {
                    screen.show(renderer.note(text, now()), state.get());
                }
            } else if (action instanceof ClientAction.Register register) {
                accounts.register(register.account(), ircv3.capabilities());
            } else if (action instanceof ClientAction.Login login) {
                accounts.login(login.account());
            } else if (action instanceof ClientAction.Leave) {
                return false;
            }
        }
        return true;
    }

    /** Alt-1 … Alt-9, /win N: shows window N (console thread). */
    public void showWindow(int number) {
        state.get().windows().at(number).ifPresentOrElse(this::switchTo, () -> inform("there is no window " + number
                + (state.get().windows().list().isEmpty() ? "" : " (the status bar numbers them)")));
    }

    /** Alt-← / Alt-→: the window beside the current one, wrapping around (console thread). */
    public void stepWindow(int step) {
        ClientState now = state.get();
        now.windows().neighbour(now.target(), step).ifPresent(this::switchTo);
    }

    /** Makes a room or person the current window and shows it (a person's opens if new). */
    private void switchTo(String target) {
        ClientState before = state.get();
        ClientState now = state.update(s -> s.withTarget(target));
        if (screen.windowed()) {
            if (!before.isCurrentTarget(target) || !before.windows().has(target)) {
                screen.switched(now);
            }
        } else {
            screen.show(renderer.note("typed lines now go to " + VisibleText.of(target), now()), now);
        }
        ircv3.status().refresh(now); // who is typing there, not here
        ircv3.history().opening(target).ifPresent(this::fetch);
    }

    /** /close: a room's window closes with the PART the server confirms; a person's closes at once. */
    private void closeWindow() {
        ClientState now = state.get();
        String target = now.target();
        if (target != null && chat.protocol.IrcNames.isRoomName(target) && now.inRoom(target)) {
            send(IrcMessage.of(Command.PART, target));
        } else if (target != null && now.windows().has(target)) {
            ClientState after = state.update(s -> s.withWindowClosed(target));
            screen.switched(after);
            ircv3.status().refresh(after);
        } else {
            inform("no window to close here");
        }
    }

    private void ignore(ClientAction.Ignore ignore) {
        IgnoreList list = windows.ignored();
        if (ignore.nick() == null) {
            List<String> nicks = list.nicks();
            inform(nicks.isEmpty() ? "you ignore no one (/ignore nick)" : "you ignore: " + VisibleText.of(String.join(", ", nicks)));
            return;
        }
        String nick = VisibleText.of(ignore.nick());
        try {
            boolean changed = list.set(ignore.nick(), ignore.ignore());
            inform(ignore.ignore() ? (changed ? "ignoring " + nick + ": their messages, notices, CTCP and typing are hidden"
                    : "you already ignore " + nick)
                    : (changed ? "no longer ignoring " + nick : "you were not ignoring " + nick));
        } catch (java.io.IOException unwritable) {
            inform("cannot save the ignore list: " + unwritable.getMessage());
        }
    }

    private void inform(String text) {
        ClientState now = state.get();
        screen.show(renderer.note(text, now()), now);
    }

    private void send(IrcMessage message) {
        ClientState now = state.get();
        if (message.command().equals(Command.JOIN) && message.param(0) != null) {
            for (String room : message.param(0).split(",")) {
                windows.joins().asked(room); // its window opens when the server's JOIN comes
            }
        }
        try {
            if (message.command().equals(Command.QUIT)) {
                network.leave(message);
                return;
            }
            if (message.command().equals(Command.NICK) && !now.registered()) {
                network.sendNow(message); // registration waits for it (the server refused our nick)
                return;
            }
            Capabilities capabilities = ircv3.capabilities();
            if (GROUPED_REPLIES.contains(message.command()) && capabilities.has(Capabilities.LABELED_RESPONSE)
                    && capabilities.has(Capabilities.BATCH)) {
                message = ircv3.labeled().label(message);
            }
            byte[] encoded = IrcEncoder.encode(message); // fails here, before the line shows as pending
            network.sendPaced(encoded, ircv3.own().queued(message));
        } catch (IllegalArgumentException unencodable) {
            screen.show(renderer.problem("cannot send that: " + unencodable.getMessage(), now()), now);
        }
    }

    private void fetchOlder(int count) {
        ClientState now = state.get();
        if (!ircv3.history().available()) {
            screen.show(renderer.note("this server keeps no history", now()), now);
        } else if (now.target() == null) {
            screen.show(renderer.note("no current room or person: /join #room or /query nick first", now()), now);
        } else {
            fetch(ircv3.history().older(now.target(), count));
        }
    }

    /**
     * A history request goes in order with the user's lines (so after the JOIN or message it may
     * depend on, and paced like them); its answer is expected from when it is written.
     */
    private void fetch(ChatHistory.Request request) {
        try {
            network.sendPaced(IrcEncoder.encode(request.message()), ircv3.history().onWritten(request));
        } catch (IllegalArgumentException unencodable) {
            screen.show(renderer.problem("cannot ask for that history: " + unencodable.getMessage(), now()), state.get());
        }
    }

    private LocalTime now() {
        return LocalTime.now(clock);
    }
}
