package chat.client.auth;

import chat.protocol.IrcMessage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * One SASL login over AUTHENTICATE (ircv3.net sasl-3.1 and 3.2), as a state machine fed the
 * server's lines; what to send goes to a consumer, so it is tested without a socket. It picks the
 * mechanism ({@link MechanismChoice}), answers each challenge, and ends on 903 (logged in) or on
 * 902/904-907 (not). When the server answers a mechanism with 908 (the ones it has) and 904, the
 * next mechanism that fits is tried on the same connection.
 */
public final class SaslLogin {
    public static final String RPL_LOGGEDIN = "900";
    public static final String RPL_LOGGEDOUT = "901";
    static final String ERR_NICKLOCKED = "902";
    static final String RPL_SASLSUCCESS = "903";
    static final String ERR_SASLFAIL = "904";
    static final String ERR_SASLTOOLONG = "905";
    static final String ERR_SASLABORTED = "906";
    static final String ERR_SASLALREADY = "907";
    static final String RPL_SASLMECHS = "908";

    public enum State { IDLE, RUNNING, SUCCEEDED, FAILED }

    /** Who logs in: the account, its password (null for EXTERNAL only), whether a client certificate is offered. */
    public record Credentials(String account, String password, boolean clientCertificate) {
        @Override
        public String toString() {
            return "Credentials[" + account + "]"; // never the password, whoever logs this
        }
    }

    private final Consumer<IrcMessage> send;
    private final AuthenticateChunks chunks = new AuthenticateChunks();
    private Credentials credentials;
    private boolean tls;
    private List<String> offered = List.of();
    /** The mechanisms a 908 named for the current attempt, else null. */
    private List<String> listed;
    private final List<String> tried = new ArrayList<>();
    private SaslMechanism mechanism;
    private State state = State.IDLE;
    private boolean abortedByUs;
    private String outcome = "";

    public SaslLogin(Consumer<IrcMessage> send) {
        this.send = send;
    }

    /**
     * Starts a login with the mechanisms the server named ({@code sasl=a,b}; empty when it did not
     * say). False when none fits; {@link #outcome()} then says why.
     */
    public boolean start(Credentials who, List<String> mechanisms, boolean overTls) {
        credentials = who;
        tls = overTls;
        offered = mechanisms;
        tried.clear();
        listed = null;
        abortedByUs = false;
        chunks.reset();
        return next();
    }

    public State state() {
        return state;
    }

    public boolean running() {
        return state == State.RUNNING;
    }

    /** The mechanism in use (or last used). */
    public String mechanism() {
        return mechanism == null ? "" : mechanism.name();
    }

    /** In words: why the login failed, or the server's text on success. */
    public String outcome() {
        return outcome;
    }

    /** True when this line belongs to the login (AUTHENTICATE or 902-908 while it runs) and was handled. */
    public boolean received(IrcMessage message) {
        if (message.command().equals(AuthenticateChunks.AUTHENTICATE)) {
            if (running() && message.paramCount() > 0) {
                challenge(message.param(0));
            }
            return true;
        }
        if (!running() && !(abortedByUs && message.command().equals(ERR_SASLABORTED))) {
            return false;
        }
        String text = message.lastParam() == null ? "" : message.lastParam();
        switch (message.command()) {
            case RPL_SASLSUCCESS -> finish(State.SUCCEEDED, text);
            case RPL_SASLMECHS -> listed = message.paramCount() >= 3 ? Arrays.asList(message.param(1).split(",")) : null;
            case ERR_SASLFAIL -> {
                tried.add(mechanism.name());
                if (listed != null && !listed.contains(mechanism.name())) {
                    offered = listed; // a mechanism it lacks: the next that fits (next() says when none does)
                    listed = null;
                    next();
                } else {
                    // A wrong password: not tried again with another mechanism, which would only count twice.
                    finish(State.FAILED, text.isEmpty() ? "the server refused the login" : text);
                }
            }
            case ERR_SASLTOOLONG -> finish(State.FAILED, "the server found our SASL message too long");
            case ERR_SASLABORTED -> {
                if (abortedByUs) {
                    abortedByUs = false; // the reason was given when we aborted
                } else {
                    finish(State.FAILED, "the server aborted the login");
                }
            }
            case ERR_SASLALREADY -> finish(State.FAILED, "you are already logged in");
            case ERR_NICKLOCKED -> finish(State.FAILED, text.isEmpty() ? "this nick is locked to another account" : text);
            default -> {
                return false;
            }
        }
        return true;
    }

    /** The next mechanism that fits, announced to the server; false (and failed) when there is none. */
    private boolean next() {
        MechanismChoice.Choice choice = MechanismChoice.choose(offered, tls, credentials.clientCertificate(), tried);
        if (choice.mechanism() == null) {
            finish(State.FAILED, choice.refusal());
            return false;
        }
        if (credentials.password() == null && !choice.mechanism().equals(MechanismChoice.EXTERNAL)) {
            finish(State.FAILED, "no password to log in with");
            return false;
        }
        mechanism = MechanismChoice.create(choice.mechanism(), credentials.account(), credentials.password());
        state = State.RUNNING;
        send.accept(IrcMessage.of(AuthenticateChunks.AUTHENTICATE, mechanism.name()));
        return true;
    }

    private void challenge(String piece) {
        try {
            byte[] whole = chunks.accept(piece);
            if (whole == null) {
                return; // more pieces to come
            }
            AuthenticateChunks.encode(mechanism.respond(whole)).forEach(send);
        } catch (SaslMechanism.SaslException | IllegalArgumentException wrong) {
            // RFC 4422 3.5 / sasl-3.1: "*" aborts; the server then answers 906, which says nothing new.
            send.accept(IrcMessage.of(AuthenticateChunks.AUTHENTICATE, "*"));
            abortedByUs = true;
            finish(State.FAILED, wrong.getMessage());
        }
    }

    private void finish(State end, String why) {
        state = end;
        outcome = why;
    }

    /** For log lines and tests: a payload as text. */
    static String text(byte[] payload) {
        return new String(payload, StandardCharsets.UTF_8);
    }
}
