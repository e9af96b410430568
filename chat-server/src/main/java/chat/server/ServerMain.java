package chat.server;

/** Placeholder until the selector server lands (issue 3): says so plainly and exits. */
public final class ServerMain {
    private ServerMain() {
    }

    public static void main(String[] args) {
        System.err.println("chat-server: not built yet (the relay server is being written)");
        System.exit(1);
    }
}
