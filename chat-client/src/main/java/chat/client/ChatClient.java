package chat.client;

import chat.client.auth.SaslLogin;
import chat.client.net.KnownServers;
import chat.client.net.NetworkLoop;
import chat.client.net.ReconnectBackoff;
import chat.client.net.SendPacer;
import chat.client.session.AccountParts;
import chat.client.session.Accounts;
import chat.client.session.ClientState;
import chat.client.session.IgnoreList;
import chat.client.session.PrivateFiles;
import chat.client.session.SecretPrompt;
import chat.client.session.WindowParts;
import chat.client.session.Ircv3Parts;
import chat.client.session.ServerMessageHandler;
import chat.client.session.StateCell;
import chat.client.session.TypedLineHandler;
import chat.client.ui.ChatCompleter;
import chat.client.ui.ConsoleLoop;
import chat.client.ui.ConsoleReader;
import chat.client.ui.ConsoleSecrets;
import chat.client.ui.ConversationLog;
import chat.client.ui.StatusLine;
import chat.client.ui.JLineScreen;
import chat.client.ui.MessageRenderer;
import chat.client.ui.PlainInputLoop;
import chat.client.ui.PlainScreen;
import chat.client.ui.Screen;
import chat.client.ui.Styles;

import chat.protocol.IrcNames;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalTime;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.jline.reader.LineReader;
import org.jline.terminal.Terminal;
import org.jline.utils.InfoCmp;
import org.jline.utils.Status;

/**
 * One chat session from connect to exit: wires the network thread and the console thread together
 * and returns the exit code (0 left, 1 connection refused or lost).
 */
public final class ChatClient {
    private static final long NETWORK_STOP_WAIT_MILLIS = 3_000;
    /** How often the status bar is looked at again (its clock, the send queue, the reconnect countdown). */
    private static final long STATUS_TICK_MILLIS = 1_000;

    private ChatClient() {
    }

