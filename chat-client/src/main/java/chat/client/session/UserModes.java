package chat.client.session;

import java.util.TreeSet;

/** My user modes after a MODE change ("+i" then "-i+w" ...), as "+iw"; empty when none. Pure. */
final class UserModes {
    private UserModes() {
    }

    static String apply(String current, String change) {
        TreeSet<Character> modes = new TreeSet<>();
        if (current != null) {
            current.chars().filter(Character::isLetter).forEach(c -> modes.add((char) c));
        }
        boolean adding = true;
        for (char c : change.toCharArray()) {
            if (c == '+' || c == '-') {
                adding = c == '+';
            } else if (Character.isLetter(c)) {
                if (adding) {
                    modes.add(c);
                } else {
                    modes.remove(c);
                }
            }
        }
        StringBuilder out = new StringBuilder(modes.isEmpty() ? "" : "+");
        modes.forEach(out::append);
        return out.toString();
    }
}
