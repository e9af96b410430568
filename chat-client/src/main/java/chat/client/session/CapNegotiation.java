package chat.client.session;

import chat.protocol.Command;
import chat.protocol.IrcMessage;
import chat.protocol.Numeric;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The client's half of IRCv3 capability negotiation (ircv3.net capability-negotiation, version 302),
 * on the network thread. It asks with {@code CAP LS 302} before NICK and USER, gathers the offer
 * (which may span several lines, each but the last marked with '*'), requests in one line the
 * capabilities this client uses, and ends with {@code CAP END} once the server has answered.
 *
 * <p>A server that does not know CAP answers our first line with a numeric (421, or 451 before
 * registration) or simply registers us (001). Since a server answers one connection's lines in
 * order, the reply to {@code CAP LS} comes before any reply to NICK or USER: the first numeric that
 * is not a CAP reply means there is nothing to negotiate, and registration goes on as without CAP.
 *
 * <p>Between the ACK and CAP END other work may run ({@link BeforeEnd}: a SASL login, ircv3.net
 * sasl-3.1); CAP END then waits for {@link #resume()}.
 */
public final class CapNegotiation {
    /** The capabilities this client makes use of, in the order they are requested. */
    static final List<String> WANTED = List.of(Capabilities.MESSAGE_TAGS, Capabilities.SERVER_TIME,
            Capabilities.ECHO_MESSAGE, Capabilities.BATCH, Capabilities.LABELED_RESPONSE, Capabilities.CHATHISTORY,
            Capabilities.SASL, Capabilities.ACCOUNT_TAG, Capabilities.ACCOUNT_NOTIFY, Capabilities.EXTENDED_JOIN,
            Capabilities.ACCOUNT_REGISTRATION);

    /** Work to do once the server has acknowledged, before CAP END. */
    public interface BeforeEnd {
        /** The offer's values (sasl=PLAIN,...) and what is enabled; true when CAP END must wait for {@link #resume()}. */
        boolean begin(Map<String, String> values, Set<String> enabled);
    }

    private enum Phase { LISTING, REQUESTED, WAITING, DONE }

    /** 431 no nick, 432 erroneous, 433 in use, 436 collision: answers to NICK. */
    private static final Set<String> NICK_REPLIES = Set.of("431", "432", Numeric.ERR_NICKNAMEINUSE, "436");

    private final Capabilities capabilities;
    private final List<String> offered = new ArrayList<>();
    private final Map<String, String> values = new HashMap<>();
    private BeforeEnd beforeEnd = (offer, enabled) -> false;
    private Phase phase = Phase.DONE;

    public CapNegotiation(Capabilities capabilities) {
        this.capabilities = capabilities;
    }

    public CapNegotiation(Capabilities capabilities, BeforeEnd beforeEnd) {
        this.capabilities = capabilities;
        this.beforeEnd = beforeEnd;
    }

    /** The work begun by {@link BeforeEnd} is over: CAP END, if registration still waits for it. */
    List<IrcMessage> resume() {
        return phase == Phase.WAITING ? finish() : List.of();
    }

    /** A new connection: nothing is enabled yet; returns the line to send before NICK and USER. */
    IrcMessage start() {
        offered.clear();
        values.clear();
        capabilities.set(Set.of());
        phase = Phase.LISTING;
        return IrcMessage.of(Command.CAP, "LS", "302");
    }

    /** True while the server still holds registration back for us (until our CAP END). */
    boolean negotiating() {
        return phase != Phase.DONE;
    }

    /**
     * A CAP reply ({@code CAP <nick> <subcommand> [*] :<caps>}); returns the lines to send in answer.
     */
    List<IrcMessage> onCap(IrcMessage cap) {
        String subcommand = cap.param(1) == null ? "" : cap.param(1);
        boolean more = cap.paramCount() >= 4 && "*".equals(cap.param(2));
        List<String> names = names(cap.paramCount() >= 3 ? cap.lastParam() : "");
        return switch (subcommand) {
            case "LS" -> listed(names, more, cap.paramCount() >= 3 ? cap.lastParam() : "");
            case "ACK" -> acknowledged(names);
            case "NAK" -> finish();
            case "NEW" -> request(names); // cap-notify: offered later, asked for later
            case "DEL" -> {
                Set<String> left = new LinkedHashSet<>(capabilities.enabled());
                names.forEach(left::remove);
                capabilities.set(left);
                yield List.of();
            }
            default -> List.of();
        };
    }

    /** What to do about a line that is not a CAP reply: whether to show it, what to send. */
    record Answer(boolean hide, List<IrcMessage> send) {
        static final Answer NOTHING = new Answer(false, List.of());
    }

    /**
     * Any other line while negotiating. A numeric ends negotiation: before the offer it means the
     * server does not know CAP, and its refusal of CAP itself (421, or 451 before registration) is
     * hidden, so without CAP the session looks exactly as it did before this client spoke CAP;
     * after our REQ (a 410, say) the server knows CAP and still waits for CAP END. The answer to our
     * NICK (sent with CAP LS) may come between REQ and ACK, a 433 from a server that checks account
     * nicks at once: it answers NICK, not REQ, and must not cut short a SASL login still to come.
     */
    Answer onOther(IrcMessage message) {
        if (phase == Phase.DONE || phase == Phase.WAITING || !message.isNumeric()) {
            return Answer.NOTHING; // the greeting NOTICE, a PING: not an answer to CAP
        }
        if (phase == Phase.REQUESTED) {
            return NICK_REPLIES.contains(message.command()) ? Answer.NOTHING : new Answer(false, finish());
        }
        phase = Phase.DONE;
        boolean refusal = message.command().equals(Numeric.ERR_UNKNOWNCOMMAND) && Command.CAP.equals(message.param(1))
                || message.command().equals(Numeric.ERR_NOTREGISTERED);
        return new Answer(refusal, List.of());
    }

    private List<IrcMessage> listed(List<String> names, boolean more, String text) {
        offered.addAll(names);
        for (String word : text.split(" ")) {
            int equals = word.indexOf('=');
            if (equals > 0) {
                values.put(word.substring(0, equals), word.substring(equals + 1));
            }
        }
        if (more || phase != Phase.LISTING) {
            return List.of();
        }
        List<IrcMessage> request = request(offered);
        if (request.isEmpty()) {
            return finish();
        }
        phase = Phase.REQUESTED;
        return request;
    }

    /** One REQ for the wanted capabilities among these, or nothing when none is. */
    private static List<IrcMessage> request(List<String> names) {
        List<String> subset = WANTED.stream().filter(names::contains).toList();
        return subset.isEmpty() ? List.of() : List.of(IrcMessage.of(Command.CAP, "REQ", String.join(" ", subset)));
    }

    private List<IrcMessage> acknowledged(List<String> names) {
        Set<String> now = new LinkedHashSet<>(capabilities.enabled());
        for (String name : names) {
            if (name.startsWith("-")) {
                now.remove(name.substring(1));
            } else {
                now.add(name);
            }
        }
        capabilities.set(now);
        if (phase != Phase.REQUESTED) {
            return List.of();
        }
        if (beforeEnd.begin(Map.copyOf(values), Set.copyOf(now))) {
            phase = Phase.WAITING; // the server may say more before our CAP END; it is not an end
            return List.of();
        }
        return finish();
    }

    /** CAP END, but only while registration waits for it; after that the server would only complain. */
    private List<IrcMessage> finish() {
        if (phase == Phase.DONE) {
            return List.of();
        }
        phase = Phase.DONE;
        return List.of(IrcMessage.of(Command.CAP, "END"));
    }

    /** "sasl=PLAIN,EXTERNAL multi-prefix" gives sasl and multi-prefix: values are of no use here. */
    private static List<String> names(String text) {
        List<String> names = new ArrayList<>();
        for (String word : text.split(" ")) {
            int equals = word.indexOf('=');
            String name = equals < 0 ? word : word.substring(0, equals);
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        return names;
    }
}
