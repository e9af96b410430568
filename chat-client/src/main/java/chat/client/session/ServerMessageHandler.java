package chat.client.session;

import chat.client.ClientConfig;
import chat.client.net.NetworkListener;
import chat.client.net.NetworkLoop;
import chat.client.ui.MessageRenderer;
import chat.client.ui.Screen;
import chat.client.ui.VisibleText;

import chat.protocol.Command;
import chat.protocol.IrcEncoder;
import chat.protocol.IrcMessage;
import chat.protocol.IrcNames;
import chat.protocol.Numeric;
import java.time.Clock;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The client's side of the IRC conversation, on the network thread: registers (falling back to
 * nick_ and nick__ on 433), joins the rooms, answers PING, keeps {@link ClientState} in step with
 * what the server says and shows each message through the {@link Screen}.
 */
public final class ServerMessageHandler implements NetworkListener {
    private static final System.Logger LOG = System.getLogger(ServerMessageHandler.class.getName());
    private static final int NICK_FALLBACKS = 2;

    private final ClientConfig config;
    private final StateCell state;
    private final MessageRenderer renderer;
    private final Screen screen;
    private final Clock clock;
    private final NamesCollector names = new NamesCollector();
    private final Ircv3Parts ircv3;
    private final WindowParts windows;
    private final CtcpAnswers ctcp = new CtcpAnswers(ClientVersion.text());
    private final CapNegotiation caps;
    private NetworkLoop network;
    private int nickAttempt;
    /** The nick the user asked for (--nick, then /nick); registration after a reconnect starts from it. */
    private String preferredNick;
    private volatile String failure;

    public ServerMessageHandler(ClientConfig config, StateCell state, Ircv3Parts ircv3, MessageRenderer renderer,
            Screen screen, Clock clock) {
        this(config, state, ircv3, WindowParts.inMemory(), renderer, screen, clock);
    }

    public ServerMessageHandler(ClientConfig config, StateCell state, Ircv3Parts ircv3, WindowParts windows,
            MessageRenderer renderer, Screen screen, Clock clock) {
        this.windows = windows;
        this.config = config;
        this.ircv3 = ircv3;
        this.caps = new CapNegotiation(ircv3.capabilities(), ircv3.accounts().session());
        this.state = state;
        this.renderer = renderer;
        this.screen = screen;
        this.clock = clock;
        this.preferredNick = config.nick();
    }

    public void attach(NetworkLoop loop) {
        this.network = loop;
        ircv3.history().sendWith(loop::sendNow);
        ircv3.history().releaseWith(this::caughtUp);
        ircv3.history().timersWith(loop::after);
        ircv3.accounts().session().attach(new AccountSession.Connection() {
            @Override
            public void send(IrcMessage message) {
                loop.sendNow(message);
            }

            @Override
            public boolean tls() {
                return loop.tls();
            }

            @Override
            public void waitForUser() {
                loop.waitForUser();
            }

            @Override
            public void giveUp() {
                loop.sendNow(IrcMessage.of(Command.QUIT, "nick taken"));
                loop.abort(1);
            }

            @Override
            public void loginOver() {
                negotiate(caps.resume());
            }
        });
    }

    /** Why the first connection failed, for the one-line message on exit; null when it did not. */
    public String failure() {
        return failure;
    }

    @Override
    public void connected() {
        nickAttempt = 0;
        names.clear();
        windows.joins().clear();
        windows.link().up();
        ircv3.labeled().reset();
        ircv3.history().connectionStarted();
        ircv3.accounts().session().connectionStarted();
        network.sendNow(caps.start());
        if (config.password() != null) {
            network.sendNow(IrcMessage.of(Command.PASS, config.password()));
        }
        network.sendNow(IrcMessage.of(Command.NICK, preferredNick));
        // RFC 2812 3.1.3: USER <user> <mode> <unused> <realname>
        network.sendNow(IrcMessage.of(Command.USER, config.nick(), "0", "*", "chat client user " + config.nick()));
    }

    /**
     * The connection dropped, or an attempt to make it again failed. The drop is one line; the
     * attempts after it only update the status bar ("reconnecting in 4 s"), so a long outage does
     * not fill the screen with one line per try.
     */
    @Override
    public void lost(String reason, boolean wasUp, long retryInMillis) {
        ircv3.history().connectionLost(); // lines held for a catch-up came before the drop: shown first
        ClientState now = state.update(s -> new ClientState(s.nick(), false, s.rooms(), s.target(), s.windows(),
                Map.of(), s.modes()));
        if (retryInMillis >= 0) {
            windows.link().down(VisibleText.of(reason), clock.millis() + retryInMillis);
        }
        if (wasUp || retryInMillis < 0) {
            String next = retryInMillis < 0 ? "" : "; reconnecting (the status bar counts down; Enter retries now, 88 leaves)";
            show(renderer.problem("connection lost: " + VisibleText.of(reason) + next, now()), now);
        }
        ircv3.own().connectionLost();
    }

