package chat.server.command;

import chat.protocol.IrcMessage;
import chat.server.model.User;

/** Handles one IRC command from one user; answers through {@code replies}; runs on the loop thread and never blocks. */
@FunctionalInterface
interface CommandHandler {
    void handle(User user, IrcMessage message, Replies replies);
}
