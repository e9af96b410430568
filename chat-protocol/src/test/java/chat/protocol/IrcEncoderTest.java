package chat.protocol;

import static chat.protocol.IrcParserTest.message;
import static chat.protocol.IrcParserTest.orderedTags;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link IrcEncoder}: the shortest correct form, ':' only where the parser needs it, tag escaping,
 * the 512-byte promise at its exact edges, and refusal of every field that could start a second line.
 * Vectors marked "parser-tests" come from the public-domain ircdocs/parser-tests msg-join.yaml.
 */
class IrcEncoderTest {
    private static final int MAX_CONTENT_BYTES = ProtocolLimits.MAX_LINE_BYTES - ProtocolLimits.CRLF_BYTES;

    @Test
    void lastParameterGetsAColonOnlyWhenItNeedsOne() { // parser-tests
        assertEquals("FOO bar baz asdf", IrcEncoder.format(message(null, "FOO", "bar", "baz", "asdf")));
        assertEquals("FOO bar baz :asdf quux", IrcEncoder.format(message(null, "FOO", "bar", "baz", "asdf quux")));
        assertEquals("FOO bar baz :", IrcEncoder.format(message(null, "FOO", "bar", "baz", "")));
        assertEquals("FOO bar baz ::asdf", IrcEncoder.format(message(null, "FOO", "bar", "baz", ":asdf")));
        assertEquals(":coolguy foo bar baz :  asdf quux ", IrcEncoder.format(message("coolguy", "foo", "bar", "baz", "  asdf quux ")));
        assertEquals(":coolguy PRIVMSG bar :lol :) ", IrcEncoder.format(message("coolguy", "PRIVMSG", "bar", "lol :) ")));
        assertEquals(":src AWAY", IrcEncoder.format(message("src", "AWAY")));
        assertEquals(":src AWAY :", IrcEncoder.format(message("src", "AWAY", "")));
    }

    @Test
    void tabNeedsNoColon() { // parser-tests
        assertEquals(":coolguy foo b\tar baz", IrcEncoder.format(message("coolguy", "foo", "b\tar", "baz")));
    }

    @Test
    void encodeAppendsCrlfToTheFormattedLine() {
        IrcMessage hello = message("alice!alice@127.0.0.1", "PRIVMSG", "#lobby", "hello wörld");
        assertEquals(IrcEncoder.format(hello) + "\r\n", new String(IrcEncoder.encode(hello), StandardCharsets.UTF_8));
    }

    @Test
    void tagWithoutValueIsWrittenAsABareKey() { // parser-tests
        IrcMessage tagged = new IrcMessage(Map.of("asd", ""), "coolguy", "foo", List.of("bar", "baz", "  "));
        assertEquals("@asd :coolguy foo bar baz :  ", IrcEncoder.format(tagged));
        Map<String, String> nullValue = new HashMap<>();
        nullValue.put("asd", null);
        assertEquals(tagged, new IrcMessage(nullValue, "coolguy", "foo", List.of("bar", "baz", "  ")));
    }

    @Test
    void tagValuesAreEscapedPerTheMessageTagsTable() { // parser-tests
        IrcMessage tagged = new IrcMessage(orderedTags("a", "b\\and\nk", "d", "gh;764"), null, "foo", List.of("par1", "par2"));
        assertEquals("@a=b\\\\and\\nk;d=gh\\:764 foo par1 par2", IrcEncoder.format(tagged));
        IrcMessage strange = new IrcMessage(Map.of("foo", "\\\\;\\s \r\n"), null, "COMMAND", List.of());
        assertEquals("@foo=\\\\\\\\\\:\\\\s\\s\\r\\n COMMAND", IrcEncoder.format(strange));
    }

    @Test
    void crAndLfInTagValuesAreEscapedNotWritten() throws MalformedMessageException {
        IrcMessage tagged = new IrcMessage(Map.of("k", "a\r\nQUIT :bye"), null, "PING", List.of("x"));
        byte[] wire = IrcEncoder.encode(tagged);
        assertIsOneLine(wire);
        assertEquals(tagged, IrcParser.parse(new String(wire, 0, wire.length - 2, StandardCharsets.UTF_8)));
    }

    // --- refusal of anything that could end the line early or change the message ---

