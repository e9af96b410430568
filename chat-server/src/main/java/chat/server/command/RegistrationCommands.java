package chat.server.command;

import chat.server.account.ServerBan;
import chat.server.model.Capability;
import chat.server.model.CapabilitySet;
import chat.protocol.Command;
import chat.protocol.IrcMessage;
import chat.protocol.IrcNames;
import chat.protocol.Numeric;
import chat.protocol.ProtocolLimits;
import chat.server.model.ServerState;
import chat.server.model.User;
import chat.server.net.WireFormat;
import chat.server.net.Outbound;
import java.util.List;
import java.util.Locale;

/** CAP, PASS, NICK and USER: connection registration (RFC 2812 section 3.1, IRCv3 capability negotiation). */
final class RegistrationCommands {
    private static final int MAX_USER_CHARS = 10;

    private final ServerState state;
    private final ServerInfo info;

    private final Logins logins;
    private final Admission admission;

    RegistrationCommands(ServerState state, ServerInfo info) {
        this.state = state;
        this.info = info;
        this.logins = new Logins(state);
        this.admission = new Admission(state);
    }

    // CAP LS [302] | CAP LIST | CAP REQ :caps | CAP END (IRCv3 capability negotiation). LS or REQ
    // before registration holds it until END; LS 302 shows values and enables cap-notify.
    void cap(User user, IrcMessage message, Replies replies) {
        String sub = message.param(0).toUpperCase(Locale.ROOT);
        ClientSession session = replies.session();
        switch (sub) {
            case "LS" -> {
                holdRegistration(user, session);
                int version = CapNegotiation.version(message.param(1));
                session.capVersion(version);
                if (session.capVersion() >= CapNegotiation.VALUES_VERSION) {
                    session.capabilities().enable(Capability.CAP_NOTIFY);
                }
                sendList(user, replies, "LS", CapNegotiation.offered(session.capVersion(), this::offers,
                        AccountCommands::capValue, state.config().tls().stsValue(session.link().secure())));
            }
            case "LIST" -> sendList(user, replies, "LIST", session.capabilities().names());
            case "REQ" -> {
                holdRegistration(user, session);
                String asked = message.paramCount() > 1 ? message.param(1) : "";
                boolean taken = CapNegotiation.apply(asked, session.capabilities(), session.capVersion(), this::offers);
                if (taken) {
                    CapabilitySet caps = session.capabilities();
                    // From the ACK on, relayed lines come in the shape these tags ask for.
                    session.link().useFormat(WireFormat.irc(caps.has(Capability.MESSAGE_TAGS),
                            caps.has(Capability.SERVER_TIME), caps.has(Capability.ACCOUNT_TAG)));
                    if (caps.has(Capability.MESSAGE_TAGS)) {
                        session.link().allowMessageTags();
                    }
                }
                replies.send(state.fromServer(Command.CAP, user.nickOrStar(), taken ? "ACK" : "NAK", asked));
            }
            case "END" -> {
                session.capNegotiating(false);
                completeIfReady(user, replies);
            }
            default -> replies.numeric(Numeric.ERR_INVALIDCAPCMD, message.param(0), "Invalid CAP command");
        }
    }

    /** Whether this server offers {@code cap}: history's only with history, REGISTER only while open. */
    private boolean offers(Capability cap) {
        if (cap.needsHistory()) {
            return state.history().enabled();
        }
        return cap != Capability.ACCOUNT_REGISTRATION || state.identity().config().openRegistration();
    }

    private static void holdRegistration(User user, ClientSession session) {
        if (!user.isRegistered()) {
            session.capNegotiating(true);
        }
    }

    /** LS and LIST in as many lines as needed, every one but the last marked with "*". */
    private void sendList(User user, Replies replies, String sub, List<String> tokens) {
        String nick = user.nickOrStar();
        int room = ProtocolLimits.MAX_LINE_BYTES - 2
                - (":" + state.serverName() + " CAP " + nick + " " + sub + " * :").length();
        List<String> lines = CapNegotiation.pack(tokens, room);
        for (int i = 0; i < lines.size(); i++) {
            replies.send(i < lines.size() - 1
                    ? state.fromServer(Command.CAP, nick, sub, "*", lines.get(i))
                    : state.fromServer(Command.CAP, nick, sub, lines.get(i)));
        }
    }

    // PASS <password>: only before registration (RFC 2812 3.1.1).
    void pass(User user, IrcMessage message, Replies replies) {
        if (user.isRegistered()) {
            replies.numeric(Numeric.ERR_ALREADYREGISTERED, "You may not reregister");
            return;
        }
        replies.session().passwordGiven(message.param(0));
    }

