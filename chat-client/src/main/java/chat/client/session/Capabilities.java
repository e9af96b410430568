package chat.client.session;

import java.util.Set;

/**
 * The IRCv3 capabilities the server has acknowledged on the current connection. Written by the
 * network thread as negotiation goes on, read by the console thread (whether to mark a line as
 * pending, whether to send typing notices), hence one volatile immutable set.
 */
public final class Capabilities {
    public static final String MESSAGE_TAGS = "message-tags";
    public static final String SERVER_TIME = "server-time";
    public static final String ECHO_MESSAGE = "echo-message";
    public static final String BATCH = "batch";
    public static final String LABELED_RESPONSE = "labeled-response";
    /**
     * Message history on request (IRCv3 draft/chathistory). Asking for it also tells a server that
     * would replay recent lines on JOIN by itself to leave that to us.
     */
    public static final String CHATHISTORY = "draft/chathistory";
    /** Accounts (issue 16): log in with AUTHENTICATE, and see who is logged in as what. */
    public static final String SASL = "sasl";
    public static final String ACCOUNT_TAG = "account-tag";
    public static final String ACCOUNT_NOTIFY = "account-notify";
    public static final String EXTENDED_JOIN = "extended-join";
    public static final String ACCOUNT_REGISTRATION = "draft/account-registration";

    private volatile Set<String> enabled = Set.of();

    public boolean has(String capability) {
        return enabled.contains(capability);
    }

    Set<String> enabled() {
        return enabled;
    }

    void set(Set<String> now) {
        enabled = Set.copyOf(now);
    }
}