    @Override
    public void unreadable(String what) {
        ClientState now = state.get();
        show(renderer.note("skipped " + what + " from the server", now()), now);
    }

    @Override
    public void failed(String reason) {
        failure = "cannot connect to " + config.host() + ":" + config.port() + ": " + reason;
    }

    /**
     * One line from the server. Whatever goes wrong while handling or showing it (a message this
     * client does not expect in that shape, a renderer bug) costs that one line, not the session:
     * the line is shown plainly, control characters made visible, and the next one is handled.
     */
    @Override
    public void received(IrcMessage message) {
        safely(message, this::handle);
    }

    /** A live chat line held while its conversation caught up: handled now as it would have been then. */
    private void caughtUp(IrcMessage line) {
        safely(line, this::apply);
    }

    private void safely(IrcMessage message, Consumer<IrcMessage> handling) {
        try {
            handling.accept(message);
        } catch (RuntimeException unexpected) {
            LOG.log(System.Logger.Level.DEBUG, "could not show a line from the server", unexpected);
            show(renderer.problem("could not show this line from the server: "
                    + VisibleText.of(IrcEncoder.format(message)), now()), state.get());
        }
    }

    private void handle(IrcMessage message) {
        if (message.command().equals(Command.CAP)) {
            negotiate(caps.onCap(message));
            return;
        }
        if (ircv3.accounts().session().received(message)) {
            return; // SASL, login news, REGISTER answers
        }
        if (caps.negotiating()) {
            CapNegotiation.Answer answer = caps.onOther(message);
            negotiate(answer.send());
            if (answer.hide()) {
                return;
            }
        }
        LabeledReplies.Outcome outcome = ircv3.labeled().accept(message);
        if (outcome instanceof LabeledReplies.Held) {
            return;
        }
        if (outcome instanceof LabeledReplies.Complete replies) {
            ClientState now = state.get();
            show(renderer.header(VisibleText.of(replies.command()), now()), now);
            replies.replies().forEach(this::handle);
            return;
        }
        if (ircv3.history().received(message)) {
            return; // a history batch (shown whole when complete) or its refusal
        }
        if (ircv3.own().refused(message)) {
            return;
        }
        if (ignored(message)) {
            return;
        }
        switch (message.command()) {
            case Command.PING -> network.sendNow(new IrcMessage(null, null, Command.PONG, message.params()));
            case Command.TAGMSG -> ircv3.typing().tagged(message, network);
            case Command.ERROR -> closing(message);
            case Numeric.RPL_LIST -> {
                windows.directory().heardOf(message.param(1));
                track(message);
            }
            case Numeric.RPL_UMODEIS -> state.update(s -> s.withModes(String.valueOf(message.param(1))));
            case "471", "473", "474", "475", "403", "405", "437", "476", "477", "489" -> joinRefused(message);
            case Numeric.ERR_NICKNAMEINUSE -> nickInUse(message);
            case Numeric.RPL_WELCOME -> welcomed(message);
            case Numeric.RPL_NAMREPLY -> names.arrived(message);
            case Numeric.RPL_ENDOFNAMES -> namesComplete(message);
            case Numeric.RPL_ISUPPORT -> {
                ircv3.history().isupport(message);
                track(message);
            }
            case Numeric.RPL_ENDOFMOTD, Numeric.ERR_NOMOTD -> {
                ircv3.history().registered();
                track(message);
            }
            default -> track(message);
        }
    }

    /** Messages, notices, CTCP, typing and invitations from someone on the ignore list are dropped unseen. */
    private boolean ignored(IrcMessage message) {
        String source = message.sourceNick();
        boolean fromPerson = message.prefix() != null && message.prefix().indexOf('!') > 0;
        return fromPerson && !state.get().isMe(source) && windows.ignored().ignores(source)
                && switch (message.command()) {
                    case Command.PRIVMSG, Command.NOTICE, Command.TAGMSG, Command.INVITE -> true;
                    default -> false;
                };
    }

    /**
     * A JOIN refused (full, invite only, banned, wrong key, no such room, too many rooms ...): said
     * plainly, and the window does not change. Other numerics in the list (403 for a PART or a
     * TOPIC) are shown as they are.
     */
    private void joinRefused(IrcMessage message) {
        String room = message.param(1);
        if (!windows.joins().answered(room)) {
            track(message);
            return;
        }
        ClientState now = state.get();
        String stay = now.target() == null ? "" : "; you are still in " + VisibleText.of(now.target());
        show(renderer.problem("cannot join " + VisibleText.of(room) + ": " + VisibleText.of(message.lastParam()) + stay,
                now()), now);
    }

