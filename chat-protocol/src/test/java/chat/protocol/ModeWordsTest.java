package chat.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ModeWordsTest {
    @Test
    void flagsAndArgumentsInWords() {
        assertEquals("+m: only voiced users may speak", ModeWords.describe(List.of("+m")));
        assertEquals("+b bad!*@*: bad!*@* is banned; +k: a key is needed to join; -l: no member limit",
                ModeWords.describe(List.of("+bk-l", "bad!*@*", "sesame")));
        assertEquals("+o bob: bob is an operator; -v carol: carol lost voice", ModeWords.describe(List.of("+o-v", "bob", "carol")));
        assertEquals("+l 5: at most 5 members", ModeWords.describe(List.of("+l", "5")));
    }
}
