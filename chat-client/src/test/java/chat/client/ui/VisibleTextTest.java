package chat.client.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.protocol.TerminalText;
import org.junit.jupiter.api.Test;

/** The sanitiser against the strings someone would send to attack a terminal. */
public class VisibleTextTest {
    @Test
    void cleanTextIsReturnedUnchanged() {
        String clean = "héllo wörld 日本 \uD83D\uDE00";
        assertSame(clean, VisibleText.of(clean));
    }

    @Test
    void escapeSequencesBecomeVisible() {
        assertEquals("\u241b[2J\u241b[H", VisibleText.of("\u001b[2J\u001b[H"));
        assertEquals("\u241b[31mred", VisibleText.of("\u001b[31mred"));
    }

    @Test
    void oscWindowTitleSequenceIsDisarmed() {
        assertEquals("\u241b]0;pwned\u2407", VisibleText.of("\u001b]0;pwned\u0007"));
        assertEquals("\u241b]2;x\u241b\\", VisibleText.of("\u001b]2;x\u001b\\"));
    }

    @Test
    void c1ControlsAreShownByCodePoint() {
        assertEquals("<U+009B>31m<U+009D>0;t", VisibleText.of("\u009b31m\u009d0;t"));
    }

    @Test
    void bidiOverridesAndIsolatesAreShownByCodePoint() {
        assertEquals("admin<U+202E>txt.exe", VisibleText.of("admin\u202Etxt.exe"));
        assertEquals("<U+2066>a<U+2069><U+200F><U+061C>", VisibleText.of("\u2066a\u2069\u200F\u061C"));
    }

    @Test
    void lineBreaksCannotFakeASecondLine() {
        assertEquals("hi\u240d\u240a12:00 <admin> fake", VisibleText.of("hi\r\n12:00 <admin> fake"));
        assertEquals("a<U+2028>b", VisibleText.of("a\u2028b"));
    }

    @Test
    void ircFormattingCodesAreRemoved() {
        assertEquals("bold red on blue plain", VisibleText.of("\u0002bold\u0002 \u000304red\u0003 \u00034,12on blue\u000f plain"));
        assertEquals("hex", VisibleText.of("\u0004FF0000hex"));
        assertEquals("ita und rev", VisibleText.of("\u001dita\u001d \u001fund\u001f \u0016rev"));
    }

    @Test
    void deleteAndNulAreVisible() {
        assertEquals("a\u2421b\u2400", VisibleText.of("a\u007fb\u0000"));
    }

    @Test
    void loneSurrogatesAreShownByCodePoint() {
        assertEquals("x<U+D800>y", VisibleText.of("x\uD800y"));
    }

    @Test
    void nothingUnsafeSurvivesAnyCharacter() {
        for (int c = 0; c < 0x3000; c++) {
            String out = VisibleText.of("a" + (char) c + "b");
            out.codePoints().forEach(cp -> assertTrue(!TerminalText.isUnsafe(cp), "U+" + Integer.toHexString(cp)));
        }
    }
}
