package chat.server.console;

import chat.protocol.Command;
import chat.protocol.DecodedLine;
import chat.protocol.LeaveWord;
import chat.server.AsyncLogHandler;
import chat.server.model.Room;
import chat.server.model.ServerState;
import chat.server.model.User;
import chat.server.net.Link;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The operator's commands, run on the loop thread as lines arrive from the console. */
public final class ConsoleCommands {
    private static final int SLOWEST_SHOWN = 3;
    public static final String HELP = "console commands: /who /rooms /stats /say #room text /wall text"
            + " /kick nick [reason] " + ConsoleAccounts.HELP + " /reload /help, and " + LeaveWord.TEXT
            + " or /shutdown to stop the server";

    private final ServerState state;
    private final ConsoleOutput out;
    private final Runnable shutdown;
    private final ConsoleAccounts accounts;
    /** Null without a TLS port. */
    private TlsConsole tls;
    private java.util.function.Supplier<java.util.List<String>> reloader;

    public ConsoleCommands(ServerState state, ConsoleOutput out, Runnable shutdown) {
        this.state = state;
        this.out = out;
        this.shutdown = shutdown;
        this.accounts = new ConsoleAccounts(state, out);
    }

    /** The TLS port's stats and reload, for /stats and /reload; null when there is none. */
    public void useTls(TlsConsole tlsPort) {
        this.tls = tlsPort;
    }

    /** One line from the console, as the loop decoded it. */
    public void accept(DecodedLine line) {
        if (line instanceof DecodedLine.Text text) {
            run(text.text().strip());
        } else {
            out.println("console: line ignored (too long or not UTF-8)");
        }
    }

    void run(String line) {
        int space = line.indexOf(' ');
        String word = (space < 0 ? line : line.substring(0, space)).toLowerCase(Locale.ROOT);
        String rest = space < 0 ? "" : line.substring(space + 1).strip();
        switch (word) {
            case "" -> { }
            case LeaveWord.TEXT, "/shutdown" -> {
                out.println("shutting down");
                shutdown.run();
            }
            case "/who" -> who();
            case "/rooms" -> rooms();
            case "/stats" -> stats();
            case "/say" -> say(rest);
            case "/wall" -> wall(rest);
            case "/kick" -> kick(rest);
            case "/account" -> accounts.account(rest);
            case "/ban" -> accounts.ban(rest);
            case "/bans" -> accounts.bans();
            case "/unban" -> accounts.unban(rest);
            case "/reload" -> reload();
            case "/help" -> out.println(HELP);
            default -> out.println("unknown console command '" + word + "'; " + HELP);
        }
    }

    private void who() {
        out.println(state.registeredCount() + " users");
        for (User user : state.nicks().all()) {
            if (user.isRegistered()) {
                List<String> rooms = new ArrayList<>();
                user.rooms().forEach(room -> rooms.add(room.prefixOf(user) + room.name()));
                out.println(String.format(Locale.ROOT, "  %-16s %-5s %-15s %s", user.nick(),
                        user.isPlainText() ? "plain" : "irc", user.host(), String.join(" ", rooms)));
            }
        }
    }

    private void rooms() {
        out.println(state.rooms().count() + " rooms");
        for (Room room : state.rooms().all()) {
            out.println(String.format(Locale.ROOT, "  %-20s %5d users  %s", room.name(), room.size(),
                    room.topic() == null ? "" : room.topic()));
        }
    }

    private void stats() {
        // Every queue, those of links still draining after they left included: what the budget holds.
        long queued = state.links().queuedBytes();
        List<Link> all = new ArrayList<>(state.links().all());
        out.println("connections " + all.size() + " (registered " + state.registeredCount() + "), rooms "
                + state.rooms().count() + ", messages relayed " + state.messagesRelayed() + ", lines received "
                + state.linesReceived() + ", bytes queued " + queued + " (budget " + state.config().sendQueueTotalBytes()
                + "), log lines dropped " + AsyncLogHandler.droppedTotal());
        out.println(state.history().stats());
        if (tls != null) {
            out.println(tls.stats());
        }
        all.sort(Comparator.comparingLong(Link::queuedBytes).reversed());
        for (int i = 0; i < Math.min(SLOWEST_SHOWN, all.size()) && all.get(i).queuedBytes() > 0; i++) {
            out.println("  slow: " + all.get(i) + " has " + all.get(i).queuedBytes() + " bytes queued");
        }
    }

    /** Reads the --opers file and the TLS certificate files again (as SIGHUP does); nobody is dropped. */
    private void reload() {
        if (reloader == null) {
            out.println("nothing to reload");
            return;
        }
        out.println("reloading...");
        // Reading files and parsing keys is slow work: never on the loop thread.
        Thread thread = new Thread(() -> reloader.get().forEach(out::println), "chat-reload");
        thread.setDaemon(true);
        thread.start();
    }

    /** What /reload runs (off the loop): the server's reload of its files, each result a line. */
    public void useReload(java.util.function.Supplier<java.util.List<String>> reloadAll) {
        reloader = reloadAll;
    }

    private void say(String rest) {
        int space = rest.indexOf(' ');
        Room room = space < 0 ? null : state.rooms().find(rest.substring(0, space));
        if (room == null) {
            out.println("usage: /say #room text (the room must exist)");
            return;
        }
        // A NOTICE from the server's name, never a PRIVMSG: clients show it as the server's words,
        // not as a line of some user (the server name cannot be a nick).
        room.broadcast(state.serverSays(Command.NOTICE, room.name(), "[server] " + rest.substring(space + 1)), null);
        state.countRelayed();
    }

    private void wall(String text) {
        if (text.isEmpty()) {
            out.println("usage: /wall text");
            return;
        }
        for (User user : state.nicks().all()) {
            if (user.isRegistered()) {
                user.send(state.serverSays(Command.NOTICE, user.nick(), "[server] " + text));
            }
        }
        out.println("sent to " + state.registeredCount() + " users");
    }

    private void kick(String rest) {
        int space = rest.indexOf(' ');
        String nick = space < 0 ? rest : rest.substring(0, space);
        String reason = space < 0 ? "no reason given" : rest.substring(space + 1);
        User user = state.nicks().findRegistered(nick);
        if (user == null) {
            out.println("no such user: " + nick);
            return;
        }
        user.disconnect("Kicked by the operator: " + reason);
        out.println("kicked " + user.nick() + " (they may come back; /ban keeps them out)");
    }
}
