package chat.server.command;

import chat.protocol.Command;
import chat.protocol.IrcMessage;
import chat.protocol.ProtocolLimits;
import chat.server.model.ServerState;
import java.util.HashMap;
import java.util.Map;

/**
 * Every command the server knows, in one table: name, handler, whether it may come before
 * registration completes, how many parameters it needs at least, and its flood cost in tokens
 * (one token is one ordinary line; commands whose answer is long or walks many users cost more,
 * and commands with several targets pay per target, so a client cannot make the server do
 * unbounded work at the price of one line).
 */
public final class CommandTable {
    /**
     * One row of the table. A command with {@code perTarget} set costs its flood cost once per
     * comma-separated target (up to {@code maxTargets}, the most it will act on), because that is
     * the work it causes: {@code WHOIS a,b,c,d,e} is five lookups, not one line's worth.
     */
    record Entry(CommandHandler handler, boolean beforeRegistration, int minParams, int floodCost, Targets perTarget,
            int maxTargets) {
        Entry(CommandHandler handler, boolean beforeRegistration, int minParams, int floodCost) {
            this(handler, beforeRegistration, minParams, floodCost, Targets.NONE, 1);
        }

        /** Flood tokens this message costs. */
        int cost(IrcMessage message) {
            return floodCost * perTarget.count(message, maxTargets);
        }
    }

    /** Where a command's comma-separated targets are. */
    enum Targets {
        NONE, FIRST_PARAM, LAST_PARAM;

        /** How many targets the message names, at least 1 and at most {@code cap}. */
        int count(IrcMessage message, int cap) {
            if (this == NONE || message.paramCount() == 0) {
                return 1;
            }
            String list = message.param(this == FIRST_PARAM ? 0 : message.paramCount() - 1);
            int count = 1;
            for (int i = list.indexOf(','); i >= 0 && count < cap; i = list.indexOf(',', i + 1)) {
                count++;
            }
            return count;
        }
    }

    private static final boolean ANYTIME = true;
    private static final boolean REGISTERED = false;
    private static final int ROOMS = ProtocolLimits.MAX_ROOMS_PER_USER;
    private static final int MESSAGE_TARGETS = ProtocolLimits.MAX_MESSAGE_TARGETS;
    private static final int WHOIS_TARGETS = ProtocolLimits.MAX_WHOIS_TARGETS;

    private CommandTable() {
    }

