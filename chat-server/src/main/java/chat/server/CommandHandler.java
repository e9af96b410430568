package chat.server;

import chat.protocol.IrcMessage;

/** Handles one IRC command for one connection; runs on the loop thread and never blocks. */
@FunctionalInterface
interface CommandHandler {
    void handle(Connection connection, IrcMessage message);
}
