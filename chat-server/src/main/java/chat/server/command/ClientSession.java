package chat.server.command;

import chat.server.model.Capability;
import chat.server.model.CapabilitySet;
import chat.protocol.Command;
import chat.protocol.DecodedLine;
import chat.protocol.IrcMessage;
import chat.protocol.IrcParser;
import chat.protocol.MalformedMessageException;
import chat.protocol.Numeric;
import chat.protocol.ProtocolLimits;
import chat.protocol.SessionKind;
import chat.server.model.ServerState;
import chat.server.model.User;
import chat.server.net.Link;
import chat.server.net.Outbound;
import chat.server.net.LinkSession;
import java.util.function.Function;

/**
 * One connection's session: the {@link User} behind a {@link Link}. The first line picks the
 * dialect: IRC lines are parsed and dispatched here, plain-text lines go to the plain-text view.
 * Refused lines (too long, invalid UTF-8, NUL or bare CR) get an error while the connection keeps
 * working. Also the session's deadlines (registration, PING) and its departure.
 */
public final class ClientSession implements LinkSession {
    /** What a person at nc sees and types; made by the plain-text layer, which depends on this one. */
    public interface PlainText {
        void onLine(String text);

        /** A line that could not be taken, explained in words. */
        void refused(String explanation);
    }

    private final ServerState state;
    private final CommandDispatcher dispatcher;
    private final Link link;
    private final User user;
    private final Function<ClientSession, PlainText> plainTextView;
    private SessionKind kind;
    private PlainText plain;
    private boolean capNegotiating;
    private int capVersion;
    private String passwordGiven;
    private long batches;
    /** Made on the first AUTHENTICATE: most connections never log in, and idle ones must stay small. */
    private AccountCommands.Exchange sasl;
    /** A password is being checked (or an account made) off the loop: registration waits for it. */
    private boolean loginPending;
    /** A nick is being claimed network-wide (cluster): registration waits for it. */
    private boolean nickPending;

    private ClientSession(ServerState state, CommandDispatcher dispatcher, Link link,
            Function<ClientSession, PlainText> plainTextView) {
        this.state = state;
        this.dispatcher = dispatcher;
        this.link = link;
        this.plainTextView = plainTextView;
        this.user = new User(link, link.peerAddress(), state.clock().epochSeconds(), state.clock().now());
    }

    /**
     * The session of a newly accepted link, greeted with a NOTICE that both kinds of user can read
     * (an IRC client shows it; a bare text line would be taken for a reply).
     */
    public static ClientSession open(ServerState state, CommandDispatcher dispatcher, Link link,
            Function<ClientSession, PlainText> plainTextView) {
        ClientSession session = new ClientSession(state, dispatcher, link, plainTextView);
        link.send(state.fromServer(Command.NOTICE, "*", "*** Welcome to " + state.serverName()
                + ". IRC clients: register as usual. Plain text (nc, telnet): type a nickname and press Enter."));
        return session;
    }

    public Link link() {
        return link;
    }

    public User user() {
        return user;
    }

    /** Runs an IRC command for this session as if it had arrived on the wire (plain-text commands do). */
    public void dispatch(IrcMessage message) {
        dispatcher.dispatch(this, message);
    }

    @Override
    public void onLine(DecodedLine line) {
        state.countLine();
        if (line instanceof DecodedLine.Text text) {
            onText(text);
        } else if (line instanceof DecodedLine.TooLong) {
            refuse(Numeric.ERR_INPUTTOOLONG, "Input line was too long (limit "
                    + ProtocolLimits.MAX_LINE_BYTES + " bytes with CRLF); it was ignored");
        } else if (line instanceof DecodedLine.InvalidUtf8 invalid) {
            String explanation = "Line ignored: it is not valid UTF-8 (at byte " + invalid.byteOffset() + ")";
            if (plain == null && user.capabilities().has(Capability.STANDARD_REPLIES)) {
                // standard-replies: the registry's code, which a client can act on, instead of a bare 400
                new Replies(state, this).fail("*", "INVALID_UTF8", explanation);
            } else {
                refuse(Numeric.ERR_UNKNOWNERROR, explanation);
            }
        } else if (line instanceof DecodedLine.ForbiddenByte forbidden) {
            refuse(Numeric.ERR_UNKNOWNERROR, "Line ignored: it holds a "
                    + (forbidden.byteValue() == 0 ? "NUL" : "bare CR") + " byte (at byte " + forbidden.byteOffset() + ")");
        }
    }

