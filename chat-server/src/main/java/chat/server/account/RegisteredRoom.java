package chat.server.account;

import java.util.List;
import java.util.Map;

/**
 * A room someone registered: its founder account, who else gets {@code @} or {@code +} on
 * joining (by account, folded name to 'o' or 'v'), and what the room was last set to (flags,
 * key, limit, the b/e/I lists, the topic), so that it comes back after a restart or after the
 * last member left. Immutable: a change makes a new record.
 *
 * @param flags the room flags in force, e.g. "imnt"
 * @param lists 'b', 'e' and 'I' entries, each "mask setBy setAtSeconds"
 */
public record RegisteredRoom(String name, String founder, Map<String, Character> access, String flags, String key,
        int limit, Map<Character, List<String>> lists, String topic, String topicSetBy, long topicSetEpochSeconds,
        long registeredEpochSeconds) {
    public RegisteredRoom {
        access = Map.copyOf(access);
        lists = Map.copyOf(lists);
    }

    /** The access 'o' or 'v' of an account ({@code folded}), the founder's being 'o'; 0 for none. */
    public char accessOf(String foldedAccount, String foldedFounder) {
        if (foldedAccount == null) {
            return 0;
        }
        if (foldedAccount.equals(foldedFounder)) {
            return 'o';
        }
        Character level = access.get(foldedAccount);
        return level == null ? 0 : level;
    }
}
