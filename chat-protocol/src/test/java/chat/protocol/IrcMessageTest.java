package chat.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link IrcMessage}: immutable, value equality, and the accessors handlers rely on. */
class IrcMessageTest {

    @Test
    void changingTheArgumentsAfterwardsDoesNotChangeTheMessage() {
        List<String> params = new ArrayList<>(List.of("#a", "hi"));
        Map<String, String> tags = new HashMap<>(Map.of("k", "v"));
        IrcMessage message = new IrcMessage(tags, null, "PRIVMSG", params);
        params.add("extra");
        tags.put("x", "y");
        assertEquals(2, message.paramCount());
        assertEquals(Map.of("k", "v"), message.tags());
        assertThrows(UnsupportedOperationException.class, () -> message.params().add("z"));
        assertThrows(UnsupportedOperationException.class, () -> message.tags().put("z", "z"));
    }

    @Test
    void missingTagsAndParamsReadAsEmpty() {
        IrcMessage message = new IrcMessage(null, null, "NAMES", null);
        assertEquals(Map.of(), message.tags());
        assertEquals(List.of(), message.params());
    }

    @Test
    void commandIsRequired() {
        assertThrows(NullPointerException.class, () -> new IrcMessage(Map.of(), null, null, List.of()));
    }

    @Test
    void sourceNickIsTheNickPartOfAFullPrefixOrTheWholeServerName() {
        assertEquals("alice", IrcMessage.from("alice!a@127.0.0.1", "PRIVMSG", "#a", "x").sourceNick());
        assertEquals("alice", IrcMessage.from("alice@127.0.0.1", "PRIVMSG", "#a", "x").sourceNick());
        assertEquals("irc.example", IrcMessage.from("irc.example", "001", "alice", "hi").sourceNick());
    }

    @Test
    void onlyThreeAsciiDigitsMakeANumeric() {
        assertTrue(IrcMessage.of("001").isNumeric());
        assertFalse(IrcMessage.of("01").isNumeric());
        assertFalse(IrcMessage.of("PING").isNumeric());
        assertFalse(IrcMessage.of("\u0661\u0662\u0663").isNumeric()); // Arabic-Indic digits
    }

    @Test
    void withPrefixReplacesOnlyThePrefix() {
        IrcMessage relayed = IrcMessage.of("PRIVMSG", "#a", "hi there").withPrefix("bob!b@h");
        assertEquals(IrcMessage.from("bob!b@h", "PRIVMSG", "#a", "hi there"), relayed);
    }

    @Test
    void toStringIsTheWireLineOrAReadableFormWhenUnencodable() {
        assertEquals(":bob PRIVMSG #a :hi there", IrcMessage.from("bob", "PRIVMSG", "#a", "hi there").toString());
        assertTrue(IrcMessage.of("PRIVMSG", "a b", "x").toString().startsWith("IrcMessage["));
    }
}
