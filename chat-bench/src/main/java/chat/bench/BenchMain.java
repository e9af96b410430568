package chat.bench;

import picocli.CommandLine;

/** The main class of {@code chat-bench.jar}: {@code java -jar chat-bench/target/chat-bench.jar --help} ({@code ./chat bench}). */
public final class BenchMain {
    private BenchMain() {
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchCommand()).execute(args));
    }
}