    /** ERROR: after my QUIT it is only the server confirming that I left. */
    private void closing(IrcMessage message) {
        if (network.isLeaving()) {
            ClientState now = state.get();
            show(renderer.note("you left", now()), now);
            return;
        }
        track(message);
    }

    private void negotiate(List<IrcMessage> answers) {
        answers.forEach(network::sendNow);
        if (!ircv3.capabilities().enabled().isEmpty()) {
            // Tags come with every capability this client asks for (time, msgid, label, batch).
            network.allowMessageTags();
        }
        if (!caps.negotiating()) {
            ircv3.accounts().session().negotiationOver();
        }
    }

    private void nickInUse(IrcMessage message) {
        ClientState now = state.get();
        if (now.registered()) {
            render(message, now);
            return;
        }
        if (String.valueOf(message.lastParam()).toLowerCase(Locale.ROOT).contains("registered")) {
            // Owned by an account: nick_ would only dodge it; say how to get it or pick another.
            ircv3.accounts().session().registeredNick(message.param(1), caps.negotiating());
            return;
        }
        if (nickAttempt >= NICK_FALLBACKS) {
            show(renderer.problem("the nicknames " + preferredNick + ", " + preferredNick + "_ and " + preferredNick
                    + "__ are all taken; choose another with --nick", now()), now);
            network.sendNow(IrcMessage.of(Command.QUIT, "nick taken"));
            network.abort(1);
            return;
        }
        nickAttempt++;
        String next = preferredNick + "_".repeat(nickAttempt);
        show(renderer.note("the nickname " + VisibleText.of(message.param(1)) + " is taken; trying " + next, now()), now);
        network.sendNow(IrcMessage.of(Command.NICK, next));
    }

    /** 001: registered under the nick the server names; join (or rejoin after a reconnect) the rooms. */
    private void welcomed(IrcMessage message) {
        String nick = message.param(0) == null ? config.nick() : message.param(0);
        ClientState now = state.update(s -> s.withNick(nick).withRegistered(true));
        render(message, now);
        if (config.bot()) {
            // Before the JOINs, so the room sees a bot from its first line (IRCv3 bot-mode; servers
            // without +B answer 501, which is shown and harms nothing).
            network.sendNow(IrcMessage.of(Command.MODE, nick, "+B"));
        }
        List<String> rooms = now.rooms().isEmpty() ? List.of(config.room()) : now.rooms();
        for (String room : rooms) {
            network.sendNow(IrcMessage.of(Command.JOIN, room));
        }
        // The server handles one connection's commands in order, so lines sent after these JOINs
        // reach the rooms: the user's queued messages may flow now.
        network.openGate();
    }

    private void namesComplete(IrcMessage message) {
        String room = message.param(1);
        if (room == null) {
            return;
        }
        ircv3.history().namesComplete(room);
        List<String> entries = names.complete(room);
        if (entries == null) {
            return;
        }
        windows.directory().heardOf(room);
        List<String> nicks = entries.stream().map(NamesCollector::nickOf).toList();
        ClientState now = state.update(s -> s.inRoom(room) ? s.withMembersAdded(room, nicks) : s);
        // As the server gave them, with @ (operator) and + (voice), sorted by nick; a mark after
        // those logged in to an account.
        Accounts accounts = ircv3.accounts().accounts();
        List<String> sorted = entries.stream()
                .sorted(java.util.Comparator.comparing((String e) -> IrcNames.fold(NamesCollector.nickOf(e))))
                .map(e -> e + accounts.after(NamesCollector.nickOf(e), null)).toList();
        String list = VisibleText.of(String.join(", ", sorted));
        String where = now.inRoom(room) ? room : null;
        show(where, renderer.note("in " + VisibleText.of(room) + ": " + list + " (" + nicks.size() + ")", now()), now);
    }

    /** Everything else: update what we know, then show it. */
    private void track(IrcMessage message) {
        boolean chat = message.command().equals(Command.PRIVMSG) || message.command().equals(Command.NOTICE);
        if (chat && !ircv3.history().live(message, state.get())) {
            return; // shown already, from a history batch, or held until its catch-up is shown
        }
        apply(message);
    }

