package chat.protocol;

/** Command words of RFC 1459/2812 and IRCv3 that this chat speaks. */
public final class Command {
    public static final String CAP = "CAP";
    public static final String PASS = "PASS";
    public static final String NICK = "NICK";
    public static final String USER = "USER";
    public static final String QUIT = "QUIT";
    public static final String JOIN = "JOIN";
    public static final String PART = "PART";
    public static final String PRIVMSG = "PRIVMSG";
    /** IRCv3 message-tags: a message of tags only (typing, reactions), for receivers that negotiated message-tags. */
    public static final String TAGMSG = "TAGMSG";
    public static final String NOTICE = "NOTICE";
    public static final String NAMES = "NAMES";
    public static final String TOPIC = "TOPIC";
    public static final String LIST = "LIST";
    public static final String WHO = "WHO";
    public static final String WHOIS = "WHOIS";
    public static final String AWAY = "AWAY";
    public static final String KICK = "KICK";
    public static final String MODE = "MODE";
    public static final String PING = "PING";
    public static final String PONG = "PONG";
    public static final String MOTD = "MOTD";
    public static final String LUSERS = "LUSERS";
    public static final String VERSION = "VERSION";
    public static final String TIME = "TIME";
    public static final String ISON = "ISON";
    public static final String USERHOST = "USERHOST";
    public static final String ERROR = "ERROR";
    /** IRCv3 batch: "BATCH +ref type" opens a group of lines tagged batch=ref, "BATCH -ref" closes it. */
    public static final String BATCH = "BATCH";
    /** IRCv3 labeled-response: the answer to a labeled command that has no other answer. */
    public static final String ACK = "ACK";
    /** IRCv3 setname: a user changes their real name. */
    public static final String SETNAME = "SETNAME";
    public static final String INVITE = "INVITE";
    /** IRCv3 sasl: one step of a SASL login (mechanism, base64 chunk, "+" or "*" to abort). */
    public static final String AUTHENTICATE = "AUTHENTICATE";
    /** IRCv3 draft/account-registration: "REGISTER account email password". */
    public static final String REGISTER = "REGISTER";
    /** IRCv3 account-notify: a user logged in ("ACCOUNT name") or out ("ACCOUNT *"). */
    public static final String ACCOUNT = "ACCOUNT";
    public static final String ADMIN = "ADMIN";
    public static final String INFO = "INFO";
    public static final String WHOWAS = "WHOWAS";
    public static final String MONITOR = "MONITOR";
    /** IRCv3 draft/chathistory: a client asks for stored lines of a room or conversation. */
    public static final String CHATHISTORY = "CHATHISTORY";
    /** IRCv3 standard-replies: a command failed (FAIL command code [context...] :description). */
    public static final String FAIL = "FAIL";
    // Server operators: become one, then their powers (RFC 2812 3.1.4, 3.7.1, 4.7; KLINE, GLOBOPS as InspIRCd).
    public static final String OPER = "OPER";
    public static final String KILL = "KILL";
    public static final String WALLOPS = "WALLOPS";
    public static final String GLOBOPS = "GLOBOPS";
    public static final String KLINE = "KLINE";
    public static final String UNKLINE = "UNKLINE";
    public static final String STATS = "STATS";

    private Command() {
    }
}
