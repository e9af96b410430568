package chat.server.command;

import chat.protocol.Command;
import chat.protocol.IrcMessage;
import chat.protocol.IrcNames;
import chat.protocol.Numeric;
import chat.protocol.ProtocolLimits;
import chat.server.model.Masks;
import chat.server.model.Monitors;
import chat.server.model.Room;
import chat.server.model.WhowasRecord;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import chat.server.model.ServerState;
import chat.server.model.User;

/** WHO, WHOIS, ISON and USERHOST: questions about users. */
final class QueryCommands {
    /** Room list characters per 319 line: with the longest nick, prefix and server name, under 512 bytes. */
    private static final int WHOIS_ROOMS_LINE_BUDGET_CHARS = 300;

    private final ServerState state;

    QueryCommands(ServerState state) {
        this.state = state;
    }

    // WHO [<room>|<nick>|<mask> [o][%<fields>[,<token>]]]: 352 per match (354 with WHOX), then 315
    // (RFC 2812 3.6.1, IRCv3 whox). Long answers are produced as the client drains them.
    void who(User asker, IrcMessage message, Replies replies) {
        String mask = message.paramCount() == 0 ? "*" : message.param(0);
        WhoLines lines = WhoLines.of(state, replies, message.paramCount() > 1 ? message.param(1) : null);
        if (IrcNames.isRoomName(mask)) {
            Room room = state.rooms().find(mask);
            if (room != null) { // a line per member as the client drains them
                replies.stream(ReplyStreams.members(room, lines::keeps, member -> lines.line(room, member)));
            }
        } else {
            User user = state.nicks().findRegistered(mask);
            if (user != null) {
                if (lines.keeps(user)) {
                    replies.send(lines.line(null, user));
                }
            } else if (mask.indexOf('*') >= 0 || mask.indexOf('?') >= 0) {
                // A mask: every visible user whose nick!user@host, nick or real name matches it
                // (RFC 2812 3.6.1), produced as the client drains them.
                replies.stream(ReplyStreams.users(state.nicks().all().toArray(new User[0]),
                        u -> u.isRegistered() && visibleTo(u, asker) && matchesWho(mask, u) && lines.keeps(u),
                        u -> lines.line(null, u)));
            }
        }
        replies.numeric(Numeric.RPL_ENDOFWHO, mask, "End of /WHO list.");
    }

