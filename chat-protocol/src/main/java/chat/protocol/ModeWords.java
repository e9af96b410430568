package chat.protocol;

import java.util.ArrayList;
import java.util.List;

/**
 * A room's MODE change in words, for people rather than programs: {@code +m} is "only voiced
 * users may speak", {@code +b bad!*@*} is "bad!*@* is banned". The terminal client and the
 * plain-text view say the same.
 */
public final class ModeWords {
    private ModeWords() {
    }

    /** {@code change} is the MODE line's parameters after the room: the letters, then their arguments. */
    public static String describe(List<String> change) {
        if (change.isEmpty()) {
            return "";
        }
        String letters = change.get(0);
        int nextArg = 1;
        boolean adding = true;
        List<String> parts = new ArrayList<>();
        for (char c : letters.toCharArray()) {
            if (c == '+' || c == '-') {
                adding = c == '+';
                continue;
            }
            boolean hasArg = "ovbeI".indexOf(c) >= 0 || (c == 'k') || (c == 'l' && adding);
            String arg = hasArg && nextArg < change.size() ? change.get(nextArg++) : null;
            parts.add((adding ? "+" : "-") + c + (arg == null || c == 'k' ? "" : " " + arg) + ": " + words(c, adding, arg));
        }
        return String.join("; ", parts);
    }

    private static String words(char c, boolean on, String arg) {
        return switch (c) {
            case 'i' -> on ? "invite only" : "anyone may join";
            case 'm' -> on ? "only voiced users may speak" : "everyone may speak";
            case 'n' -> on ? "only members may speak" : "outsiders may speak too";
            case 's' -> on ? "secret" : "no longer secret";
            case 't' -> on ? "only operators set the topic" : "anyone may set the topic";
            case 'k' -> on ? "a key is needed to join" : "no key needed";
            case 'l' -> on ? "at most " + arg + " members" : "no member limit";
            case 'o' -> arg + (on ? " is an operator" : " is no longer an operator");
            case 'v' -> arg + (on ? " may speak (voice)" : " lost voice");
            case 'b' -> arg + (on ? " is banned" : " is no longer banned");
            case 'e' -> arg + (on ? " is exempt from bans" : " is no longer exempt from bans");
            case 'I' -> arg + (on ? " may join without an invitation" : " needs an invitation again");
            default -> "mode " + c;
        };
    }
}
