package chat.protocol;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TagKeysTest {
    @Test
    void clientTagsWithAndWithoutVendor() {
        assertTrue(TagKeys.isValidClientTag("+typing"));
        assertTrue(TagKeys.isValidClientTag("+draft/reply"));
        assertTrue(TagKeys.isValidClientTag("+example.com/x-y-9"));
    }

    @Test
    void malformedKeysAreRefused() {
        for (String key : new String[] {"typing", "+", "+/x", "+a/", "+a/b/c", "+ä", "+a b", "+a:b", "+a@b", "+.com/x/"}) {
            assertFalse(TagKeys.isValidClientTag(key), key);
        }
    }
}