    /** An invisible (+i) user shows up in a mask WHO only to themselves and those sharing a room. */
    private static boolean visibleTo(User user, User asker) {
        if (user == asker || !user.isInvisible()) {
            return true;
        }
        for (Room room : user.rooms()) {
            if (room.contains(asker)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matchesWho(String mask, User user) {
        return Masks.matches(mask, user.prefix()) || Masks.matches(mask, user.nick())
                || (user.realName() != null && Masks.matches(mask, user.realName()));
    }

    // MONITOR + nick,... | - nick,... | C | L | S (IRCv3 monitor): presence of up to 100 nicks.
    void monitor(User user, IrcMessage message, Replies replies) {
        String sub = message.param(0);
        String targets = message.paramCount() > 1 ? message.param(1) : "";
        switch (sub) {
            case "+" -> {
                List<String> online = new ArrayList<>();
                List<String> offline = new ArrayList<>();
                String[] nicks = targets.split(",");
                for (int i = 0; i < nicks.length; i++) {
                    String nick = nicks[i];
                    if (nick.isEmpty() || !IrcNames.isValidNick(nick)) {
                        continue;
                    }
                    if (!state.monitors().watch(user, nick)) {
                        replies.numeric(Numeric.ERR_MONLISTFULL, Integer.toString(Monitors.MAX_PER_USER),
                                String.join(",", Arrays.copyOfRange(nicks, i, nicks.length)), "Monitor list is full.");
                        break;
                    }
                    User there = state.nicks().findRegistered(nick);
                    if (there != null) {
                        online.add(there.prefix());
                    } else {
                        offline.add(nick);
                    }
                }
                presence(replies, online, offline);
            }
            case "-" -> {
                for (String nick : targets.split(",")) {
                    state.monitors().unwatch(user, nick);
                }
            }
            case "C", "c" -> state.monitors().clear(user);
            case "L", "l" -> {
                if (!state.monitors().watchedBy(user).isEmpty()) {
                    replies.numeric(Numeric.RPL_MONLIST, String.join(",", state.monitors().watchedBy(user)));
                }
                replies.numeric(Numeric.RPL_ENDOFMONLIST, "End of MONITOR list");
            }
            case "S", "s" -> {
                List<String> online = new ArrayList<>();
                List<String> offline = new ArrayList<>();
                for (String folded : state.monitors().watchedBy(user)) {
                    User there = state.nicks().findRegistered(folded);
                    if (there != null) {
                        online.add(there.prefix());
                    } else {
                        offline.add(folded);
                    }
                }
                presence(replies, online, offline);
            }
            default -> replies.numeric(Numeric.ERR_UNKNOWNCOMMAND, Command.MONITOR, "Unknown MONITOR subcommand");
        }
    }

    /** 730 with those online (nick!user@host), 731 with those not, each only when there are any. */
    private static void presence(Replies replies, List<String> online, List<String> offline) {
        if (!online.isEmpty()) {
            replies.numeric(Numeric.RPL_MONONLINE, String.join(",", online));
        }
        if (!offline.isEmpty()) {
            replies.numeric(Numeric.RPL_MONOFFLINE, String.join(",", offline));
        }
    }

    // WHOWAS <nick> [<count>]: who last had that nick (RFC 2812 3.6.3).
    void whowas(User asker, IrcMessage message, Replies replies) {
        String nick = message.param(0);
        int count = Integer.MAX_VALUE;
        if (message.paramCount() > 1) {
            try {
                count = Integer.parseInt(message.param(1));
            } catch (NumberFormatException ignored) {
                // A count that is not a number is no limit, as servers treat 0 and negatives.
            }
        }
        List<WhowasRecord> found = state.whowas().find(nick, count <= 0 ? Integer.MAX_VALUE : count);
        if (found.isEmpty()) {
            replies.numeric(Numeric.ERR_WASNOSUCHNICK, Replies.asWord(nick), "There was no such nickname");
        }
        for (WhowasRecord was : found) {
            replies.numeric(Numeric.RPL_WHOWASUSER, was.nick(), was.userName(), was.host(), "*", was.realName());
            replies.numeric(Numeric.RPL_WHOISSERVER, was.nick(), state.serverName(), was.when());
        }
        replies.numeric(Numeric.RPL_ENDOFWHOWAS, Replies.asWord(nick), "End of WHOWAS");
    }

    // WHOIS [<server>] <nick>{,<nick>} (RFC 2812 3.6.2)
    void whois(User asker, IrcMessage message, Replies replies) {
        if (message.paramCount() == 0) {
            replies.numeric(Numeric.ERR_NONICKNAMEGIVEN, "No nickname given");
            return;
        }
        String list = message.param(message.paramCount() > 1 ? 1 : 0);
        String[] nicks = list.split(",");
        if (nicks.length > ProtocolLimits.MAX_WHOIS_TARGETS) {
            // Answered once, never silently: the first ones are looked up (005 TARGMAX WHOIS:5).
            replies.numeric(Numeric.ERR_TOOMANYTARGETS, Replies.orStar(nicks[ProtocolLimits.MAX_WHOIS_TARGETS]),
                    (nicks.length - ProtocolLimits.MAX_WHOIS_TARGETS) + " nicks past the first "
                            + ProtocolLimits.MAX_WHOIS_TARGETS + " were not looked up");
            nicks = java.util.Arrays.copyOf(nicks, ProtocolLimits.MAX_WHOIS_TARGETS);
        }
        for (String nick : nicks) {
            User user = state.nicks().findRegistered(nick);
            if (user == null) {
                replies.noSuchNick(nick);
            } else {
                whoisUser(replies, user);
                nick = user.nick();
            }
            replies.numeric(Numeric.RPL_ENDOFWHOIS, Replies.orStar(nick), "End of /WHOIS list.");
        }
    }

    private void whoisUser(Replies replies, User user) {
        replies.numeric(Numeric.RPL_WHOISUSER, user.nick(), user.userName(), user.host(), "*", user.realName());
        // 319 in as many lines as it takes, each well under 512 bytes (as NAMES does).
        StringBuilder rooms = new StringBuilder();
        for (Room room : user.rooms()) {
            if (!ReplyStreams.visibleTo(room, replies.session().user())) {
                continue;
            }
            if (rooms.length() > WHOIS_ROOMS_LINE_BUDGET_CHARS) {
                replies.numeric(Numeric.RPL_WHOISCHANNELS, user.nick(), rooms.toString());
                rooms.setLength(0);
            }
            if (rooms.length() > 0) {
                rooms.append(' ');
            }
            rooms.append(replies.memberPrefix(room, user)).append(room.name());
        }
        if (rooms.length() > 0) {
            replies.numeric(Numeric.RPL_WHOISCHANNELS, user.nick(), rooms.toString());
        }
        replies.numeric(Numeric.RPL_WHOISSERVER, user.nick(), state.network().nodeOf(user, state.serverName()),
                user.isRemote() ? "a node of this network" : ServerInfo.VERSION);
        if (user.isServerOperator()) {
            replies.numeric(Numeric.RPL_WHOISOPERATOR, user.nick(), "is an IRC operator");
        }
        if (user.isBot()) {
            replies.numeric(Numeric.RPL_WHOISBOT, user.nick(), "is a bot");
        }
        if (user.account() != null) {
            replies.numeric(Numeric.RPL_WHOISACCOUNT, user.nick(), user.account(), "is logged in as");
        }
        if (user.secure()) {
            replies.numeric(Numeric.RPL_WHOISSECURE, user.nick(), "is using a secure connection");
        }
        if (user.away() != null) {
            replies.numeric(Numeric.RPL_AWAY, user.nick(), user.away());
        }
        long idleSeconds = Math.max(0, (state.clock().now() - user.lastMessageAtMillis()) / 1000);
        replies.numeric(Numeric.RPL_WHOISIDLE, user.nick(), Long.toString(idleSeconds),
                Long.toString(user.signonEpochSeconds()), "seconds idle, signon time");
    }

    // ISON <nick>{ <nick>}: the ones that are online (RFC 2812 4.9).
    void ison(User asker, IrcMessage message, Replies replies) {
        StringBuilder online = new StringBuilder();
        for (String param : message.params()) {
            for (String nick : param.split(" ")) {
                User user = state.nicks().findRegistered(nick);
                if (user != null) {
                    online.append(online.length() == 0 ? "" : " ").append(user.nick());
                }
            }
        }
        replies.numeric(Numeric.RPL_ISON, online.toString());
    }

    // USERHOST <nick>{ <nick>} (up to 5, RFC 2812 4.8)
    void userhost(User asker, IrcMessage message, Replies replies) {
        StringBuilder reply = new StringBuilder();
        for (int i = 0; i < Math.min(5, message.paramCount()); i++) {
            User user = state.nicks().findRegistered(message.param(i));
            if (user != null) {
                // nick[*]=+|-user@host: '*' marks a server operator, '-' someone away (RFC 2812 5, 302)
                reply.append(reply.length() == 0 ? "" : " ").append(user.nick())
                        .append(user.isServerOperator() ? "*=" : "=")
                        .append(user.away() == null ? '+' : '-').append(user.userName()).append('@').append(user.host());
            }
        }
        replies.numeric(Numeric.RPL_USERHOST, reply.toString());
    }
}