    /** The dispatcher over the whole table, with handlers that share {@code state}. */
    public static CommandDispatcher dispatcher(ServerState state) {
        ServerInfo info = new ServerInfo(state);
        RegistrationCommands registration = new RegistrationCommands(state, info);
        SessionCommands session = new SessionCommands(state);
        RoomCommands rooms = new RoomCommands(state, new HistoryCommands(state));
        ModeCommands modes = new ModeCommands(state, rooms);
        MessageCommands messages = new MessageCommands(state);
        QueryCommands queries = new QueryCommands(state);
        AccountCommands accounts = new AccountCommands(state, registration);
        OperCommands opers = new OperCommands(state);
        ServerBanCommands bans = new ServerBanCommands(state);


        Map<String, Entry> table = new HashMap<>();
        //           command               handler            when  min params, flood cost
        table.put(Command.CAP, new Entry(registration::cap, ANYTIME, 1, 1));
        table.put(Command.PASS, new Entry(registration::pass, ANYTIME, 1, 1));
        table.put(Command.NICK, new Entry(registration::nick, ANYTIME, 0, 1));
        table.put(Command.USER, new Entry(registration::user, ANYTIME, 4, 1));
        // A REGISTER costs a password hash (~50 ms of a core): priced like five lines.
        table.put(Command.AUTHENTICATE, new Entry(accounts::authenticate, ANYTIME, 1, 1));
        table.put(Command.REGISTER, new Entry(accounts::register, ANYTIME, 3, 5));
        table.put(Command.PING, new Entry(session::ping, ANYTIME, 1, 1));
        table.put(Command.PONG, new Entry(session::pong, ANYTIME, 0, 1));
        table.put(Command.QUIT, new Entry(session::quit, ANYTIME, 0, 1));
        table.put(Command.JOIN, new Entry(rooms::join, REGISTERED, 1, 2, Targets.FIRST_PARAM, ROOMS));
        table.put(Command.PART, new Entry(rooms::part, REGISTERED, 1, 1, Targets.FIRST_PARAM, ROOMS));
        table.put(Command.INVITE, new Entry(rooms::invite, REGISTERED, 2, 1));
        table.put("ROOM", new Entry(rooms.registration()::room, REGISTERED, 1, 2));
        table.put(Command.SETNAME, new Entry(registration::setname, REGISTERED, 0, 1));
        table.put(Command.TOPIC, new Entry(rooms::topic, REGISTERED, 1, 1));
        table.put(Command.NAMES, new Entry(rooms::names, REGISTERED, 0, 2, Targets.FIRST_PARAM, Integer.MAX_VALUE));
        table.put(Command.LIST, new Entry(rooms::list, REGISTERED, 0, 10));
        table.put(Command.MODE, new Entry(modes::mode, REGISTERED, 1, 1));
        table.put(Command.KICK, new Entry(modes::kick, REGISTERED, 2, 1));
        table.put(Command.PRIVMSG, new Entry(messages::privmsg, REGISTERED, 0, 1, Targets.FIRST_PARAM, MESSAGE_TARGETS));
        table.put(Command.NOTICE, new Entry(messages::notice, REGISTERED, 0, 1, Targets.FIRST_PARAM, MESSAGE_TARGETS));
        table.put(Command.TAGMSG, new Entry(messages::tagmsg, REGISTERED, 0, 1, Targets.FIRST_PARAM, MESSAGE_TARGETS));
        table.put(Command.AWAY, new Entry(messages::away, REGISTERED, 0, 1));
        table.put(Command.CHATHISTORY, new Entry(rooms.history()::chathistory, REGISTERED, 1, 5));
        table.put(Command.WHO, new Entry(queries::who, REGISTERED, 0, 3));
        table.put(Command.WHOIS, new Entry(queries::whois, REGISTERED, 0, 2, Targets.LAST_PARAM, WHOIS_TARGETS));
        table.put(Command.ISON, new Entry(queries::ison, REGISTERED, 1, 1));
        table.put(Command.USERHOST, new Entry(queries::userhost, REGISTERED, 1, 1));
        table.put(Command.MONITOR, new Entry(queries::monitor, REGISTERED, 1, 2));
        table.put(Command.WHOWAS, new Entry(queries::whowas, REGISTERED, 1, 2));
        table.put(Command.ADMIN, new Entry(info::admin, REGISTERED, 0, 1));
        table.put(Command.INFO, new Entry(info::info, REGISTERED, 0, 1));
        table.put(Command.MOTD, new Entry(info::motd, REGISTERED, 0, 2));
        table.put(Command.LUSERS, new Entry(info::lusers, REGISTERED, 0, 1));
        table.put(Command.VERSION, new Entry(info::version, REGISTERED, 0, 1));
        table.put(Command.TIME, new Entry(info::time, REGISTERED, 0, 1));
        // OPER costs a password hash, like REGISTER; the rest are for operators only.
        table.put(Command.OPER, new Entry(opers::oper, REGISTERED, 2, 5));
        table.put(Command.KILL, new Entry(opers::kill, REGISTERED, 2, 1));
        table.put(Command.WALLOPS, new Entry(opers::wallops, REGISTERED, 1, 1));
        table.put(Command.GLOBOPS, new Entry(opers::globops, REGISTERED, 1, 1));
        table.put(Command.KLINE, new Entry(bans::kline, REGISTERED, 1, 1));
        table.put(Command.UNKLINE, new Entry(bans::unkline, REGISTERED, 1, 1));
        table.put(Command.STATS, new Entry(bans::stats, REGISTERED, 1, 1));
        return new CommandDispatcher(state, Map.copyOf(table));
    }
}
