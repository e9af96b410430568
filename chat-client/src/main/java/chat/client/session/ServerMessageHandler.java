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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The client's side of the IRC conversation, on the network thread: registers (falling back to
 * nick_ and nick__ on 433), joins the rooms, answers PING, keeps {@link ClientState} in step with
 * what the server says and shows each message through the {@link Screen}.
 */
public final class ServerMessageHandler implements NetworkListener {
    private static final System.Logger LOG = System.getLogger(ServerMessageHandler.class.getName());
    /** RFC 2812 5.1 353: a member's nick may carry a status prefix (op, voice, ...) that is not part of the nick. */
    private static final String MEMBER_PREFIXES = "@+%~&!";
    private static final int NICK_FALLBACKS = 2;
    private static final String TYPING_TAG = "+typing";
    private static final long EXPIRY_MARGIN_MILLIS = 100;

    private final ClientConfig config;
    private final StateCell state;
    private final MessageRenderer renderer;
    private final Screen screen;
    private final Clock clock;
    private final Map<String, List<String>> namesArriving = new HashMap<>();
    private final Capabilities capabilities;
    private final CapNegotiation caps;
    private final OwnMessages own;
    private final TypingIndicator typing;
    private final StatusArea status;
    private final LabeledReplies labeled;
    private NetworkLoop network;
    private int nickAttempt;
    /** The nick the user asked for (--nick, then /nick); registration after a reconnect starts from it. */
    private String preferredNick;
    private volatile String failure;

    public ServerMessageHandler(ClientConfig config, StateCell state, Capabilities capabilities, MessageRenderer renderer,
            Screen screen, Clock clock, OwnMessages own, TypingIndicator typing, StatusArea status, LabeledReplies labeled) {
        this.labeled = labeled;
        this.own = own;
        this.typing = typing;
        this.status = status;
        this.config = config;
        this.capabilities = capabilities;
        this.caps = new CapNegotiation(capabilities);
        this.state = state;
        this.renderer = renderer;
        this.screen = screen;
        this.clock = clock;
        this.preferredNick = config.nick();
    }

    public void attach(NetworkLoop loop) {
        this.network = loop;
    }

    /** Why the first connection failed, for the one-line message on exit; null when it did not. */
    public String failure() {
        return failure;
    }

    @Override
    public void connected() {
        nickAttempt = 0;
        namesArriving.clear();
        labeled.reset();
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
        ClientState now = state.update(s -> new ClientState(s.nick(), false, s.rooms(), s.target(), s.unread(), Map.of()));
        String next = retryInMillis < 0 ? "" : String.format("; reconnecting in %.1f s (88 or Ctrl-D leaves)", retryInMillis / 1000.0);
        String what = wasUp ? "connection lost: " : "cannot reconnect: ";
        show(renderer.problem(what + VisibleText.of(reason) + next, now()), now);
        own.connectionLost();
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
        try {
            handle(message);
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
        LabeledReplies.Outcome outcome = labeled.accept(message);
        if (outcome instanceof LabeledReplies.Held) {
            return;
        }
        if (outcome instanceof LabeledReplies.Complete replies) {
            ClientState now = state.get();
            show(renderer.header(VisibleText.of(replies.command()), now()), now);
            replies.replies().forEach(this::handle);
            return;
        }
        if (own.refused(message)) {
            return;
        }
        switch (message.command()) {
            case Command.PING -> network.sendNow(new IrcMessage(null, null, Command.PONG, message.params()));
            case Command.TAGMSG -> typingTag(message);
            case Numeric.ERR_NICKNAMEINUSE -> nickInUse(message);
            case Numeric.RPL_WELCOME -> welcomed(message);
            case Numeric.RPL_NAMREPLY -> namesArrived(message);
            case Numeric.RPL_ENDOFNAMES -> namesComplete(message);
            default -> track(message);
        }
    }

    /** TAGMSG: of its tags only +typing is of use to this client (ircv3.net client-tags/typing). */
    private void typingTag(IrcMessage message) {
        String value = message.tags().get(TYPING_TAG);
        String source = message.sourceNick();
        String conversation = conversation(message);
        if (value == null || conversation == null || state.get().isMe(source)) {
            return;
        }
        typing.tag(conversation, source, value, clock.millis());
        status.refresh(state.get());
        // Redrawn once the notice has expired, unless renewed; a little later, so it surely has.
        network.after(TypingIndicator.ACTIVE_FOR_MILLIS + EXPIRY_MARGIN_MILLIS, () -> status.refresh(state.get()));
    }

    /** Where a message belongs: its room, or for a private one the other person; null when unknown. */
    private String conversation(IrcMessage message) {
        String target = message.param(0);
        if (target == null || message.sourceNick() == null) {
            return null;
        }
        return IrcNames.isRoomName(target) ? target : message.sourceNick();
    }

    private void negotiate(List<IrcMessage> answers) {
        answers.forEach(network::sendNow);
        if (!capabilities.enabled().isEmpty()) {
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
        List<String> rooms = now.rooms().isEmpty() ? List.of(config.room()) : now.rooms();
        for (String room : rooms) {
            network.sendNow(IrcMessage.of(Command.JOIN, room));
        }
        // The server handles one connection's commands in order, so lines sent after these JOINs
        // reach the rooms: the user's queued messages may flow now.
        network.openGate();
    }

    private void namesArrived(IrcMessage message) {
        // 353 <me> <=|*|@> <room> :<nick> <nick> ...
        String room = message.param(2);
        if (room == null || message.paramCount() < 4) {
            return;
        }
        List<String> names = namesArriving.computeIfAbsent(IrcNames.fold(room), r -> new ArrayList<>());
        for (String entry : message.lastParam().split(" ")) {
            int start = 0;
            while (start < entry.length() && MEMBER_PREFIXES.indexOf(entry.charAt(start)) >= 0) {
                start++;
            }
            if (start < entry.length()) {
                names.add(entry.substring(start));
            }
        }
    }

    private void namesComplete(IrcMessage message) {
        String room = message.param(1);
        if (room == null) {
            return;
        }
        List<String> names = namesArriving.remove(IrcNames.fold(room));
        if (names == null) {
            return;
        }
        ClientState now = state.update(s -> s.inRoom(room) ? s.withMembersAdded(room, names) : s);
        String list = VisibleText.of(String.join(", ", now.inRoom(room) ? now.membersOf(room) : names));
        show(renderer.note("in " + VisibleText.of(room) + ": " + list + " (" + names.size() + ")", now()), now);
    }

    /** Everything else: update what we know, then show it. */
    private void track(IrcMessage message) {
        String source = message.sourceNick();
        String first = message.param(0);
        if (message.command().equals(Command.NICK) && first != null && state.get().isMe(source)) {
            preferredNick = first;
        }
        if (message.command().equals(Command.PRIVMSG) || message.command().equals(Command.NOTICE)) {
            spoke(message);
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
        String conversation = conversation(message);
        if (conversation == null) {
            return;
        }
        if (state.get().isMe(message.sourceNick())) {
            own.echoed(message);
            return;
        }
        if (typing.spoke(conversation, message.sourceNick())) {
            status.refresh(state.get());
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
