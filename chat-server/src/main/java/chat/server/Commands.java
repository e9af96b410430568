package chat.server;

/** Assembles the dispatch table from the command groups. */
final class Commands {
    private Commands() {
    }

    static CommandDispatcher table(ChatState state) {
        CommandDispatcher dispatcher = new CommandDispatcher(state);
        ServerInfo info = new ServerInfo(state);
        RoomCommands rooms = new RoomCommands(state);
        new RegistrationCommands(state, info).registerWith(dispatcher);
        new SessionCommands(state).registerWith(dispatcher);
        rooms.registerWith(dispatcher);
        new ModeCommands(state, rooms).registerWith(dispatcher);
        new MessageCommands(state).registerWith(dispatcher);
        new QueryCommands(state, info).registerWith(dispatcher);
        return dispatcher;
    }
}