    /** On a terminal: JLine line editing, colours, completion, history, reconnects until the user leaves. */
    static int runInteractive(ClientConfig config, Terminal terminal, PrintWriter err) throws IOException {
        WindowParts parts = WindowParts.create(IgnoreList.in(IgnoreList.defaultFile(System.getenv())));
        Path historyFile = privateHistory(config.historyFile(), err);
        StateCell state = new StateCell(ClientState.initial(config.nick() == null ? "" : config.nick(), config.room()));
        ConsoleReader reader = ConsoleReader.create(terminal, new ChatCompleter(state, parts.directory()), historyFile);
        JLineScreen screen = new JLineScreen(reader);
        if (config.nick() == null) {
            config = config.withNick(askNick(reader, screen));
            state = new StateCell(ClientState.initial(config.nick(), config.room()));
            reader = ConsoleReader.create(terminal, new ChatCompleter(state, parts.directory()), historyFile);
            screen = new JLineScreen(reader);
        }
        SecretPrompt secrets = new ConsoleSecrets(reader, screen);
        config = withPassword(config, secrets, screen);
        Session session = new Session(config, state, screen, true, secrets, parts);
        reader.onEdit(session.lines::edited);
        reader.onPageUp(session.lines::olderHistory);
        reader.onWindowKeys(session.lines::showWindow, session.lines::stepWindow);
        StateCell shown = state;
        JLineScreen bar = screen;
        screen.statusBarFrom(() -> StatusLine.of(shown.get(), session.network.queuedLines(),
                parts.link().describe(System.currentTimeMillis()), LocalTime.now()));
        // The bar's clock, queue count and reconnect countdown change without any line arriving.
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "chat-status-bar");
            thread.setDaemon(true);
            return thread;
        });
        ticker.scheduleWithFixedDelay(bar::refreshStatusBar, STATUS_TICK_MILLIS, STATUS_TICK_MILLIS, TimeUnit.MILLISECONDS);
        Thread console = new Thread(new ConsoleLoop(reader, screen, state, session.lines), "chat-console");
        console.setDaemon(true);
        int code = session.run(console, err);
        ticker.shutdownNow();
        try {
            reader.getHistory().save();
            if (historyFile != null) {
                PrivateFiles.restrict(historyFile); // JLine writes a new file on save
            }
        } catch (IOException unsaved) {
            err.println("chat-client: could not save the input history: " + unsaved.getMessage());
        }
        // Give the status bar's row back to the shell (hiding it restores the whole scroll region).
        reader.locked(() -> Status.getExistingStatus(terminal).ifPresent(Status::hide));
        // Erase the abandoned prompt line and restore the terminal before any last words.
        terminal.puts(InfoCmp.Capability.carriage_return);
        terminal.puts(InfoCmp.Capability.clr_eol);
        terminal.flush();
        terminal.close();
        session.reportFailure(err);
        return code;
    }

    /** Without a terminal: plain lines in and out; a lost connection ends the session with 1. */
    static int runPlain(ClientConfig config, InputStream in, PrintStream out, PrintWriter err) throws IOException {
        StateCell state = new StateCell(ClientState.initial(config.nick(), config.room()));
        Session session = new Session(config, state, new PlainScreen(out), false, SecretPrompt.NONE,
                WindowParts.create(IgnoreList.in(IgnoreList.defaultFile(System.getenv()))));
        Thread input = new Thread(new PlainInputLoop(in, session.lines), "chat-stdin");
        input.setDaemon(true);
        int code = session.run(input, err);
        session.reportFailure(err);
        return code;
    }

    /** --account without $CHAT_ACCOUNT_PASSWORD: asked for now, hidden; nothing typed means no login. */
    private static ClientConfig withPassword(ClientConfig config, SecretPrompt secrets, JLineScreen screen) {
        SaslLogin.Credentials login = config.login();
        if (login == null || login.password() != null || login.clientCertificate()) {
            return config;
        }
        String password = secrets.ask("password for account " + login.account() + ": ");
        if (password == null || password.isEmpty()) {
            screen.tell("no password: connecting as a guest");
            return config.withIdentity(config.tls(), null);
        }
        return config.withIdentity(config.tls(), new SaslLogin.Credentials(login.account(), password, false));
    }

    /** The history file, made private (0600) before JLine reads or writes it; null (no history kept) when it cannot be. */
    private static Path privateHistory(Path file, PrintWriter err) {
        if (file == null) {
            return null;
        }
        try {
            return PrivateFiles.prepare(file);
        } catch (IOException | RuntimeException e) {
            err.println("chat-client: not keeping an input history: cannot use " + file + ": " + e.getMessage());
            err.flush();
            return null;
        }
    }

    private static String askNick(LineReader reader, JLineScreen screen) {
        reader.setVariable(LineReader.DISABLE_HISTORY, true); // this reader is discarded afterwards
        while (true) {
            String nick = reader.readLine("nickname: ").strip();
            String problem = IrcNames.nickProblem(nick);
            if (problem == null) {
                return nick;
            }
            screen.tell(problem);
        }
    }

    /** The parts both modes share. */
    private static final class Session {
        final ClientConfig config;
        final ServerMessageHandler handler;
        final NetworkLoop network;
        final TypedLineHandler lines;

        Session(ClientConfig config, StateCell state, Screen terminalScreen, boolean reconnect, SecretPrompt secrets,
                WindowParts parts) throws IOException {
            this.config = config;
            Clock clock = Clock.systemDefaultZone();
            Accounts accounts = new Accounts();
            MessageRenderer renderer = new MessageRenderer(new Styles(config.color()), accounts);
            Screen screen = config.logDir() == null ? terminalScreen
                    : new ConversationLog(terminalScreen, config.logDir(), clock, renderer);
            Path knownServers = config.tls() != null ? config.tls().knownServers().file()
                    : KnownServers.defaultFile(System.getenv());
            // A person at a terminal can be asked (a certificate, a nick, a password); a pipe cannot.
            Ircv3Parts ircv3 = Ircv3Parts.create(state, renderer, screen, clock, capabilities -> AccountParts.create(
                    accounts, capabilities, config.login(), reconnect, secrets, knownServers, state, renderer, screen, clock));
            handler = new ServerMessageHandler(config, state, ircv3, parts, renderer, screen, clock);
            ReconnectBackoff backoff = new ReconnectBackoff(config.reconnectFirstDelayMillis(),
                    config.reconnectMaxDelayMillis(), config.stableAfterMillis(),
                    bound -> ThreadLocalRandom.current().nextLong(bound + 1));
            SendPacer pacer = new SendPacer(config.sendBurst(), TimeUnit.MILLISECONDS.toNanos(config.sendIntervalMillis()));
            InetSocketAddress address = new InetSocketAddress(config.host(), config.port());
            network = new NetworkLoop(address, handler, backoff, pacer, reconnect, config.tls(),
                    reconnect ? ircv3.accounts().trust() : null);
            handler.attach(network);
            lines = new TypedLineHandler(state, network, ircv3, parts, renderer, screen, clock);
        }

        int run(Thread console, PrintWriter err) {
            try {
                // Resolved once here: a DNS lookup blocks, and the network thread must not.
                InetAddress.getByName(config.host());
            } catch (UnknownHostException e) {
                err.println("chat-client: cannot connect to " + config.host() + ":" + config.port() + ": unknown host");
                err.flush();
                return 1;
            }
            Thread networkThread = new Thread(network, "chat-network");
            networkThread.setDaemon(true);
            networkThread.start();
            console.start();
            int code;
            try {
                code = network.finished().get();
                networkThread.join(NETWORK_STOP_WAIT_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                network.abort(1);
                code = 1;
            } catch (ExecutionException e) {
                code = 1;
            }
            return code;
        }

        /** The one clear line about a refused first connection; no stack trace. */
        void reportFailure(PrintWriter err) {
            if (handler.failure() != null) {
                err.println("chat-client: " + handler.failure());
                err.flush();
            }
        }
    }
}
