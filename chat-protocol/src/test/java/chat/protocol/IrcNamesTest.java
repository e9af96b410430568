package chat.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Nick and room rules of RFC 2812 (1.2.1, 1.3, 2.3.1) and rfc1459 case folding (RFC 1459 2.2). */
class IrcNamesTest {

    @Test
    void foldingLowersLettersAndTheFourRfc1459Pairs() {
        assertEquals("alice{}|^", IrcNames.fold("ALICE[]\\~"));
        assertEquals("{}|^", IrcNames.fold("{}|^"));
    }

    @Test
    void foldingLeavesNonAsciiLettersAlone() {
        // rfc1459 casemapping is ASCII only; folding É would let two different names collide on some servers and not others.
        assertEquals("Éric", IrcNames.fold("ÉRIC"));
        assertEquals("É", IrcNames.fold("É"));
    }

    @Test
    void foldingReturnsTheSameStringWhenNothingChanges() {
        String folded = "already-folded{nick}";
        assertSame(folded, IrcNames.fold(folded));
    }

    @Test
    void namesThatDifferOnlyByFoldingAreEqual() {
        assertTrue(IrcNames.equalsFolded("Alice[away]", "alice{AWAY}"));
        assertTrue(IrcNames.equalsFolded("x\\y~", "X|Y^"));
        assertFalse(IrcNames.equalsFolded("alice", "alice_"));
        assertFalse(IrcNames.equalsFolded("alice", "alicf"));
    }

    @Test
    void foldedEqualityAgreesWithFoldingOnEveryAsciiPair() {
        for (char a = 32; a < 127; a++) {
            for (char b = 32; b < 127; b++) {
                String x = "n" + a;
                String y = "n" + b;
                assertEquals(IrcNames.fold(x).equals(IrcNames.fold(y)), IrcNames.equalsFolded(x, y), x + " vs " + y);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "alice", "Alice_", "[away]", "`tick", "^caret", "{brace}", "|pipe", "\\back", "a-1",
        "abcdefghijklmnopqrstuvwxyz1234"})
    void validNickIsAccepted(String nick) {
        assertNull(IrcNames.nickProblem(nick));
        assertTrue(IrcNames.isValidNick(nick));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1alice", "-alice", "al ice", "alice!", "al@ice", "#room", "ali:ce", "alice,bob", "ålice",
        "alicé", "ali\u001bce", "ali\u0000ce", "~tilde", "abcdefghijklmnopqrstuvwxyz12345"})
    void invalidNickIsRefusedWithAReason(String nick) {
        assertNotNull(IrcNames.nickProblem(nick));
        assertFalse(IrcNames.isValidNick(nick));
    }

    @Test
    void nullNickIsRefusedNotThrown() {
        assertNotNull(IrcNames.nickProblem(null));
    }

    @Test
    void nickOfThirtyCharactersIsTheLongestAccepted() {
        assertTrue(IrcNames.isValidNick("n".repeat(ProtocolLimits.MAX_NICK_CHARS)));
        assertFalse(IrcNames.isValidNick("n".repeat(ProtocolLimits.MAX_NICK_CHARS + 1)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"#a", "#lobby", "#Lobby-2", "#日本語", "#a.b", "#!bang", "#with#hash", "#emoji🙂"})
    void validRoomNameIsAccepted(String name) {
        assertTrue(IrcNames.isValidRoomName(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "#", "lobby", "&lobby", "+lobby", "#lob by", "#a,b", "#a:b", "#a\u0007b", "#a\u0000b",
        "#a\rb", "#a\nb", "#a\u001b[2Jb", "#a\u009bb", "#a\u202eb", "#a\u2066b", "#a\u007fb", "#a\tb"})
    void invalidRoomNameIsRefused(String name) {
        assertFalse(IrcNames.isValidRoomName(name));
    }

    @Test
    void nullRoomNameIsRefusedNotThrown() {
        assertFalse(IrcNames.isValidRoomName(null));
    }

    @Test
    void roomNameOfFiftyCharactersIsTheLongestAccepted() {
        assertTrue(IrcNames.isValidRoomName("#" + "r".repeat(ProtocolLimits.MAX_ROOM_NAME_CHARS - 1)));
        assertFalse(IrcNames.isValidRoomName("#" + "r".repeat(ProtocolLimits.MAX_ROOM_NAME_CHARS)));
    }

    @Test
    void roomTargetIsToldFromANickByItsHash() {
        assertTrue(IrcNames.isRoomName("#lobby"));
        assertFalse(IrcNames.isRoomName("bob"));
        assertFalse(IrcNames.isRoomName(""));
    }

    @org.junit.jupiter.api.Test
    void roomNamesThatHideOrImitateAreRefused() {
        String[] refused = {"#a\u00a0b", "#a\u200bb", "#a\u2028b", "#a\u2029b", "#a\u2060b", "#\ufeffab",
            "#p\u0430ypal", "#\u0391lpha", "#a\u00adb", "#a\u3000b", "#a\ue000b"};
        for (String name : refused) {
            org.junit.jupiter.api.Assertions.assertFalse(IrcNames.isValidRoomName(name), name);
        }
        String[] accepted = {"#paypal", "#caf\u00e9", "#\u043c\u043e\u0441\u043a\u0432\u0430",
            "#\u6771\u4eac-tokyo", "#\u3068\u3046\u304d\u3087\u6771\u4eac", "#\ud55c\uad6d-korea", "#100%", "#c++"};
        for (String name : accepted) {
            org.junit.jupiter.api.Assertions.assertTrue(IrcNames.isValidRoomName(name), name);
        }
    }
}
