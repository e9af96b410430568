package chat.server.account;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The server operators, as the {@code --opers} file names them: one per line, {@code name hash},
 * the hash an Argon2id PHC string ({@code ./chat server --hash-password} makes one); blank lines
 * and lines starting with {@code #} are skipped. The file holds hashes only, so reading it tells
 * nobody a password. Immutable: a reload makes a new one.
 */
public final class Operators {
    /** Longest operator name; names are letters, digits and {@code - _ .}, compared without case. */
    static final int MAX_NAME_CHARS = 32;

    private static final Operators NONE = new Operators(Map.of(), null);

    private final Map<String, String> hashByName;
    private final Path source;

    private Operators(Map<String, String> hashByName, Path source) {
        this.hashByName = hashByName;
        this.source = source;
    }

    /** No operators: OPER always fails (the default without --opers). */
    public static Operators none() {
        return NONE;
    }

    /**
     * Reads {@code file}. Slow (a file read): call it at start-up or off the loop.
     *
     * @throws IOException when the file cannot be read
     * @throws IllegalArgumentException for a malformed line, saying which ({@code file:3: ...})
     */
    public static Operators load(Path file) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IOException("cannot read the operators file " + file + ": " + e, e);
        }
        return parse(lines, file);
    }

    /** The operators of these lines, {@code source} naming them in errors (and for a reload). */
    public static Operators parse(List<String> lines, Path source) {
        Map<String, String> byName = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] words = line.split("\\s+");
            String where = (source == null ? "opers" : source.toString()) + ":" + (i + 1) + ": ";
            if (words.length != 2) {
                throw new IllegalArgumentException(where + "expected 'name hash', found " + words.length + " words");
            }
            if (!isValidName(words[0])) {
                throw new IllegalArgumentException(where + "an operator name is 1-" + MAX_NAME_CHARS
                        + " letters, digits, '-', '_' or '.'");
            }
            if (!words[1].startsWith("$argon2id$v=19$") || words[1].split("\\$").length != 6) {
                throw new IllegalArgumentException(where + "the hash must be an Argon2id PHC string "
                        + "($argon2id$v=19$m=...,t=...,p=...$salt$hash); make one with ./chat server --hash-password");
            }
            if (byName.put(fold(words[0]), words[1]) != null) {
                throw new IllegalArgumentException(where + "operator " + words[0] + " is named twice");
            }
        }
        return new Operators(Map.copyOf(byName), source);
    }

    private static boolean isValidName(String name) {
        if (name.isEmpty() || name.length() > MAX_NAME_CHARS) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(c < 128 && (Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.'))) {
                return false;
            }
        }
        return true;
    }

    private static String fold(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /** The password hash of operator {@code name}, or null when there is no such operator. */
    public String hashOf(String name) {
        return hashByName.get(fold(name));
    }

    public int count() {
        return hashByName.size();
    }

    /** The file they came from, or null (none, or made in code). */
    public Path source() {
        return source;
    }
}
