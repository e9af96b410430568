package chat.client;

import chat.client.auth.SaslLogin;
import chat.client.net.Fingerprint;
import chat.client.net.KnownServers;
import chat.client.net.TlsOptions;
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
        footer = {"  CHAT_HOST, CHAT_PORT, CHAT_NICK, CHAT_ROOM, CHAT_PASSWORD, CHAT_ACCOUNT: option defaults",
            "  CHAT_TLS=1: like --tls",
            "  CHAT_ACCOUNT_PASSWORD: the password for --account (else it is asked for, hidden)",
            "  XDG_CONFIG_HOME: where chat/known_servers is kept (default ~/.config)",
            "  USER: the nick when neither --nick nor CHAT_NICK is given",
            "  NO_COLOR: when set, no colours (like --no-color)",
            "%nWithout a terminal (a pipe, a file) lines are read and printed plainly:",
            "  echo hi | chat client --nick bot --room '#ops'   sends one line, leaves",
            "  echo hi | chat client --bot --nick robo          the same, marked a bot (+B)"})
public final class ClientMain implements Callable<Integer> {
    static final int DEFAULT_PORT = 6667;
    static final int DEFAULT_TLS_PORT = 6697;

    @Option(names = "--host", paramLabel = "HOST", description = "server host (default: $CHAT_HOST or localhost)")
    String host;

    @Option(names = "--port", paramLabel = "PORT", description = "server port (default: $CHAT_PORT, else 6667, 6697 with --tls)")
    Integer port;

    @Option(names = "--nick", paramLabel = "NICK", description = "your nickname (default: $CHAT_NICK, else $USER, else asks)")
    String nick;

    @Option(names = "--room", paramLabel = "ROOM", description = "room to join (default: $CHAT_ROOM or #lobby)")
    String room;

    @Option(names = "--password", paramLabel = "PASSWORD", description = "server password, sent as PASS (default: $CHAT_PASSWORD)")
    String password;

    @Option(names = "--tls", description = "connect with TLS: certificates are checked against the system's trust store; "
            + "a self-signed one is shown and asked about once (also CHAT_TLS=1)")
    boolean tls;

    @Option(names = "--tls-fingerprint", paramLabel = "SHA256:AB:CD:...",
            description = "trust exactly the server certificate with this SHA-256 fingerprint (implies --tls)")
    String tlsFingerprint;

    @Option(names = "--tls-cert", paramLabel = "FILE", description = "client certificate (PEM) to log in with (SASL EXTERNAL; "
            + "with --tls-key and --account)")
    Path tlsCert;

    @Option(names = "--tls-key", paramLabel = "FILE", description = "the client certificate's private key (PEM, PKCS#8)")
    Path tlsKey;

    @Option(names = "--account", paramLabel = "NAME", description = "log in to this account (SASL); the password comes from "
            + "$CHAT_ACCOUNT_PASSWORD or is asked for, never from the command line (default: $CHAT_ACCOUNT)")
    String account;

    @Option(names = "--bot", description = "mark this client a bot (user mode +B, IRCv3 bot-mode), e.g. for scripts")
    boolean bot;

    @Option(names = "--no-color", description = "no colours (also when NO_COLOR is set)")
    boolean noColor;

    @Option(names = "--history-file", paramLabel = "FILE",
            description = "input history, mode 0600 (default: one per server, ~/.local/state/chat/history-HOST-PORT)")
    Path historyFile;

    @Option(names = "--log-dir", paramLabel = "DIR",
            description = "write one plain-text log per room and person here (files mode 0600, lines with date and time)")
    Path logDir;

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
        System.exit(commandLine(new ClientMain()).execute(args));
    }

    /** One clear line and a hint instead of the whole usage text for a mistake on the command line. */
    static CommandLine commandLine(ClientMain main) {
        CommandLine commandLine = new CommandLine(main);
        commandLine.setParameterExceptionHandler((problem, args) -> {
            problem.getCommandLine().getErr().println("chat-client: " + problem.getMessage()
                    + " (see ./chat client --help)");
            return 2;
        });
        return commandLine;
    }

    @Override
    public Integer call() throws Exception {
        String chosenHost = firstOf(host, env.get("CHAT_HOST"), "localhost");
        TlsOptions tlsOptions = tlsOptions();
        int chosenPort = port != null ? port : portFromEnv(tlsOptions != null ? DEFAULT_TLS_PORT : DEFAULT_PORT);
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
        Path history = historyFile != null ? historyFile : chat.client.ui.HistoryFiles.defaultFor(env, chosenHost, chosenPort);
        ClientConfig config = ClientConfig.of(chosenHost, chosenPort, chosenNick, chosenRoom,
                firstOf(password, env.get("CHAT_PASSWORD"), null), color, history).withLogDir(logDir).withBot(bot);
        boolean interactive = plainIn == null && stdinAndStdoutAreTerminals();
        config = config.withIdentity(tlsOptions, login(tlsOptions, interactive));
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

    /** TLS when asked for by --tls, CHAT_TLS or an option that only makes sense with it; else null. */
    private TlsOptions tlsOptions() {
        String fromEnv = env.get("CHAT_TLS");
        boolean envTls = fromEnv != null && java.util.Set.of("1", "true", "yes", "on").contains(fromEnv.strip().toLowerCase(java.util.Locale.ROOT));
        if ((tlsCert == null) != (tlsKey == null)) {
            throw new ParameterException(spec.commandLine(), "--tls-cert and --tls-key go together");
        }
        if (!tls && !envTls && tlsFingerprint == null && tlsCert == null) {
            return null;
        }
        Fingerprint pinned = null;
        if (tlsFingerprint != null) {
            try {
                pinned = Fingerprint.parse(tlsFingerprint);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--tls-fingerprint: " + e.getMessage());
            }
        }
        for (Path file : new Path[] {tlsCert, tlsKey}) {
            if (file != null && !java.nio.file.Files.isReadable(file)) {
                throw new ParameterException(spec.commandLine(), "cannot read " + file);
            }
        }
        return new TlsOptions(pinned, new KnownServers(KnownServers.defaultFile(env)), tlsCert, tlsKey);
    }

    /**
     * Who logs in on connecting: --account with $CHAT_ACCOUNT_PASSWORD, or with the certificate;
     * the password is null when it is to be asked for on the terminal.
     */
    private SaslLogin.Credentials login(TlsOptions tlsOptions, boolean interactive) {
        String name = firstOf(account, env.get("CHAT_ACCOUNT"), null);
        boolean certificate = tlsOptions != null && tlsOptions.hasClientCertificate();
        if (name == null) {
            if (certificate) {
                throw new ParameterException(spec.commandLine(), "--tls-cert logs in to an account: give --account too");
            }
            return null;
        }
        String secret = env.get("CHAT_ACCOUNT_PASSWORD");
        if ((secret == null || secret.isEmpty()) && !interactive && !certificate) {
            throw new ParameterException(spec.commandLine(),
                    "--account " + name + ": set CHAT_ACCOUNT_PASSWORD (there is no terminal to ask for the password on)");
        }
        return new SaslLogin.Credentials(name, secret == null || secret.isEmpty() ? null : secret, certificate);
    }

    private int portFromEnv(int fallback) {
        String text = env.get("CHAT_PORT");
        if (text == null || text.isBlank()) {
            return fallback;
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
