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
    private final CapNegotiation caps;
    private NetworkLoop network;
    private int nickAttempt;
    /** The nick the user asked for (--nick, then /nick); registration after a reconnect starts from it. */
    private String preferredNick;
    private volatile String failure;

    public ServerMessageHandler(ClientConfig config, StateCell state, Ircv3Parts ircv3, MessageRenderer renderer,
            Screen screen, Clock clock) {
        this.config = config;
        this.ircv3 = ircv3;
        this.caps = new CapNegotiation(ircv3.capabilities());
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
    }

    /** Why the first connection failed, for the one-line message on exit; null when it did not. */
    public String failure() {
        return failure;
    }

    @Override
    public void connected() {
        nickAttempt = 0;
        names.clear();
        ircv3.labeled().reset();
        ircv3.history().connectionStarted();
        network.sendNow(caps.start());
        if (config.password() != null) {
            network.sendNow(IrcMessage.of(Command.PASS, config.password()));
        }
        network.sendNow(IrcMessage.of(Command.NICK, preferredNick));
        // RFC 2812 3.1.3: USER <user> <mode> <unused> <realname>
        network.sendNow(IrcMessage.of(Command.USER, config.nick(), "0", "*", "chat client user " + config.nick()));
    }

    @Override
    public void lost(String reason, boolean wasUp, long retryInMillis) {
        ircv3.history().connectionLost(); // lines held for a catch-up came before the drop: shown first
        ClientState now = state.update(s -> new ClientState(s.nick(), false, s.rooms(), s.target(), s.unread(), Map.of()));
        String next = retryInMillis < 0 ? "" : String.format("; reconnecting in %.1f s (88 or Ctrl-D leaves)", retryInMillis / 1000.0);
        String what = wasUp ? "connection lost: " : "cannot reconnect: ";
        show(renderer.problem(what + VisibleText.of(reason) + next, now()), now);
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
        switch (message.command()) {
            case Command.PING -> network.sendNow(new IrcMessage(null, null, Command.PONG, message.params()));
            case Command.TAGMSG -> ircv3.typing().tagged(message, network);
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

    private void negotiate(List<IrcMessage> answers) {
        answers.forEach(network::sendNow);
        if (!ircv3.capabilities().enabled().isEmpty()) {
            // Tags come with every capability this client asks for (time, msgid, label, batch).
            network.allowMessageTags();
        }
    }

    private void nickInUse(IrcMessage message) {
        ClientState now = state.get();
        if (now.registered()) {
            render(message, now);
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
        List<String> nicks = names.complete(room);
        if (nicks == null) {
            return;
        }
        ClientState now = state.update(s -> s.inRoom(room) ? s.withMembersAdded(room, nicks) : s);
        String list = VisibleText.of(String.join(", ", now.inRoom(room) ? now.membersOf(room) : nicks));
        show(renderer.note("in " + VisibleText.of(room) + ": " + list + " (" + nicks.size() + ")", now()), now);
    }

    /** Everything else: update what we know, then show it. */
    private void track(IrcMessage message) {
        boolean chat = message.command().equals(Command.PRIVMSG) || message.command().equals(Command.NOTICE);
        if (chat && !ircv3.history().live(message, state.get())) {
            return; // shown already, from a history batch, or held until its catch-up is shown
        }
        apply(message);
    }

    /** Updates what we know from a line that is to be shown, then shows it. */
    private void apply(IrcMessage message) {
        String source = message.sourceNick();
        String first = message.param(0);
        if (message.command().equals(Command.JOIN) && first != null && state.get().isMe(source)) {
            ircv3.history().joined(first);
        }
        if (message.command().equals(Command.NICK) && first != null && state.get().isMe(source)) {
            preferredNick = first;
        }
        switch (message.command()) {
            case Command.PRIVMSG, Command.NOTICE -> spoke(message);
            case Command.QUIT -> ircv3.typing().left(source, null);
            case Command.PART -> ircv3.typing().left(source, first);
            case Command.KICK -> ircv3.typing().left(message.param(1), first);
            default -> {
                // other lines say nothing about who is typing
            }
        }
        ClientState now = state.update(s -> switch (message.command()) {
            case Command.JOIN -> first == null ? s
                    : s.isMe(source) ? s.withRoomJoined(first) : s.withMembersAdded(first, List.of(source));
            case Command.PART -> first == null ? s : s.isMe(source) ? s.withRoomLeft(first) : s.withMemberRemoved(first, source);
            case Command.KICK -> message.paramCount() < 2 ? s
                    : s.isMe(message.param(1)) ? s.withRoomLeft(first) : s.withMemberRemoved(first, message.param(1));
            case Command.QUIT -> s.withMemberRenamed(source, null);
            case Command.NICK -> first == null ? s : (s.isMe(source) ? s.withNick(first) : s).withMemberRenamed(source, first);
            case Command.PRIVMSG -> unread(s, message);
            default -> s;
        });
        render(message, now);
    }

    /** A message ends its sender's typing there; mine may be the echo that confirms a pending line. */
    private void spoke(IrcMessage message) {
        if (state.get().isMe(message.sourceNick())) {
            ircv3.own().echoed(message);
        } else {
            ircv3.typing().spoke(message);
        }
    }

    /** A message for a conversation other than the current one counts as unread there. */
    private static ClientState unread(ClientState s, IrcMessage message) {
        String target = message.param(0);
        if (target == null || message.sourceNick() == null || s.isMe(message.sourceNick())) {
            return s;
        }
        String conversation = IrcNames.isRoomName(target) ? target : message.sourceNick();
        return s.isCurrentTarget(conversation) ? s : s.withUnreadIncrement(conversation);
    }

    private void render(IrcMessage message, ClientState now) {
        renderer.render(message, now, ServerTime.of(message, clock)).ifPresent(line -> show(line, now));
    }

    private void show(MessageRenderer.Rendered line, ClientState now) {
        screen.show(line, now);
    }

    private LocalTime now() {
        return LocalTime.now(clock);
    }
}