    // NICK <nickname>: choose or change the nick (RFC 2812 3.1.2).
    void nick(User user, IrcMessage message, Replies replies) {
        String wanted = message.param(0);
        if (wanted == null || wanted.isEmpty()) {
            replies.numeric(Numeric.ERR_NONICKNAMEGIVEN, "No nickname given");
            return;
        }
        String problem = NickRules.problem(state, wanted);
        if (problem != null) {
            replies.numeric(Numeric.ERR_ERRONEUSNICKNAME, wanted, "Erroneous nickname: " + problem);
            return;
        }
        if (state.nicks().isTakenByOther(wanted, user)) {
            replies.numeric(Numeric.ERR_NICKNAMEINUSE, wanted, "Nickname is already in use");
            return;
        }
        if (user.isRegistered() && !logins.mayHold(user, wanted)) {
            // Before registration the check waits for its end: a SASL login may still come.
            replies.numeric(Numeric.ERR_NICKNAMEINUSE, wanted, Logins.registeredNick(wanted));
            return;
        }
        if (wanted.equals(user.nick())) {
            return;
        }
        ClientSession session = replies.session();
        if (session.isNickPending()) {
            replies.numeric(Numeric.ERR_NICKNAMEINUSE, wanted, "Another nick change of yours is still being made");
            return;
        }
        // In a cluster the nick must be claimed network-wide first (off the loop); the answer,
        // labels and registration wait for it. One server answers at once.
        session.nickPending(true);
        replies.keepOpen();
        state.network().claimNick(user, wanted, held -> {
            session.nickPending(false);
            if (session.link().isClosing()) {
                return;
            }
            if (!held || state.nicks().isTakenByOther(wanted, user)) {
                replies.numeric(Numeric.ERR_NICKNAMEINUSE, wanted, "Nickname is already in use");
            } else if (user.isRegistered()) {
                // Announced once to the user and to everyone sharing a room, with the old nick as source.
                replies.send(state.changeNick(user, wanted));
            } else {
                state.nicks().rename(user, wanted);
                completeIfReady(user, replies);
            }
            replies.close();
        });
    }

    // SETNAME :<realname> (IRCv3 setname): refused with FAIL, never cut as USER's is, since the
    // user is there to see it. Without the capability it works silently, as the spec asks.
    void setname(User user, IrcMessage message, Replies replies) {
        String name = message.param(0);
        if (name == null || name.isBlank() || name.length() > ProtocolLimits.MAX_REAL_NAME_CHARS) {
            replies.fail(Command.SETNAME, "INVALID_REALNAME", "Realname is not valid (1 to "
                    + ProtocolLimits.MAX_REAL_NAME_CHARS + " characters)");
            return;
        }
        user.realName(name);
        Outbound changed = state.says(user, Command.SETNAME, name);
        state.rooms().sendToRoommates(user, changed, Capability.SETNAME);
        state.network().changed(user);
        if (user.capabilities().has(Capability.SETNAME)) {
            replies.send(changed);
        }
    }

    // USER <user> <mode> <unused> :<realname> (RFC 2812 3.1.3).
    void user(User user, IrcMessage message, Replies replies) {
        if (user.isRegistered()) {
            replies.numeric(Numeric.ERR_ALREADYREGISTERED, "You may not reregister");
            return;
        }
        if (message.param(0).isEmpty() || message.param(3).isEmpty()) {
            replies.needMoreParams(Command.USER); // modern.ircdocs.horse: an empty username or realname is missing
            return;
        }
        user.userName(userName(message.param(0)));
        String realName = message.param(3);
        // Cut, not refused, like TOPICLEN: it appears in every WHO and WHOIS reply about this user.
        user.realName(realName.length() > ProtocolLimits.MAX_REAL_NAME_CHARS
                ? realName.substring(0, ProtocolLimits.MAX_REAL_NAME_CHARS) : realName);
        completeIfReady(user, replies);
    }

    /** The user name shown in prefixes: only the characters of a plain word are kept, "~u" if none. */
    private static String userName(String given) {
        StringBuilder out = new StringBuilder(MAX_USER_CHARS);
        for (int i = 0; i < given.length() && out.length() < MAX_USER_CHARS; i++) {
            char c = given.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
                    || c == '.' || c == '~') {
                out.append(c);
            }
        }
        return out.length() == 0 ? "~u" : out.toString();
    }

    /**
     * Completes registration once NICK, USER, CAP END and any login are in: the server password,
     * the operator's bans and nick ownership are checked here, at the end, as a SASL login may
     * come after NICK.
     */
    void completeIfReady(User user, Replies replies) {
        ClientSession session = replies.session();
        if (user.isRegistered() || user.nick() == null || user.userName() == null
                || session.isCapNegotiating() || session.isLoginPending() || session.isNickPending()) {
            return;
        }
        String password = state.config().password();
        if (password != null && !password.equals(session.passwordGiven())) {
            replies.numeric(Numeric.ERR_PASSWDMISMATCH, "Password incorrect");
            user.disconnect("Bad password");
            return;
        }
        ServerBan ban = admission.banOf(user);
        if (ban != null) {
            replies.numeric(Numeric.ERR_YOUREBANNEDCREEP, Admission.bannedText(ban));
            user.disconnect("Banned", Admission.bannedText(ban));
            return;
        }
        if (!logins.mayHold(user, user.nick())) {
            String nick = user.nick();
            state.nicks().unassign(user); // numerics say "*" again; NICK picks another
            replies.numeric(Numeric.ERR_NICKNAMEINUSE, nick, Logins.registeredNick(nick));
            return;
        }
        state.markRegistered(user);
        info.welcome(replies);
    }
}
