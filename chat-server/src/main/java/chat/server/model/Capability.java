package chat.server.model;

import java.util.Locale;

/**
 * The IRCv3 capabilities this server offers (ircv3.net/specs/extensions/capability-negotiation),
 * in the order CAP LS lists them. Each is one bit of a connection's {@link CapabilitySet}, which
 * its {@link User} holds (one link per local user today). chghost is not offered: hosts here never
 * change after connecting, so there would be nothing to send.
 */
public enum Capability {
    CAP_NOTIFY("cap-notify"),
    MESSAGE_TAGS("message-tags"),
    SERVER_TIME("server-time"),
    ECHO_MESSAGE("echo-message"),
    BATCH("batch"),
    LABELED_RESPONSE("labeled-response"),
    MULTI_PREFIX("multi-prefix"),
    USERHOST_IN_NAMES("userhost-in-names"),
    AWAY_NOTIFY("away-notify"),
    EXTENDED_JOIN("extended-join"),
    ACCOUNT_NOTIFY("account-notify"),
    ACCOUNT_TAG("account-tag"),
    SETNAME("setname"),
    INVITE_NOTIFY("invite-notify"),
    STANDARD_REPLIES("standard-replies"),
    /** SASL logins (AUTHENTICATE); its value lists the mechanisms. */
    SASL("sasl"),
    /** REGISTER: offered only while anyone may register (--accounts open). */
    ACCOUNT_REGISTRATION("draft/account-registration"),
    /** CHATHISTORY: offered only while the server keeps history. */
    CHATHISTORY("draft/chathistory"),
    /** Events (JOIN, PART, ...) in CHATHISTORY results too; offered with chathistory. */
    EVENT_PLAYBACK("draft/event-playback");

    private static final Capability[] ALL = values();

    /** The name on the wire: lower case, as the specs write it. */
    public final String wireName;
    Capability(String wireName) {
        this.wireName = wireName;
    }

    /** True for the capabilities that only a server keeping history offers. */
    public boolean needsHistory() {
        return this == CHATHISTORY || this == EVENT_PLAYBACK;
    }

    long bit() {
        return 1L << ordinal();
    }

    /** The capability of that name (compared without case, as clients vary), or null for one we do not offer. */
    public static Capability named(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (Capability cap : ALL) {
            if (cap.wireName.equals(lower)) {
                return cap;
            }
        }
        return null;
    }

    public static Capability[] all() {
        return ALL.clone();
    }
}
