package chat.server.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A line's stamp as plain numbers and text, to carry it to another node: when it was said, its
 * sequence (the msgid), the sender's account (account-tag, or null) and the sender's client-only
 * tags (only the {@code +} ones are kept: the others are made by each receiving server).
 */
public record StampFields(long epochMillis, long sequence, String account, Map<String, String> clientTags, boolean bot) {
    public StampFields {
        Map<String, String> own = new LinkedHashMap<>();
        clientTags.forEach((key, value) -> {
            if (key.startsWith("+")) {
                own.put(key, value == null ? "" : value);
            }
        });
        clientTags = own.isEmpty() ? Map.of() : Map.copyOf(own);
    }
}
