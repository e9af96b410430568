package chat.client;

/** Placeholder until the terminal client lands (issue 4): says so plainly and exits. */
public final class ClientMain {
    private ClientMain() {
    }

    public static void main(String[] args) {
        System.err.println("chat-client: not built yet (the terminal client is being written)");
        System.exit(1);
    }
}
