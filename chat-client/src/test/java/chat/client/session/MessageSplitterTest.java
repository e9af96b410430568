package chat.client.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

public class MessageSplitterTest {
    @Test
    void shortTextIsOnePiece() {
        assertEquals(List.of("hello"), MessageSplitter.split("hello", 100));
    }

    @Test
    void cutsAtTheLastSpaceThatFits() {
        assertEquals(List.of("aaa bbb", "ccc"), MessageSplitter.split("aaa bbb ccc", 9));
    }

    @Test
    void aWordLongerThanAPieceIsCutBetweenCharacters() {
        assertEquals(List.of("abcd", "efgh", "ij"), MessageSplitter.split("abcdefghij", 4));
    }

    @Test
    void neverSplitsAMultiByteCharacterOrASurrogatePair() {
        String emoji = "\uD83D\uDE00"; // 4 bytes in UTF-8, two chars in Java
        List<String> pieces = MessageSplitter.split(emoji.repeat(5) + "éé", 9);
        for (String piece : pieces) {
            assertTrue(MessageSplitter.utf8Bytes(piece) <= 9, piece);
            assertTrue(!Character.isHighSurrogate(piece.charAt(piece.length() - 1)), "split inside a surrogate pair");
        }
        assertEquals(emoji.repeat(5) + "éé", String.join("", pieces));
    }
}
