package chat.server.cluster;

import chat.server.account.Account;
import chat.server.account.RegisteredRoom;
import chat.server.account.ScramCredentials;
import chat.server.account.ServerBan;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Accounts, registered rooms and server bans as the one-line text Redis keeps (a hash field's
 * value) and events carry: fields joined by tabs, each escaped ({@code \\ \t \n \r}, {@code \0}
 * for a missing value), so a topic with a tab or a list of masks stays one field and the whole
 * record fits in one field of an {@link Event}. Hashes and SCRAM keys are kept as they are in
 * accounts.db: Argon2id PHC strings and base64 bytes, never a password.
 */
final class AccountRecords {
    private static final char SEPARATOR = '\t';
    private static final String MISSING = "\\0";

    private AccountRecords() {
    }

    static String account(Account account) {
        ScramCredentials scram = account.scram();
        return join(account.name(), account.passwordHash(), base64(scram.salt()), Integer.toString(scram.iterations()),
                base64(scram.storedKey()), base64(scram.serverKey()), String.join(" ", account.fingerprints()),
                Long.toString(account.createdEpochSeconds()));
    }

    static Account account(String text) {
        List<String> f = split(text, 8);
        Set<String> prints = f.get(6).isEmpty() ? Set.of() : new HashSet<>(Arrays.asList(f.get(6).split(" ")));
        return new Account(f.get(0), f.get(1), new ScramCredentials(bytes(f.get(2)), Integer.parseInt(f.get(3)),
                bytes(f.get(4)), bytes(f.get(5))), prints, Long.parseLong(f.get(7)));
    }

    static String room(RegisteredRoom room) {
        StringBuilder access = new StringBuilder();
        room.access().forEach((account, level) -> access.append(access.length() == 0 ? "" : " ")
                .append(account).append(':').append(level));
        return join(room.name(), room.founder(), access.toString(), room.flags(), room.key(), Integer.toString(room.limit()),
                String.join("\n", room.lists().getOrDefault('b', List.of())),
                String.join("\n", room.lists().getOrDefault('e', List.of())),
                String.join("\n", room.lists().getOrDefault('I', List.of())), room.topic(), room.topicSetBy(),
                Long.toString(room.topicSetEpochSeconds()), Long.toString(room.registeredEpochSeconds()));
    }

    static RegisteredRoom room(String text) {
        List<String> f = split(text, 13);
        Map<String, Character> access = new HashMap<>();
        for (String entry : f.get(2).split(" ")) {
            if (entry.length() > 2) {
                access.put(entry.substring(0, entry.length() - 2), entry.charAt(entry.length() - 1));
            }
        }
        return new RegisteredRoom(f.get(0), f.get(1), access, f.get(3), f.get(4), Integer.parseInt(f.get(5)),
                Map.of('b', lines(f.get(6)), 'e', lines(f.get(7)), 'I', lines(f.get(8))), f.get(9), f.get(10),
                Long.parseLong(f.get(11)), Long.parseLong(f.get(12)));
    }

    static String ban(ServerBan ban) {
        return join(ban.mask(), ban.reason(), ban.setBy(), Long.toString(ban.setAtMillis()),
                Long.toString(ban.expiresAtMillis()));
    }

    static ServerBan ban(String text) {
        List<String> f = split(text, 5);
        return new ServerBan(f.get(0), f.get(1), f.get(2), Long.parseLong(f.get(3)), Long.parseLong(f.get(4)));
    }

    private static List<String> lines(String text) {
        return text.isEmpty() ? List.of() : List.of(text.split("\n"));
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static byte[] bytes(String text) {
        return Base64.getDecoder().decode(text);
    }

    static String join(String... fields) {
        StringBuilder out = new StringBuilder(128);
        for (String field : fields) {
            if (out.length() > 0) {
                out.append(SEPARATOR);
            }
            if (field == null) {
                out.append(MISSING);
                continue;
            }
            for (int i = 0; i < field.length(); i++) {
                char c = field.charAt(i);
                switch (c) {
                    case '\\' -> out.append("\\\\");
                    case '\t' -> out.append("\\t");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    default -> out.append(c);
                }
            }
        }
        return out.toString();
    }

    /** The fields of {@code text}; refuses a record with fewer than {@code count} (not one of ours). */
    static List<String> split(String text, int count) {
        List<String> fields = new ArrayList<>(count);
        for (String raw : text.split("\t", -1)) {
            if (raw.equals(MISSING)) {
                fields.add(null);
                continue;
            }
            StringBuilder field = new StringBuilder(raw.length());
            for (int i = 0; i < raw.length(); i++) {
                char c = raw.charAt(i);
                if (c == '\\' && i + 1 < raw.length()) {
                    char next = raw.charAt(++i);
                    field.append(switch (next) {
                        case 't' -> '\t';
                        case 'n' -> '\n';
                        case 'r' -> '\r';
                        default -> next;
                    });
                } else {
                    field.append(c);
                }
            }
            fields.add(field.toString());
        }
        if (fields.size() < count) {
            throw new IllegalArgumentException("a record of " + fields.size() + " fields, expected " + count);
        }
        return fields;
    }
}
