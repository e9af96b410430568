package chat.client.bench;

import picocli.CommandLine;

/** Runs {@code chat bench} on its own: {@code java -cp chat-client.jar chat.client.bench.BenchMain --help}. */
public final class BenchMain {
    private BenchMain() {
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchCommand()).execute(args));
    }
}
