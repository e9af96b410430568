package chat.protocol;

/**
 * Nick and room-name rules and the rfc1459 case mapping (RFC 2812 sections 1.2.1, 1.3 and 2.2).
 * Two names are the same person or room when their {@link #fold folded} forms are equal.
 */
public final class IrcNames {
    private IrcNames() {
    }

    /**
     * rfc1459 case folding: A-Z become a-z and, because RFC 1459 2.2 calls {}|^ the lower case of
     * []\~, those fold too. Returns the argument itself when nothing changes (the common case).
     */
    public static String fold(String name) {
        int i = 0;
        int length = name.length();
        while (i < length && foldChar(name.charAt(i)) == name.charAt(i)) {
            i++;
        }
        if (i == length) {
            return name;
        }
        char[] chars = name.toCharArray();
        for (; i < length; i++) {
            chars[i] = foldChar(chars[i]);
        }
        return new String(chars);
    }

    public static boolean equalsFolded(String a, String b) {
        if (a.length() != b.length()) {
            return false;
        }
        for (int i = 0; i < a.length(); i++) {
            if (foldChar(a.charAt(i)) != foldChar(b.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static char foldChar(char c) {
        if (c >= 'A' && c <= 'Z') {
            return (char) (c + ('a' - 'A'));
        }
        return switch (c) {
            case '[' -> '{';
            case ']' -> '}';
            case '\\' -> '|';
            case '~' -> '^';
            default -> c;
        };
    }

    public static boolean isValidNick(String nick) {
        return nickProblem(nick) == null;
    }

    /**
     * Why a nick is not acceptable, in words a person can act on, or null when it is valid.
     * RFC 2812 2.3.1: a letter or one of []\`_^{|} first, then letters, digits, those, or '-'.
     */
    public static String nickProblem(String nick) {
        if (nick == null || nick.isEmpty()) {
            return "a nickname cannot be empty";
        }
        if (nick.length() > ProtocolLimits.MAX_NICK_CHARS) {
            return "a nickname has at most " + ProtocolLimits.MAX_NICK_CHARS + " characters";
        }
        char first = nick.charAt(0);
        if (!isLetter(first) && !isSpecial(first)) {
            return "a nickname starts with a letter or one of []\\`_^{|}";
        }
        for (int i = 1; i < nick.length(); i++) {
            char c = nick.charAt(i);
            if (!isLetter(c) && !isSpecial(c) && !(c >= '0' && c <= '9') && c != '-') {
                return "a nickname may hold only letters, digits, - and []\\`_^{|}";
            }
        }
        return null;
    }

    /**
     * RFC 2812 1.3 with CHANTYPES=#: '#', then 1 to 49 characters that are not space, comma,
     * BEL, colon, NUL, CR or LF. Stricter than the RFC, because a room name is shown to every
     * member and must be what it looks like: no character that could act on a terminal or hide
     * ({@link TerminalText#isUnsafe}), no other space, format or separator character (no-break
     * space, U+2028, zero-width characters), and letters from one script only (plus Han, kana and
     * Hangul next to Latin, as Unicode's "highly restrictive" level of UTS #39 allows), so
     * "#paypal" written with a Cyrillic a (U+0430) is refused rather than passing for the Latin one.
     */
    public static boolean isValidRoomName(String name) {
        if (name == null || name.length() < 2 || name.length() > ProtocolLimits.MAX_ROOM_NAME_CHARS
                || name.charAt(0) != '#') {
            return false;
        }
        java.util.Set<Character.UnicodeScript> scripts = null;
        for (int i = 1; i < name.length(); ) {
            int c = name.codePointAt(i);
            i += Character.charCount(c);
            if (c == ' ' || c == ',' || c == ':' || TerminalText.isUnsafe(c) || isHiddenOrSpace(c)) {
                return false;
            }
            if (c >= 0x80) {
                Character.UnicodeScript script = Character.UnicodeScript.of(c);
                if (script != Character.UnicodeScript.COMMON && script != Character.UnicodeScript.INHERITED) {
                    if (scripts == null) {
                        scripts = java.util.EnumSet.noneOf(Character.UnicodeScript.class);
                    }
                    scripts.add(script);
                }
            } else if (isLetter((char) c)) {
                if (scripts == null) {
                    scripts = java.util.EnumSet.noneOf(Character.UnicodeScript.class);
                }
                scripts.add(Character.UnicodeScript.LATIN);
            }
        }
        return scripts == null || scripts.size() <= 1 || isAllowedScriptMix(scripts);
    }

    private static boolean isHiddenOrSpace(int c) {
        int type = Character.getType(c);
        return type == Character.FORMAT || type == Character.SPACE_SEPARATOR || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR || type == Character.CONTROL || type == Character.SURROGATE
                || type == Character.PRIVATE_USE || type == Character.UNASSIGNED;
    }

    /** Latin with the scripts Japanese, Chinese and Korean write together (UTS #39 "highly restrictive"). */
    private static boolean isAllowedScriptMix(java.util.Set<Character.UnicodeScript> scripts) {
        java.util.Set<Character.UnicodeScript> japanese = java.util.EnumSet.of(Character.UnicodeScript.LATIN,
                Character.UnicodeScript.HAN, Character.UnicodeScript.HIRAGANA, Character.UnicodeScript.KATAKANA);
        java.util.Set<Character.UnicodeScript> chinese = java.util.EnumSet.of(Character.UnicodeScript.LATIN,
                Character.UnicodeScript.HAN, Character.UnicodeScript.BOPOMOFO);
        java.util.Set<Character.UnicodeScript> korean = java.util.EnumSet.of(Character.UnicodeScript.LATIN,
                Character.UnicodeScript.HAN, Character.UnicodeScript.HANGUL);
        return japanese.containsAll(scripts) || chinese.containsAll(scripts) || korean.containsAll(scripts);
    }

    /** True when a message target names a room rather than a person. */
    public static boolean isRoomName(String target) {
        return !target.isEmpty() && target.charAt(0) == '#';
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isSpecial(char c) {
        return c == '[' || c == ']' || c == '\\' || c == '`' || c == '_' || c == '^' || c == '{' || c == '|'
                || c == '}';
    }
}