    static Stream<Arguments> messagesWithALineBreakOrNulInEveryField() {
        List<Arguments> cases = new ArrayList<>();
        for (String bad : List.of("\r", "\n", "\0", "\r\n")) {
            String injected = "x" + bad + "QUIT :pwned";
            String name = bad.replace("\r", "CR").replace("\n", "LF").replace("\0", "NUL");
            cases.add(Arguments.of(name + " in prefix", new IrcMessage(Map.of(), injected, "PRIVMSG", List.of("#a", "hi"))));
            cases.add(Arguments.of(name + " in command", new IrcMessage(Map.of(), null, "PRIVMSG" + bad, List.of("#a", "hi"))));
            cases.add(Arguments.of(name + " in first middle", message(null, "PRIVMSG", injected, "hi")));
            cases.add(Arguments.of(name + " in later middle", message(null, "MODE", "#a", "+o", injected, "x")));
            cases.add(Arguments.of(name + " in trailing", message(null, "PRIVMSG", "#a", "hello " + injected)));
            cases.add(Arguments.of(name + " in lone parameter", message(null, "PRIVMSG", injected)));
            cases.add(Arguments.of(name + " in tag key", new IrcMessage(Map.of("k" + bad, "v"), null, "PING", List.of("x"))));
        }
        cases.add(Arguments.of("NUL in tag value", new IrcMessage(Map.of("k", "a\0b"), null, "PING", List.of("x"))));
        return cases.stream();
    }

