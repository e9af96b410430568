package chat.client.session;

import chat.client.ui.VisibleText;
import chat.protocol.IrcMessage;

/**
 * The server's answers to REGISTER (IRCv3 draft/account-registration) in words:
 * {@code REGISTER SUCCESS <account> :<message>}, {@code REGISTER VERIFICATION_REQUIRED <account> :<message>}
 * and {@code FAIL REGISTER <code> [<account>] :<message>}.
 */
final class RegisterReplies {
    static final String REGISTER = "REGISTER";

    private RegisterReplies() {
    }

    /** What REGISTER SUCCESS or VERIFICATION_REQUIRED means for the user. */
    static String answer(IrcMessage reply) {
        String account = VisibleText.of(reply.param(1));
        String said = said(reply, 3);
        if ("SUCCESS".equals(reply.param(0))) {
            return "the account " + account + " is created" + said + "; next time start with --account " + account;
        }
        if ("VERIFICATION_REQUIRED".equals(reply.param(0))) {
            return "the account " + account + " waits for verification" + said;
        }
        return "REGISTER " + VisibleText.of(String.join(" ", reply.params()));
    }

    /** What FAIL REGISTER means for the user. */
    static String failure(IrcMessage fail) {
        String code = fail.param(1) == null ? "" : fail.param(1);
        String account = fail.paramCount() >= 4 ? VisibleText.of(fail.param(2)) : "that name";
        String words = switch (code) {
            case "ACCOUNT_EXISTS" -> "the account " + account + " exists already; if it is yours, log in with /login " + account;
            case "WEAK_PASSWORD", "UNACCEPTABLE_PASSWORD" -> "the server does not accept that password (too weak); choose a longer one";
            case "BAD_ACCOUNT_NAME" -> account + " cannot be an account name here";
            case "ACCOUNT_NAME_MUST_BE_NICK" -> "the account name must be your current nick";
            case "ALREADY_AUTHENTICATED" -> "you are logged in already, so no new account is made";
            case "TEMPORARILY_UNAVAILABLE" -> "accounts cannot be created right now; try again later";
            case "NEED_NICK" -> "register once you have a nick (after connecting)";
            default -> "the account was not created (" + VisibleText.of(code) + ")";
        };
        return words + said(fail, 3);
    }

    /** ": <the server's own message>" when it has one beyond the fixed parameters. */
    private static String said(IrcMessage reply, int fixed) {
        return reply.paramCount() >= fixed && reply.lastParam() != null && !reply.lastParam().isBlank()
                ? " (the server says: " + VisibleText.of(reply.lastParam()) + ")" : "";
    }
}