    private void onText(DecodedLine.Text line) {
        if (kind == null) {
            kind = SessionKind.ofFirstLine(line.text());
            if (kind == SessionKind.PLAIN_TEXT && TlsOnlyGate.refusesPlainText(state.config().tls(), link)) {
                return;
            }
            if (kind == SessionKind.PLAIN_TEXT) {
                user.markPlainText();
                plain = plainTextView.apply(this);
            }
        }
        if (plain != null) {
            plain.onLine(line.text());
            return;
        }
        IrcMessage message;
        try {
            message = IrcParser.parse(line);
        } catch (MalformedMessageException malformed) {
            new Replies(state, this).numeric(Numeric.ERR_UNKNOWNERROR, "*", "Malformed line ignored: "
                    + malformed.getMessage());
            return;
        }
        if (!user.isRegistered() && TlsOnlyGate.refusesIrc(state.config().tls(), link, message)) {
            return;
        }
        dispatcher.dispatch(this, message);
    }

    private void refuse(String numeric, String explanation) {
        if (plain != null) {
            plain.refused(explanation + ".");
        } else if (numeric.equals(Numeric.ERR_INPUTTOOLONG)) {
            new Replies(state, this).numeric(numeric, explanation);
        } else {
            new Replies(state, this).numeric(numeric, "*", explanation);
        }
    }

    @Override
    public void onSweep(long now) {
        var config = state.config();
        if (!user.isRegistered()) {
            if (now - link.connectedAtMillis() >= config.registrationTimeoutMillis()) {
                link.requestClose("Registration timed out");
            }
            return;
        }
        if (user.isPlainText()) {
            return; // people at nc cannot answer PING; TCP keepalive watches them instead
        }
        if (link.pingSentAtMillis() != 0) {
            if (now - link.pingSentAtMillis() >= config.pingTimeoutMillis()) {
                link.requestClose("Ping timeout: " + (now - link.lastLineAtMillis()) / 1000 + " seconds");
            }
        } else if (now - link.lastLineAtMillis() >= config.pingIntervalMillis()) {
            link.markPingSent(now);
            link.send(state.fromServer(Command.PING, state.serverName()));
        }
    }

    /** Leaves the chat: others who share a room see the QUIT once each (not at shutdown). */
    @Override
    public void onClose(String reason, boolean announce) {
        Outbound quit = null;
        if (user.isRegistered()) {
            // Shutting down, this server's own users are not told; the other nodes' users are.
            quit = state.says(user, Command.QUIT, announce ? reason : "Server shutting down");
            if (announce) {
                state.rooms().sendToRoommates(user, quit);
                state.rememberInRoomsOf(user, quit);
            }
        }
        state.network().quit(user, quit);
        state.remove(user);
    }

    boolean isCapNegotiating() {
        return capNegotiating;
    }

    void capNegotiating(boolean on) {
        capNegotiating = on;
    }

    /** What this connection asked for with CAP REQ (and cap-notify, implied by CAP LS 302). */
    public CapabilitySet capabilities() {
        return user.capabilities();
    }

    /** The highest CAP LS version this connection gave (0: none, or plain CAP LS). */
    int capVersion() {
        return capVersion;
    }

    void capVersion(int version) {
        capVersion = Math.max(capVersion, version);
    }

    /** A batch reference unique on this connection (IRCv3 batch: letters and digits). */
    String nextBatchRef() {
        return Long.toString(++batches, 36);
    }

    AccountCommands.Exchange sasl() {
        if (sasl == null) {
            sasl = new AccountCommands.Exchange();
        }
        return sasl;
    }

    /** True while a password of this connection is being checked off the loop. */
    public boolean isLoginPending() {
        return loginPending;
    }

    void loginPending(boolean pending) {
        loginPending = pending;
    }

    @Override
    public boolean holdsInput() {
        return nickPending;
    }

    /** True while this connection's nick is being claimed network-wide. */
    public boolean isNickPending() {
        return nickPending;
    }

    void nickPending(boolean pending) {
        nickPending = pending;
    }

    String passwordGiven() {
        return passwordGiven;
    }

    void passwordGiven(String password) {
        passwordGiven = password;
    }

    @Override
    public String toString() {
        return user.toString();
    }
}
