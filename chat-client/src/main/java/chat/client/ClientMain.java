package chat.client;

import chat.protocol.IrcNames;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The chat client's command line. It has no subcommands: the load generator is its own program
 * (chat-bench, {@code ./chat bench}).
 */
@Command(name = "chat client", mixinStandardHelpOptions = true, versionProvider = ClientMain.Version.class,
        description = "A full-duplex terminal chat client for the chat server (or any IRC server): "
                + "type while messages arrive above your prompt. 88 alone on a line leaves.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:you left (88, /quit, Ctrl-D, end of piped input)",
            "1:the connection was refused or lost (without a terminal), or every nick fallback was taken",
            "2:bad usage (unknown option, invalid port or nick)"},
        footerHeading = "%nEnvironment:%n",
        footer = {"  CHAT_HOST, CHAT_PORT, CHAT_NICK, CHAT_ROOM, CHAT_PASSWORD: option defaults",
            "  USER: the nick when neither --nick nor CHAT_NICK is given",
            "  NO_COLOR: when set, no colours (like --no-color)",
            "%nWithout a terminal (a pipe, a file) lines are read and printed plainly:",
            "  echo hi | chat client --nick bot --room '#ops'   sends one line, leaves",
            "  echo hi | chat client --bot --nick robo          the same, marked a bot (+B)"})
public final class ClientMain implements Callable<Integer> {
    static final int DEFAULT_PORT = 6667;

    @Option(names = "--host", paramLabel = "HOST", description = "server host (default: $CHAT_HOST or localhost)")
    String host;

    @Option(names = "--port", paramLabel = "PORT", description = "server port (default: $CHAT_PORT or 6667)")
    Integer port;

    @Option(names = "--nick", paramLabel = "NICK", description = "your nickname (default: $CHAT_NICK, else $USER, else asks)")
    String nick;

    @Option(names = "--room", paramLabel = "ROOM", description = "room to join (default: $CHAT_ROOM or #lobby)")
    String room;

    @Option(names = "--password", paramLabel = "PASSWORD", description = "server password, sent as PASS (default: $CHAT_PASSWORD)")
    String password;

    @Option(names = "--bot", description = "mark this client a bot (user mode +B, IRCv3 bot-mode), e.g. for scripts")
    boolean bot;

    @Option(names = "--no-color", description = "no colours (also when NO_COLOR is set)")
    boolean noColor;

    @Option(names = "--history-file", paramLabel = "FILE", description = "input history (default: ~/.chat_history)")
    Path historyFile;

    @Spec
    CommandSpec spec;

    private final Map<String, String> env;
    private final InputStream plainIn;
    private final PrintStream plainOut;

    public ClientMain() {
        this(System.getenv(), null, null);
    }

    /** For tests: this environment, and plain mode on these streams (null: decide by the real console). */
    ClientMain(Map<String, String> env, InputStream plainIn, PrintStream plainOut) {
        this.env = env;
        this.plainIn = plainIn;
        this.plainOut = plainOut;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new ClientMain()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        String chosenHost = firstOf(host, env.get("CHAT_HOST"), "localhost");
        int chosenPort = port != null ? port : portFromEnv();
        if (chosenPort < 1 || chosenPort > 65535) {
            throw new ParameterException(spec.commandLine(), "--port must be 1-65535, not " + chosenPort);
        }
        String chosenRoom = firstOf(room, env.get("CHAT_ROOM"), "#lobby");
        if (!chosenRoom.startsWith("#")) {
            chosenRoom = "#" + chosenRoom;
        }
        if (!IrcNames.isValidRoomName(chosenRoom)) {
            throw new ParameterException(spec.commandLine(), "not a room name: " + chosenRoom);
        }
        String chosenNick = chooseNick();
        boolean color = !noColor && env.get("NO_COLOR") == null;
        Path history = historyFile != null ? historyFile : Path.of(System.getProperty("user.home"), ".chat_history");
        ClientConfig config = ClientConfig.of(chosenHost, chosenPort, chosenNick, chosenRoom,
                firstOf(password, env.get("CHAT_PASSWORD"), null), color, history).withBot(bot);
        boolean interactive = plainIn == null && stdinAndStdoutAreTerminals();
        if (!interactive) {
            if (chosenNick == null) {
                throw new ParameterException(spec.commandLine(), "no nickname: give --nick or set CHAT_NICK");
            }
            return ChatClient.runPlain(config.withNick(chosenNick),
                    plainIn != null ? plainIn : System.in, plainOut != null ? plainOut : System.out,
                    spec.commandLine().getErr());
        }
        try (Terminal terminal = systemTerminal()) {
            return ChatClient.runInteractive(config, terminal, spec.commandLine().getErr());
        }
    }

    /**
     * The JNI provider (its native library ships in the jline bundle) when it works, else JLine's own
     * search. Left to itself JLine first tries its FFM (Java 22+), Jansi and JNA providers, each
     * failing here with a class-loading exception, and may run {@code test -t} subprocesses to ask
     * whether a stream is a terminal: about 0.1 s of the start to the prompt.
     */
    private static Terminal systemTerminal() throws IOException {
        try {
            return TerminalBuilder.builder().system(true).provider("jni").dumb(false).build();
        } catch (IOException | RuntimeException | LinkageError jniUnavailable) {
            return TerminalBuilder.builder().system(true).build();
        }
    }

    /** --nick must be valid; an unusable $CHAT_NICK or $USER only means we ask (or fail without a terminal). */
    private String chooseNick() {
        if (nick != null) {
            String problem = IrcNames.nickProblem(nick);
            if (problem != null) {
                throw new ParameterException(spec.commandLine(), "--nick " + nick + ": " + problem);
            }
            return nick;
        }
        for (String candidate : new String[] {env.get("CHAT_NICK"), env.get("USER")}) {
            if (candidate != null && IrcNames.isValidNick(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /**
     * Up to Java 21, System.console() exists only when stdin and stdout are both terminals. From
     * Java 22 it may exist anyway, and Console.isTerminal() (looked up reflectively, since this
     * compiles for 17) gives the answer.
     */
    static boolean stdinAndStdoutAreTerminals() {
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException olderJava) {
            return true;
        }
    }

    private int portFromEnv() {
        String text = env.get("CHAT_PORT");
        if (text == null || text.isBlank()) {
            return DEFAULT_PORT;
        }
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new ParameterException(spec.commandLine(), "CHAT_PORT is not a port number: " + text);
        }
    }

    private static String firstOf(String given, String fromEnv, String fallback) {
        if (given != null) {
            return given;
        }
        return fromEnv != null && !fromEnv.isBlank() ? fromEnv : fallback;
    }

    /** The version from the jar manifest (set by the build), or a plain note when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = ClientMain.class.getPackage().getImplementationVersion();
            return new String[] {"chat client " + (version == null ? "(development build)" : version)};
        }
    }
}
