package chat.server.command;

import chat.protocol.Command;
import chat.protocol.IrcMessage;
import chat.server.model.ServerState;
import chat.server.model.User;

/** PING, PONG and QUIT: keeping a connection alive and ending it (RFC 2812 3.1.7, 3.7.2, 3.7.3). */
final class SessionCommands {
    private final ServerState state;

    SessionCommands(ServerState state) {
        this.state = state;
    }

    // PING <token>: answered "PONG <server> :<token>" so clients can synchronise on it.
    void ping(User user, IrcMessage message, Replies replies) {
        replies.send(state.fromServer(Command.PONG, state.serverName(), message.param(0)));
    }

    // PONG [<server>] <token>: nothing to answer; the line itself proved the client alive.
    void pong(User user, IrcMessage message, Replies replies) {
    }

    // QUIT [:<reason>]: others see "Quit: <reason>" (our client sends "88"), never the bare words.
    void quit(User user, IrcMessage message, Replies replies) {
        String reason = message.paramCount() > 0 ? message.param(0) : "";
        user.quits(reason, "Closing Link: " + user.host() + " (" + (reason.isEmpty() ? "Client Quit" : "Quit: " + reason) + ")");
    }
}
