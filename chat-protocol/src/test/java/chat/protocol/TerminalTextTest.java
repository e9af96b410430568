package chat.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Characters that could act on a terminal instead of being shown are recognised and stripped. */
class TerminalTextTest {

    @Test
    void escapeSequencesLoseTheirControlCharacters() {
        assertEquals("[2J[31mred]0;title", TerminalText.strip("\u001b[2J\u001b[31mred\u001b]0;title\u0007"));
    }

    @Test
    void c0C1DelAndBidiControlsAreUnsafe() {
        for (int c : new int[] {0x00, 0x07, 0x08, 0x09, 0x0A, 0x0D, 0x1B, 0x1F, 0x7F, 0x80, 0x9B, 0x9D, 0x9F,
            0x061C, 0x200E, 0x200F, 0x202A, 0x202E, 0x2066, 0x2069}) {
            assertTrue(TerminalText.isUnsafe(c), Integer.toHexString(c));
        }
    }

    @Test
    void printableTextOfAnyScriptIsSafe() {
        for (int c : new int[] {' ', 'a', '~', 0xA0, 0xE9, 0x20AC, 0x65E5, 0x1F642, 0x200D}) {
            assertFalse(TerminalText.isUnsafe(c), Integer.toHexString(c));
        }
    }

    @Test
    void trojanSourceOverridesAreStripped() {
        assertEquals("access = \"user admin\"", TerminalText.strip("access = \"user\u202e \u2066admin\u2069\u2066\""));
    }

    @Test
    void cleanTextIsReturnedAsTheSameString() {
        String clean = "héllo wörld 🙂 日本語";
        assertSame(clean, TerminalText.strip(clean));
    }

    @org.junit.jupiter.api.Test
    void longRunsOfSpacesCollapseShortOnesStay() {
        org.junit.jupiter.api.Assertions.assertEquals("a b", TerminalText.collapseSpaceRuns("a" + " ".repeat(200) + "b"));
        String eight = "a" + " ".repeat(8) + "b";
        org.junit.jupiter.api.Assertions.assertSame(eight, TerminalText.collapseSpaceRuns(eight));
        org.junit.jupiter.api.Assertions.assertEquals("x y  z w", TerminalText.collapseSpaceRuns(
                "x" + " ".repeat(9) + "y  z" + " ".repeat(30) + "w"));
    }

    @org.junit.jupiter.api.Test
    void escapeShowsEveryUnsafeCharacterAndKeepsTheRest() {
        org.junit.jupiter.api.Assertions.assertEquals("\\x1b]0;owned\\x07 \\x1b[2J caf\u00e9 \\u202e \\x1b",
                TerminalText.escape("\u001b]0;owned\u0007 \u001b[2J caf\u00e9 \u202e \\x1b"));
        String clean = "plain text";
        org.junit.jupiter.api.Assertions.assertSame(clean, TerminalText.escape(clean));
    }

    @org.junit.jupiter.api.Test
    void invisibleCharactersAreStrippedButJoinersStay() {
        org.junit.jupiter.api.Assertions.assertEquals("abcd", TerminalText.strip("a\u200bb\u2028c\ufeffd"));
        String emoji = "\ud83d\udc68\u200d\ud83d\udc69";
        org.junit.jupiter.api.Assertions.assertSame(emoji, TerminalText.strip(emoji));
    }
}
