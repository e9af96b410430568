package chat.server.command;

import java.util.Locale;

/**
 * The IRCv3 capabilities this server offers (ircv3.net/specs/extensions/capability-negotiation),
 * in the order CAP LS lists them. Each is one bit of a connection's {@link CapabilitySet}: caps
 * belong to a connection, not to a person, since one user's links may have asked for different
 * ones.
 */
public enum Capability {
    CAP_NOTIFY("cap-notify", true),
    MESSAGE_TAGS("message-tags", true),
    SERVER_TIME("server-time", true),
    ECHO_MESSAGE("echo-message", true),
    BATCH("batch", true),
    LABELED_RESPONSE("labeled-response", true),
    MULTI_PREFIX("multi-prefix", false),
    USERHOST_IN_NAMES("userhost-in-names", false),
    AWAY_NOTIFY("away-notify", false),
    EXTENDED_JOIN("extended-join", false),
    ACCOUNT_NOTIFY("account-notify", false),
    ACCOUNT_TAG("account-tag", false),
    SETNAME("setname", false),
    INVITE_NOTIFY("invite-notify", false),
    CHGHOST("chghost", false),
    STANDARD_REPLIES("standard-replies", false);

    private static final Capability[] ALL = values();

    /** The name on the wire: lower case, as the specs write it. */
    public final String wireName;
    /** Listed by CAP LS and accepted by CAP REQ: only once it behaves as its spec says. */
    final boolean offered;

    Capability(String wireName, boolean offered) {
        this.wireName = wireName;
        this.offered = offered;
    }

    long bit() {
        return 1L << ordinal();
    }

    /** The capability of that name (compared without case, as clients vary), or null for one we do not offer. */
    public static Capability named(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (Capability cap : ALL) {
            if (cap.offered && cap.wireName.equals(lower)) {
                return cap;
            }
        }
        return null;
    }

    static Capability[] all() {
        return ALL.clone();
    }
}
