package chat.server.command;

import chat.protocol.Command;
import chat.protocol.IrcMessage;
import chat.protocol.Numeric;
import chat.server.model.Capability;
import chat.server.model.Room;
import chat.server.model.ServerState;
import chat.server.model.User;
import chat.server.net.Outbound;
import chat.server.net.ReplyStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The answer to one command: everything a handler says back to the connection the command came
 * from goes through here (numerics, errors, lines about the sender). It is the one place where
 * per-command reply properties belong (IRCv3 labels and batches), so handlers never learn about
 * them. The common errors are written once here.
 */
public final class Replies {
    private final ServerState state;
    private final ClientSession session;
    /** Null unless the command carried a label this connection may use (labeled-response and batch). */
    private final LabeledResponse labeled;

    Replies(ServerState state, ClientSession session) {
        this(state, session, null);
    }

    Replies(ServerState state, ClientSession session, String label) {
        this.state = state;
        this.session = session;
        this.labeled = label == null ? null
                : new LabeledResponse(session.link(), state.serverName(), label, session::nextBatchRef);
    }

    public ClientSession session() {
        return session;
    }

    /** True when the command carried a label: its answer, own copies included, belongs together. */
    boolean isLabeled() {
        return labeled != null;
    }

    private boolean errorsSilenced;

    /**
     * No error numerics for the rest of this command: RFC 2812 3.3.2 says a server must not send
     * any error reply to a NOTICE (two bots answering each other's errors would loop forever).
     */
    void silenceErrors() {
        errorsSilenced = true;
    }

    /** A numeric from the server: ":server NNN nick params...". */
    public void numeric(String numeric, String... params) {
        if (errorsSilenced && (numeric.charAt(0) == '4' || numeric.charAt(0) == '5')) {
            return;
        }
        send(numericMessage(numeric, params));
    }

    /** The numeric {@link #numeric} would send, not sent (a line of a streamed reply). */
    IrcMessage numericMessage(String numeric, String... params) {
        List<String> all = new ArrayList<>(params.length + 1);
        all.add(session.user().nickOrStar());
        for (int i = 0; i < params.length; i++) {
            all.add(i < params.length - 1 ? asWord(params[i]) : params[i]);
        }
        return new IrcMessage(Map.of(), state.serverName(), numeric, all);
    }

    /** Any line to the connection this command came from; it waits behind a streamed reply. */
    public void send(IrcMessage message) {
        message = timed(message);
        if (labeled != null) {
            labeled.send(message);
        } else {
            session.link().send(message);
        }
    }

    /**
     * The sender's own copy of a line others get too (its JOIN, its echoed PRIVMSG): shared bytes,
     * unless the command was labeled and this copy must carry the label or the batch tag. It may
     * fall between the lines of a streamed reply.
     */
    public void send(Outbound message) {
        if (labeled != null) {
            labeled.send(message.message());
        } else {
            session.link().send(message);
        }
    }

    /**
     * A long reply (LIST, WHO, NAMES) that is produced as the client drains it, never queued whole
     * (see {@link ReplyStream} and {@link ReplyStreams}). Replies given after it, to this command or
     * later ones, are sent after its last line; handlers need do nothing else to keep the order.
     */
    public void stream(ReplyStream lines) {
        if (labeled != null) {
            labeled.stream(lines);
        } else {
            session.link().stream(lines);
        }
    }

    /**
     * server-time on a reply too, as InspIRCd does, so a client shows the server's clock on every
     * line; a reply is one connection's, so this costs nothing to anyone who did not ask.
     */
    private IrcMessage timed(IrcMessage message) {
        if (!session.capabilities().has(Capability.SERVER_TIME) || message.tags().containsKey("time")) {
            return message;
        }
        return message.withTagFirst("time", state.formatTime(state.clock().epochMillis()));
    }

    private boolean keptOpen;

    /**
     * The answer comes later (from a history query): the command is not finished when its
     * handler returns, but when {@link #close()} is called on the loop thread with the last line.
     */
    void keepOpen() {
        keptOpen = true;
    }

    /** A kept-open answer is complete. */
    void close() {
        if (labeled != null) {
            labeled.finish();
        }
    }

    /** The command is done: a labeled one gets its label, batch end or ACK now (a kept-open one later). */
    void finish() {
        if (labeled != null && !keptOpen) {
            labeled.finish();
        }
    }

    /** The member's room prefix as this connection wants it: all of them with multi-prefix, else the highest. */
    String memberPrefix(Room room, User member) {
        return session.capabilities().has(Capability.MULTI_PREFIX) ? room.allPrefixesOf(member) : room.prefixOf(member);
    }

    /**
     * A standard reply (IRCv3 standard-replies): {@code FAIL <command> <code> [context...] :<text>},
     * from the server, labeled like any reply.
     */
    public void fail(String command, String code, String... contextAndText) {
        String[] params = new String[contextAndText.length + 2];
        params[0] = command;
        params[1] = code;
        System.arraycopy(contextAndText, 0, params, 2, contextAndText.length);
        send(state.fromServer(Command.FAIL, params));
    }

    /** A command from the server (BATCH, CHATHISTORY TARGETS), not a numeric. */
    IrcMessage server(String command, String... params) {
        return state.fromServer(command, params);
    }

    /** 401: no user by that nick. */
    public void noSuchNick(String nick) {
        numeric(Numeric.ERR_NOSUCHNICK, orStar(nick), "No such nick/channel");
    }

    /** 403: no room by that name. */
    public void noSuchChannel(String name) {
        numeric(Numeric.ERR_NOSUCHCHANNEL, orStar(name), "No such channel");
    }

    /** 442: the sender is not in the room. */
    public void notOnChannel(Room room) {
        numeric(Numeric.ERR_NOTONCHANNEL, room.name(), "You're not on that channel");
    }

    /** 441: the named user is not in the room. */
    public void userNotInChannel(User target, Room room) {
        numeric(Numeric.ERR_USERNOTINCHANNEL, target.nick(), room.name(), "They aren't on that channel");
    }

    /** 482: the sender is not an operator of the room. */
    public void notChannelOperator(Room room) {
        numeric(Numeric.ERR_CHANOPRIVSNEEDED, room.name(), "You're not channel operator");
    }

    /** 461: the command needs more parameters. */
    public void needMoreParams(String command) {
        numeric(Numeric.ERR_NEEDMOREPARAMS, command, "Not enough parameters");
    }

    /** 451: only registered users may do that. */
    public void notRegistered() {
        numeric(Numeric.ERR_NOTREGISTERED, "You have not registered");
    }

    /** The client's word, or "*" where it sent an empty one (numerics need a word there). */
    static String orStar(String word) {
        return word == null || word.isEmpty() ? "*" : word;
    }

    /**
     * A middle parameter made encodable: error replies echo what the client sent (a nick, a room,
     * a mode letter), and a client may send an empty word, a space or a leading ':' there.
     * Refusing to encode would turn the client's mistake into a server error.
     */
    static String asWord(String param) {
        if (param == null || param.isEmpty()) {
            return "*";
        }
        String word = param.replace(' ', '_');
        return word.charAt(0) == ':' ? "_" + word.substring(1) : word;
    }
}
