package chat.protocol;

/**
 * Every limit of the wire format, each a named constant with its unit in the name.
 * Sources: RFC 1459 section 2.3 (line length, parameter count), RFC 2812 section 1.2.1
 * (nick length raised from 9, as every modern server does), IRCv3 message-tags (tag budget).
 */
public final class ProtocolLimits {
    /** A whole IRC line including its CRLF (RFC 1459 2.3). */
    public static final int MAX_LINE_BYTES = 512;
    /** Extra room for an IRCv3 tag section ("@...") once tags are negotiated (IRCv3 message-tags). */
    public static final int MAX_TAGS_BYTES = 8191;
    /** Middle parameters plus the trailing one (RFC 1459 2.3.1). */
    public static final int MAX_PARAMS = 15;
    public static final int MAX_NICK_CHARS = 30;
    public static final int MAX_ROOM_NAME_CHARS = 50;
    public static final int MAX_TOPIC_CHARS = 390;
    public static final int MAX_AWAY_CHARS = 200;
    public static final int MAX_KICK_REASON_CHARS = 255;
    /** Real name (USER's last parameter) kept, as ngIRCd and InspIRCd cut it; 005 NAMELEN=50. */
    public static final int MAX_REAL_NAME_CHARS = 50;
    /** Rooms one user may be in at once (005 CHANLIMIT=#:20, InspIRCd's default); past it, 405. */
    public static final int MAX_ROOMS_PER_USER = 20;
    /** Nicks per WHOIS (005 TARGMAX WHOIS:5); one 407 answers for the rest. */
    public static final int MAX_WHOIS_TARGETS = 5;
    /** Targets per PRIVMSG or NOTICE (005 MAXTARGETS=4). */
    public static final int MAX_MESSAGE_TARGETS = 4;
    /** Modes with a parameter one MODE line may carry (005 MODES). */
    public static final int MAX_MODES_WITH_PARAMS = 4;
    /** Bytes of the line terminator CRLF that the encoder always appends. */
    public static final int CRLF_BYTES = 2;

    private ProtocolLimits() {
    }
}
