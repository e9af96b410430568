package chat.client.session;

import chat.client.net.SendPacer;
import chat.protocol.Command;
import chat.protocol.IrcMessage;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Answers the CTCP requests other clients send to learn about this one (VERSION, PING, TIME,
 * CLIENTINFO), by NOTICE as the CTCP convention has it so two clients never answer each other
 * forever. At most {@link #BURST} answers, then one per {@link #INTERVAL_MILLIS}: a flood of
 * requests must not get this client disconnected for flooding. Network thread only.
 */
final class CtcpAnswers {
    private static final char CTCP = '\u0001';
    static final int BURST = 3;
    static final long INTERVAL_MILLIS = 2_000;
    private static final String SUPPORTED = "ACTION CLIENTINFO PING TIME VERSION";

    private final String version;
    private final SendPacer pace = new SendPacer(BURST, TimeUnit.MILLISECONDS.toNanos(INTERVAL_MILLIS));

    CtcpAnswers(String version) {
        this.version = version;
    }

    /** The NOTICE answering this PRIVMSG, if it is a request this client answers and the pace allows. */
    Optional<IrcMessage> answer(IrcMessage request, ZonedDateTime now) {
        String text = request.lastParam();
        String from = request.sourceNick();
        if (from == null || !LineRouting.isCtcpRequest(request)) {
            return Optional.empty();
        }
        String body = text.substring(1, text.indexOf(CTCP, 1) > 0 ? text.indexOf(CTCP, 1) : text.length());
        int space = body.indexOf(' ');
        String verb = (space < 0 ? body : body.substring(0, space)).toUpperCase(Locale.ROOT);
        String argument = space < 0 ? "" : body.substring(space + 1);
        String reply = switch (verb) {
            case "VERSION" -> "VERSION " + version;
            case "PING" -> "PING " + argument;
            case "TIME" -> "TIME " + DateTimeFormatter.RFC_1123_DATE_TIME.format(now);
            case "CLIENTINFO" -> "CLIENTINFO " + SUPPORTED;
            default -> null;
        };
        long nowNanos = TimeUnit.MILLISECONDS.toNanos(now.toInstant().toEpochMilli());
        if (reply == null || pace.waitNanos(nowNanos) > 0) {
            return Optional.empty();
        }
        pace.take(nowNanos);
        return Optional.of(IrcMessage.of(Command.NOTICE, from, CTCP + reply.strip() + CTCP));
    }
}
