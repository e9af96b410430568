package chat.server;

import chat.protocol.Command;
import chat.protocol.IrcMessage;

/** PING, PONG and QUIT: keeping a connection alive and ending it (RFC 2812 3.1.7, 3.7.2, 3.7.3). */
final class SessionCommands {
    private final ChatState state;

    SessionCommands(ChatState state) {
        this.state = state;
    }

    void registerWith(CommandDispatcher dispatcher) {
        dispatcher.registerAnytime(Command.PING, 1, this::ping);
        dispatcher.registerAnytime(Command.PONG, 0, (connection, message) -> { }); // any line proves liveness
        dispatcher.registerAnytime(Command.QUIT, 0, this::quit);
    }

    // PING <token>: answered "PONG <server> :<token>" so clients can synchronise on it.
    private void ping(Connection connection, IrcMessage message) {
        connection.send(state.fromServer(Command.PONG, state.serverName, message.param(0)));
    }

    // QUIT [:<reason>]: others see the reason as given (our client sends "88").
    private void quit(Connection connection, IrcMessage message) {
        String reason = message.paramCount() > 0 && !message.param(0).isEmpty() ? message.param(0) : "Client quit";
        connection.requestClose(reason, "Closing Link: " + connection.peerAddress + " (Quit: " + reason + ")");
    }
}