    @Test
    void lineBreakInTheLastParameterIsRefusedEvenWhereTheCutWouldDropIt() {
        IrcMessage tooLong = message(null, "PRIVMSG", "#a", "x".repeat(600) + "\r\nQUIT :pwned");
        assertThrows(IllegalArgumentException.class, () -> IrcEncoder.encode(tooLong));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messagesWithALineBreakOrNulInEveryField")
    void lineBreakOrNulInAnyFieldIsRefused(String name, IrcMessage message) {
        assertThrows(IllegalArgumentException.class, () -> IrcEncoder.encode(message));
        assertThrows(IllegalArgumentException.class, () -> IrcEncoder.format(message));
    }

    static Stream<Arguments> messagesTheParserWouldReadDifferently() {
        List<String> sixteen = new ArrayList<>();
        for (int i = 1; i <= 16; i++) {
            sixteen.add("p" + i);
        }
        return Stream.of(
                Arguments.of("space in prefix", message("a b", "PING", "x")),
                Arguments.of("empty prefix", message("", "PING", "x")),
                Arguments.of("empty command", message(null, "", "x")),
                Arguments.of("space in command", message(null, "PRIV MSG", "x")),
                Arguments.of("two-digit numeric", message(null, "12", "x")),
                Arguments.of("four-digit numeric", message(null, "1234", "x")),
                Arguments.of("digit in a word command", message(null, "PR1V", "x")),
                Arguments.of("non-ASCII command", message(null, "PRİVMSG", "x")),
                Arguments.of("space in a middle parameter", message(null, "MODE", "#a b", "+o")),
                Arguments.of("empty middle parameter", message(null, "MODE", "", "+o")),
                Arguments.of("colon first in a middle parameter", message(null, "MODE", ":a", "+o")),
                Arguments.of("sixteen parameters", new IrcMessage(Map.of(), null, "CMD", sixteen)),
                Arguments.of("empty tag key", new IrcMessage(Map.of("", "v"), null, "PING", List.of("x"))),
                Arguments.of("'=' in tag key", new IrcMessage(Map.of("a=b", "v"), null, "PING", List.of("x"))),
                Arguments.of("';' in tag key", new IrcMessage(Map.of("a;b", "v"), null, "PING", List.of("x"))),
                Arguments.of("space in tag key", new IrcMessage(Map.of("a b", "v"), null, "PING", List.of("x"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messagesTheParserWouldReadDifferently")
    void messageTheParserWouldReadDifferentlyIsRefused(String name, IrcMessage message) {
        assertThrows(IllegalArgumentException.class, () -> IrcEncoder.encode(message));
        assertThrows(IllegalArgumentException.class, () -> IrcEncoder.format(message));
    }

    @Test
    void fifteenParametersAreTheMostThatCanBeWritten() throws MalformedMessageException {
        List<String> fifteen = new ArrayList<>();
        for (int i = 1; i <= 14; i++) {
            fifteen.add("p" + i);
        }
        fifteen.add("last one");
        IrcMessage most = new IrcMessage(Map.of(), null, "CMD", fifteen);
        assertEquals(most, IrcParser.parse(IrcEncoder.format(most)));
    }

    @Test
    void tagSectionOverItsBudgetIsRefused() {
        String value = "v".repeat(ProtocolLimits.MAX_TAGS_BYTES - 3); // "@k=" + value + " " is one byte over
        assertThrows(IllegalArgumentException.class,
                () -> IrcEncoder.encode(new IrcMessage(Map.of("k", value), null, "PING", List.of("x"))));
        String fits = "v".repeat(ProtocolLimits.MAX_TAGS_BYTES - 4);
        byte[] wire = IrcEncoder.encode(new IrcMessage(Map.of("k", fits), null, "PING", List.of("x")));
        assertEquals(ProtocolLimits.MAX_TAGS_BYTES + "PING x\r\n".length(), wire.length);
    }

    // --- the 512-byte promise at its edges ---

    @Test
    void lineThatFitsExactlyIsNotCutAndOneMoreCharacterIs() {
        String fits = "x " + "t".repeat(MAX_CONTENT_BYTES - "PRIVMSG #a :".length() - 2);
        byte[] exact = IrcEncoder.encode(message(null, "PRIVMSG", "#a", fits));
        assertEquals(ProtocolLimits.MAX_LINE_BYTES, exact.length);
        assertEquals("PRIVMSG #a :" + fits + "\r\n", new String(exact, StandardCharsets.UTF_8));
        byte[] cut = IrcEncoder.encode(message(null, "PRIVMSG", "#a", fits + "u"));
        assertEquals(new String(exact, StandardCharsets.UTF_8), new String(cut, StandardCharsets.UTF_8));
    }

    @Test
    void overLongTrailingParameterIsCutToExactly512Bytes() {
        byte[] wire = IrcEncoder.encode(message("alice!alice@127.0.0.1", "PRIVMSG", "#lobby", "word ".repeat(300)));
        assertEquals(ProtocolLimits.MAX_LINE_BYTES, wire.length);
        assertEquals("\r\n", new String(wire, wire.length - 2, 2, StandardCharsets.UTF_8));
    }

    @Test
    void cutNeverSplitsAMultiByteCharacter() {
        // 12 bytes of head, then 3-byte characters: 498 is a multiple of 3, so an off-by-one would show.
        for (int pad = 0; pad < 4; pad++) {
            IrcMessage message = message(null, "PRIVMSG", "#a", "x".repeat(pad) + "€".repeat(400));
            byte[] wire = IrcEncoder.encode(message);
            assertTrue(wire.length <= ProtocolLimits.MAX_LINE_BYTES);
            assertTrue(wire.length > ProtocolLimits.MAX_LINE_BYTES - 3, "cut no more than one character short");
            assertEquals(-1, Utf8.firstInvalidOffset(wire, 0, wire.length), () -> Bytes.hex(wire));
        }
    }

    @Test
    void cutKeepsBothHalvesOfASurrogatePairOrNeither() {
        for (String lead : List.of("", "x", "xy", "xyz")) {
            byte[] wire = IrcEncoder.encode(message(null, "PRIVMSG", "#a", lead + "🙂".repeat(200)));
            assertEquals(-1, Utf8.firstInvalidOffset(wire, 0, wire.length), () -> Bytes.hex(wire));
            assertTrue(new String(wire, StandardCharsets.UTF_8).endsWith("🙂\r\n"));
            assertTrue(wire.length > ProtocolLimits.MAX_LINE_BYTES - 4);
        }
    }

    @Test
    void wordWithoutColonCutToNothingBecomesAnExplicitEmptyParameter() throws MalformedMessageException {
        String head = "PRIVMSG " + "t".repeat(MAX_CONTENT_BYTES - 8 - 2); // leaves one byte after " "
        IrcMessage message = message(null, "PRIVMSG", head.substring(8), "€uro");
        byte[] wire = IrcEncoder.encode(message);
        assertEquals(ProtocolLimits.MAX_LINE_BYTES, wire.length);
        assertEquals(message(null, "PRIVMSG", head.substring(8), ""),
                IrcParser.parse(new String(wire, 0, wire.length - 2, StandardCharsets.UTF_8)));
    }

    @Test
    void middleParametersWithNoRoomLeftForTheLastAreRefused() {
        String target = "t".repeat(MAX_CONTENT_BYTES - 8 - 1); // "PRIVMSG " + target + " " fills the budget
        assertThrows(IllegalArgumentException.class, () -> IrcEncoder.encode(message(null, "PRIVMSG", target, "word")));
        assertThrows(IllegalArgumentException.class, () -> IrcEncoder.encode(message(null, "PRIVMSG", target, "")));
        assertThrows(IllegalArgumentException.class,
                () -> IrcEncoder.encode(message(null, "PRIVMSG", target + "tt", "x")));
    }

    @Test
    void formatDoesNotCut() {
        String text = "long ".repeat(200);
        assertTrue(IrcEncoder.format(message(null, "PRIVMSG", "#a", text)).endsWith(text));
    }

    @Test
    void tagsDoNotEatIntoTheMessageBudget() {
        IrcMessage tagged = new IrcMessage(Map.of("time", "2026-11-23T17:00:00.000Z"), null, "PRIVMSG",
                List.of("#a", "z".repeat(1000)));
        byte[] wire = IrcEncoder.encode(tagged);
        assertEquals("@time=2026-11-23T17:00:00.000Z ".length() + ProtocolLimits.MAX_LINE_BYTES, wire.length);
    }

    /** Exactly one line: CRLF at the end and no CR, LF or NUL anywhere before it. */
    static void assertIsOneLine(byte[] wire) {
        assertTrue(wire.length >= 2 && wire[wire.length - 2] == '\r' && wire[wire.length - 1] == '\n', "ends in CRLF");
        for (int i = 0; i < wire.length - 2; i++) {
            byte b = wire[i];
            if (b == '\r' || b == '\n' || b == 0) {
                throw new AssertionError("CR, LF or NUL at byte " + i + ": " + Bytes.hex(wire));
            }
        }
    }
}