    /**
     * Updates what we know from a line that is to be shown, then shows it in the windows it
     * belongs to (worked out before the update: a QUIT still finds the rooms its sender was in).
     */
    private void apply(IrcMessage message) {
        String source = message.sourceNick();
        String first = message.param(0);
        ClientState before = state.get();
        boolean mine = before.isMe(source);
        if (mine && message.command().equals(Command.NOTICE) && String.valueOf(message.lastParam()).startsWith("\u0001")) {
            return; // the server's echo of my own CTCP answer: nothing the user said
        }
        if (message.command().equals(Command.JOIN) && first != null && mine) {
            ircv3.history().joined(first);
        }
        if (message.command().equals(Command.NICK) && first != null && mine) {
            preferredNick = first;
        }
        if (message.command().equals(Command.PRIVMSG) && !mine && LineRouting.isCtcpRequest(message)) {
            ctcp.answer(message, java.time.ZonedDateTime.now(clock)).ifPresent(network::sendNow);
        }
        switch (message.command()) {
            case Command.PRIVMSG, Command.NOTICE -> spoke(message);
            case Command.QUIT -> ircv3.typing().left(source, null);
            case Command.PART -> ircv3.typing().left(source, first);
            case Command.KICK -> ircv3.typing().left(message.param(1), first);
            case Command.INVITE -> windows.directory().heardOf(message.lastParam());
            case Command.MODE -> {
                if (mine && before.isMe(first) && message.paramCount() > 1) {
                    state.update(s -> s.withModes(UserModes.apply(s.modes(), message.param(1))));
                }
            }
            default -> {
                // other lines say nothing about who is typing
            }
        }
        boolean show = message.command().equals(Command.JOIN) && mine && windows.joins().answered(first);
        boolean chat = message.command().equals(Command.PRIVMSG) || message.command().equals(Command.NOTICE);
        String mineTo = mine && chat ? LineRouting.conversation(message, before).orElse(null) : null;
        List<String> into = leaving(message, before) ? List.of()
                : mineTo != null ? LineRouting.forMine(mineTo, before, screen.windowed())
                : LineRouting.windowsFor(message, before);
        ClientState now = state.update(s -> switch (message.command()) {
            case Command.JOIN -> first == null ? s
                    : s.isMe(source) ? s.withRoomJoined(first, show) : s.withMembersAdded(first, List.of(source));
            case Command.PART -> first == null ? s : s.isMe(source) ? s.withRoomLeft(first) : s.withMemberRemoved(first, source);
            case Command.KICK -> message.paramCount() < 2 ? s
                    : s.isMe(message.param(1)) ? s.withRoomLeft(first) : s.withMemberRemoved(first, message.param(1));
            case Command.QUIT -> s.withMemberRenamed(source, null);
            case Command.NICK -> first == null ? s : (s.isMe(source) ? s.withNick(first) : s).withMemberRenamed(source, first);
            case Command.PRIVMSG -> mineTo != null ? s.withWindow(mineTo) : s;
            default -> s;
        });
        if (into.isEmpty()) {
            render(message, null, now);
        }
        for (String window : into) {
            render(message, window, now);
        }
        if (now.target() != null && !IrcNames.equalsFolded(String.valueOf(before.target()), now.target())) {
            screen.switched(now); // joined at my asking, or the current room was left
            ircv3.status().refresh(now);
        }
    }

    /** My own PART or KICK: shown where I am after it, since the room's window closes with it. */
    private static boolean leaving(IrcMessage message, ClientState before) {
        return switch (message.command()) {
            case Command.PART -> before.isMe(message.sourceNick());
            case Command.KICK -> before.isMe(message.param(1));
            default -> false;
        };
    }

    /** A message ends its sender's typing there; mine may be the echo that confirms a pending line. */
    private void spoke(IrcMessage message) {
        if (state.get().isMe(message.sourceNick())) {
            ircv3.own().echoed(message);
        } else {
            ircv3.typing().spoke(message);
        }
    }

    /**
     * Renders the line as seen from its window and shows it there. A message from someone else in
     * a window that is not the current one is activity there ("!" when it is for me: private, or my
     * nick); a CTCP request is answered, not counted.
     */
    private void render(IrcMessage message, String window, ClientState now) {
        ClientState seenFrom = screen.windowed() ? now.viewedFrom(window) : now;
        var line = renderer.render(message, seenFrom, ServerTime.of(message, clock));
        if (line.isEmpty()) {
            return;
        }
        boolean chat = message.command().equals(Command.PRIVMSG) || message.command().equals(Command.NOTICE);
        ClientState shown = now;
        if (chat && window != null && !now.isMe(message.sourceNick()) && !LineRouting.isCtcpRequest(message)
                && message.sourceNick() != null) {
            boolean forMe = line.get().bell();
            shown = state.update(s -> s.withActivity(window, forMe));
        }
        screen.show(window, line.get(), shown);
    }

    private void render(IrcMessage message, ClientState now) {
        render(message, null, now);
    }

    private void show(MessageRenderer.Rendered line, ClientState now) {
        screen.show(line, now);
    }

    private void show(String window, MessageRenderer.Rendered line, ClientState now) {
        screen.show(window, line, now);
    }

    private LocalTime now() {
        return LocalTime.now(clock);
    }
}
