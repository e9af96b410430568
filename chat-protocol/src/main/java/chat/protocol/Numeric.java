package chat.protocol;

/** Numeric replies by their RFC 1459/2812 names (and the Modern IRC docs for 005 and 417). */
public final class Numeric {
    public static final String RPL_WELCOME = "001";
    public static final String RPL_YOURHOST = "002";
    public static final String RPL_CREATED = "003";
    public static final String RPL_MYINFO = "004";
    public static final String RPL_ISUPPORT = "005";
    public static final String RPL_UMODEIS = "221";
    public static final String RPL_LUSERCLIENT = "251";
    public static final String RPL_LUSEROP = "252";
    public static final String RPL_LUSERUNKNOWN = "253";
    public static final String RPL_LUSERCHANNELS = "254";
    public static final String RPL_LUSERME = "255";
    /** Users on this server, and the most there were (de facto, as on most servers). */
    public static final String RPL_LOCALUSERS = "265";
    /** Users on the whole network. */
    public static final String RPL_GLOBALUSERS = "266";
    public static final String RPL_AWAY = "301";
    /** 341: the invitation was passed on (RFC 2812 3.2.7). */
    public static final String RPL_INVITING = "341";
    /** 443: the invited user is already in the room. */
    public static final String ERR_USERONCHANNEL = "443";
    public static final String RPL_USERHOST = "302";
    public static final String RPL_ISON = "303";
    public static final String RPL_UNAWAY = "305";
    public static final String RPL_NOWAWAY = "306";
    public static final String RPL_WHOISUSER = "311";
    public static final String RPL_WHOISSERVER = "312";
    public static final String RPL_ADMINME = "256";
    public static final String RPL_ADMINLOC1 = "257";
    public static final String RPL_ADMINLOC2 = "258";
    public static final String RPL_ADMINEMAIL = "259";
    public static final String RPL_INFO = "371";
    public static final String RPL_ENDOFINFO = "374";
    public static final String RPL_WHOWASUSER = "314";
    public static final String RPL_ENDOFWHOWAS = "369";
    public static final String ERR_WASNOSUCHNICK = "406";
    public static final String RPL_MONONLINE = "730";
    public static final String RPL_MONOFFLINE = "731";
    public static final String RPL_MONLIST = "732";
    public static final String RPL_ENDOFMONLIST = "733";
    public static final String ERR_MONLISTFULL = "734";
    public static final String RPL_ENDOFWHO = "315";
    public static final String RPL_WHOISIDLE = "317";
    /** WHOIS: "nick account :is logged in as" (the de-facto numeric of ircu, Ergo, InspIRCd). */
    public static final String RPL_WHOISACCOUNT = "330";
    public static final String RPL_ENDOFWHOIS = "318";
    public static final String RPL_WHOISCHANNELS = "319";
    /** WHOIS: the user is connected over TLS (Modern IRC; ircd-ratbox, InspIRCd, Ergo). */
    public static final String RPL_WHOISSECURE = "671";
    public static final String RPL_LISTSTART = "321";
    public static final String RPL_LIST = "322";
    public static final String RPL_LISTEND = "323";
    public static final String RPL_CHANNELMODEIS = "324";
    public static final String RPL_CREATIONTIME = "329";
    public static final String RPL_NOTOPIC = "331";
    public static final String RPL_TOPIC = "332";
    public static final String RPL_TOPICWHOTIME = "333";
    public static final String RPL_VERSION = "351";
    public static final String RPL_WHOREPLY = "352";
    public static final String RPL_NAMREPLY = "353";
    public static final String RPL_ENDOFNAMES = "366";
    public static final String RPL_ENDOFBANLIST = "368";
    public static final String RPL_BANLIST = "367";
    public static final String RPL_EXCEPTLIST = "348";
    public static final String RPL_ENDOFEXCEPTLIST = "349";
    public static final String RPL_INVITELIST = "346";
    public static final String RPL_ENDOFINVITELIST = "347";
    public static final String ERR_KEYSET = "467";
    public static final String ERR_CHANNELISFULL = "471";
    public static final String ERR_INVITEONLYCHAN = "473";
    public static final String ERR_BANNEDFROMCHAN = "474";
    public static final String ERR_BADCHANNELKEY = "475";
    public static final String ERR_BANLISTFULL = "478";
    public static final String RPL_MOTD = "372";
    public static final String RPL_MOTDSTART = "375";
    public static final String RPL_ENDOFMOTD = "376";
    public static final String RPL_TIME = "391";
    /** Modern IRC docs: a generic error with the command it concerns, used for refused input. */
    public static final String ERR_UNKNOWNERROR = "400";
    public static final String ERR_NOSUCHNICK = "401";
    public static final String ERR_NOSUCHSERVER = "402";
    public static final String ERR_NOSUCHCHANNEL = "403";
    public static final String ERR_CANNOTSENDTOCHAN = "404";
    public static final String ERR_TOOMANYCHANNELS = "405";
    public static final String ERR_TOOMANYTARGETS = "407";
    public static final String ERR_INVALIDCAPCMD = "410";
    public static final String ERR_NORECIPIENT = "411";
    public static final String ERR_NOTEXTTOSEND = "412";
    public static final String ERR_INPUTTOOLONG = "417";
    public static final String ERR_UNKNOWNCOMMAND = "421";
    public static final String ERR_NOMOTD = "422";
    public static final String ERR_NONICKNAMEGIVEN = "431";
    public static final String ERR_ERRONEUSNICKNAME = "432";
    public static final String ERR_NICKNAMEINUSE = "433";
    public static final String ERR_USERNOTINCHANNEL = "441";
    public static final String ERR_NOTONCHANNEL = "442";
    public static final String ERR_NOTREGISTERED = "451";
    public static final String ERR_NEEDMOREPARAMS = "461";
    public static final String ERR_ALREADYREGISTERED = "462";
    public static final String ERR_PASSWDMISMATCH = "464";
    public static final String ERR_YOUREBANNEDCREEP = "465";
    // IRCv3 sasl (ircv3.net/specs/extensions/sasl-3.1): logins and their failures.
    public static final String RPL_LOGGEDIN = "900";
    public static final String RPL_LOGGEDOUT = "901";
    public static final String ERR_NICKLOCKED = "902";
    public static final String RPL_SASLSUCCESS = "903";
    public static final String ERR_SASLFAIL = "904";
    public static final String ERR_SASLTOOLONG = "905";
    public static final String ERR_SASLABORTED = "906";
    public static final String ERR_SASLALREADY = "907";
    public static final String RPL_SASLMECHS = "908";
    public static final String ERR_UNKNOWNMODE = "472";
    public static final String ERR_BADCHANNAME = "479";
    public static final String ERR_CHANOPRIVSNEEDED = "482";
    public static final String ERR_UMODEUNKNOWNFLAG = "501";
    public static final String ERR_USERSDONTMATCH = "502";
    // Server operators (RFC 2812 3.1.4, 3.7.1, 3.4.4) and bots (IRCv3 bot-mode).
    public static final String RPL_YOUREOPER = "381";
    public static final String ERR_NOPRIVILEGES = "481";
    public static final String RPL_WHOISOPERATOR = "313";
    public static final String RPL_WHOISBOT = "335";
    /** WHOX: the fields the client asked for, in the spec's order (IRCv3 whox). */
    public static final String RPL_WHOSPCRPL = "354";
    public static final String RPL_STATSKLINE = "216";
    public static final String RPL_STATSUPTIME = "242";
    public static final String RPL_ENDOFSTATS = "219";

    private Numeric() {
    }
}
