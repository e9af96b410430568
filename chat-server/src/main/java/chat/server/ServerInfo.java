package chat.server;

import chat.protocol.Numeric;
import chat.protocol.ProtocolLimits;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The replies that describe the server: the welcome burst (001-005), LUSERS, MOTD, VERSION, TIME. */
final class ServerInfo {
    static final String VERSION = "chat-server-" + versionNumber();
    static final String NETWORK = "chat";
    /** What clients may rely on (Modern IRC docs, RPL_ISUPPORT); each token is true of this server. */
    static final String[] ISUPPORT = {
        "CASEMAPPING=rfc1459", "CHANTYPES=#", "PREFIX=(ov)@+", "CHANMODES=,,,nt",
        "NICKLEN=" + ProtocolLimits.MAX_NICK_CHARS, "CHANNELLEN=" + ProtocolLimits.MAX_ROOM_NAME_CHARS,
        "TOPICLEN=" + ProtocolLimits.MAX_TOPIC_CHARS, "AWAYLEN=" + ProtocolLimits.MAX_AWAY_CHARS,
        "KICKLEN=" + ProtocolLimits.MAX_KICK_REASON_CHARS, "NETWORK=" + NETWORK, "MAXTARGETS=4", "MODES=4",
    };
    private static final DateTimeFormatter HUMAN_TIME =
            DateTimeFormatter.ofPattern("EEE MMM d yyyy HH:mm:ss z", Locale.ROOT);

    private final ChatState state;
    /** Formatted on the first welcome and kept: formatting a date per registration was a visible part of connecting. */
    private String createdText;

    ServerInfo(ChatState state) {
        this.state = state;
    }

    private static String versionNumber() {
        String version = ServerInfo.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }

    /** RFC 2812 5.1: 001-004, then 005, LUSERS and MOTD, which clients take as "registration done". */
    void welcome(Connection to) {
        state.reply(to, Numeric.RPL_WELCOME, "Welcome to the " + NETWORK + " network, " + to.prefix());
        state.reply(to, Numeric.RPL_YOURHOST, "Your host is " + state.serverName + ", running version " + VERSION);
        if (createdText == null) {
            createdText = "This server was created " + humanTime(state.startedEpochMillis);
        }
        state.reply(to, Numeric.RPL_CREATED, createdText);
        state.reply(to, Numeric.RPL_MYINFO, state.serverName, VERSION, "i", "ntov");
        String[] isupport = new String[ISUPPORT.length + 1];
        System.arraycopy(ISUPPORT, 0, isupport, 0, ISUPPORT.length);
        isupport[ISUPPORT.length] = "are supported by this server";
        state.reply(to, Numeric.RPL_ISUPPORT, isupport);
        lusers(to);
        motd(to);
    }

    void lusers(Connection to) {
        int users = state.registeredCount();
        state.reply(to, Numeric.RPL_LUSERCLIENT, "There are " + users + " users and 0 invisible on 1 servers");
        state.reply(to, Numeric.RPL_LUSEROP, "0", "operator(s) online");
        state.reply(to, Numeric.RPL_LUSERUNKNOWN, Integer.toString(state.unregisteredCount()), "unknown connection(s)");
        state.reply(to, Numeric.RPL_LUSERCHANNELS, Integer.toString(state.rooms.count()), "channels formed");
        state.reply(to, Numeric.RPL_LUSERME, "I have " + users + " clients and 0 servers");
    }

    void motd(Connection to) {
        if (state.config.motdLines().isEmpty()) {
            state.reply(to, Numeric.ERR_NOMOTD, "MOTD File is missing");
            return;
        }
        state.reply(to, Numeric.RPL_MOTDSTART, "- " + state.serverName + " Message of the day - ");
        for (String line : state.config.motdLines()) {
            state.reply(to, Numeric.RPL_MOTD, "- " + line);
        }
        state.reply(to, Numeric.RPL_ENDOFMOTD, "End of /MOTD command.");
    }

    void version(Connection to) {
        state.reply(to, Numeric.RPL_VERSION, VERSION, state.serverName, "a selector chat server");
    }

    void time(Connection to) {
        state.reply(to, Numeric.RPL_TIME, state.serverName, humanTime(System.currentTimeMillis()));
    }

    private static String humanTime(long epochMillis) {
        return ZonedDateTime.ofInstant(Instant.ofEpochMilli(epochMillis), ZoneId.systemDefault()).format(HUMAN_TIME);
    }
}
