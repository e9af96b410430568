package chat.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link IrcParser}: the message grammar of RFC 1459/2812 2.3.1, the IRCv3 message-tags syntax and
 * escaping, and a defined refusal for every malformed line. Vectors marked "parser-tests" come from
 * the public-domain ircdocs/parser-tests msg-split.yaml; verbs there are lower-case, this parser
 * upper-cases them.
 */
class IrcParserTest {

    @Test
    void severalSpacesBetweenPartsCountAsOne() throws MalformedMessageException {
        assertEquals(message("services.esper.net", "MODE", "#foo-bar", "+o", "foobar"),
                IrcParser.parse(":services.esper.net MODE #foo-bar +o foobar  "));
        assertEquals(message("gravel.mozilla.org", "432", "#momo", "Erroneous Nickname: Illegal characters"),
                IrcParser.parse(":gravel.mozilla.org 432  #momo :Erroneous Nickname: Illegal characters"));
    }

    @Test
    void trailingParameterKeepsItsSpacesAndColons() throws MalformedMessageException {
        assertEquals(message("coolguy", "FOO", "bar", "baz", "  asdf quux "), IrcParser.parse(":coolguy foo bar baz :  asdf quux "));
        assertEquals(message("coolguy", "PRIVMSG", "bar", "lol :) "), IrcParser.parse(":coolguy PRIVMSG bar :lol :) "));
        assertEquals(message(null, "FOO", "bar", "baz", ":asdf"), IrcParser.parse("foo bar baz ::asdf"));
    }

    @Test
    void emptyTrailingParameterIsKept() throws MalformedMessageException {
        assertEquals(message(null, "FOO", "bar", "baz", ""), IrcParser.parse("foo bar baz :"));
        assertEquals(message("src", "AWAY", ""), IrcParser.parse(":src AWAY :"));
    }

    @Test
    void trailingSpaceAfterTheCommandAddsNoParameter() throws MalformedMessageException {
        assertEquals(message("src", "AWAY"), IrcParser.parse(":src AWAY "));
        assertEquals(message("src", "AWAY"), IrcParser.parse(":src AWAY"));
    }

    @Test
    void colonBeforeALoneLastParameterIsOptional() throws MalformedMessageException {
        assertEquals(IrcParser.parse(":src JOIN #chan"), IrcParser.parse(":src JOIN :#chan"));
        assertEquals(message("SomeOp", "MODE", "#channel", "+oo", "SomeUser", "AnotherUser"),
                IrcParser.parse(":SomeOp MODE #channel +oo SomeUser :AnotherUser"));
    }

    @Test
    void tabIsPartOfAWordNotASeparator() throws MalformedMessageException {
        assertEquals(message("cool\tguy", "FOO", "bar", "baz"), IrcParser.parse(":cool\tguy foo bar baz"));
    }

    @Test
    void controlCodesInThePrefixArePassedOn() throws MalformedMessageException {
        assertEquals("coolguy!~ag@n\u0002et\u000305w\u000fork.admin",
                IrcParser.parse(":coolguy!~ag@n\u0002et\u000305w\u000fork.admin PRIVMSG foo :bar baz").prefix());
    }

    @Test
    void commandIsUpperCased() throws MalformedMessageException {
        assertEquals("PRIVMSG", IrcParser.parse("privmsg #a :hi").command());
        assertEquals("PRIVMSG", IrcParser.parse("PrivMsg #a :hi").command());
    }

    @Test
    void numericCommandIsKeptAsThreeDigits() throws MalformedMessageException {
        IrcMessage reply = IrcParser.parse(":irc.example 001 alice :Welcome");
        assertEquals("001", reply.command());
        assertEquals(true, reply.isNumeric());
    }

    @Test
    void fifteenthParameterTakesTheRestOfTheLineEvenWithoutAColon() throws MalformedMessageException {
        IrcMessage parsed = IrcParser.parse("CMD 1 2 3 4 5 6 7 8 9 10 11 12 13 14 fifteen and more words");
        assertEquals(ProtocolLimits.MAX_PARAMS, parsed.paramCount());
        assertEquals("14", parsed.param(13));
        assertEquals("fifteen and more words", parsed.lastParam());
    }

    @Test
    void sixteenOrMoreParametersNeverGiveMoreThanFifteen() throws MalformedMessageException {
        StringBuilder line = new StringBuilder("CMD");
        for (int i = 1; i <= 40; i++) {
            line.append(' ').append(i);
        }
        IrcMessage parsed = IrcParser.parse(line.toString());
        assertEquals(ProtocolLimits.MAX_PARAMS, parsed.paramCount());
        assertEquals("15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 31 32 33 34 35 36 37 38 39 40", parsed.lastParam());
    }

    @Test
    void fifteenthParameterWithAColonLosesTheColon() throws MalformedMessageException {
        assertEquals("x y", IrcParser.parse("CMD 1 2 3 4 5 6 7 8 9 10 11 12 13 14 :x y").lastParam());
    }

    @Test
    void leadingSpacesBeforeTheMessageAreIgnored() throws MalformedMessageException {
        assertEquals(message(null, "PING", "x"), IrcParser.parse("   PING x"));
    }

    @Test
    void nonAsciiParametersArePassedOnUnchanged() throws MalformedMessageException {
        assertEquals(message("ünï", "PRIVMSG", "#日本", "héllo 🙂 wörld"), IrcParser.parse(":ünï PRIVMSG #日本 :héllo 🙂 wörld"));
    }

    @Test
    void absentPartsReadAsNull() throws MalformedMessageException {
        IrcMessage parsed = IrcParser.parse("NAMES");
        assertNull(parsed.prefix());
        assertNull(parsed.lastParam());
        assertNull(parsed.param(0));
        assertNull(parsed.sourceNick());
        assertEquals(Map.of(), parsed.tags());
    }

    // --- IRCv3 message-tags ---

    @Test
    void tagsWithAndWithoutValuesKeepTheirOrder() throws MalformedMessageException { // parser-tests
        IrcMessage parsed = IrcParser.parse("@a=b;c=32;k;rt=ql7 foo");
        assertEquals(List.of("a", "c", "k", "rt"), List.copyOf(parsed.tags().keySet()));
        assertEquals(orderedTags("a", "b", "c", "32", "k", "", "rt", "ql7"), parsed.tags());
        assertEquals("FOO", parsed.command());
    }

    @Test
    void tagsPrefixAndParametersTogether() throws MalformedMessageException { // parser-tests
        IrcMessage parsed = IrcParser.parse("@tag1=value1;tag2;vendor1/tag3=value2;vendor2/tag4= :irc.example.com COMMAND param1 param2 :param3 param3");
        assertEquals(new IrcMessage(orderedTags("tag1", "value1", "tag2", "", "vendor1/tag3", "value2", "vendor2/tag4", ""),
                "irc.example.com", "COMMAND", List.of("param1", "param2", "param3 param3")), parsed);
        assertEquals(new IrcMessage(orderedTags("c", "", "h", "", "a", "b"), "quux", "AB", List.of("cd")),
                IrcParser.parse("@c;h=;a=b :quux ab cd"));
    }

    @Test
    void everyEscapeOfTheMessageTagsTableIsUnescaped() throws MalformedMessageException {
        // IRCv3 message-tags, "Escaping values": \: ; \s SPACE \\ \ \r CR \n LF
        assertEquals(";", tagValue("@k=\\: X"));
        assertEquals(" ", tagValue("@k=\\s X"));
        assertEquals("\\", tagValue("@k=\\\\ X"));
        assertEquals("\r", tagValue("@k=\\r X"));
        assertEquals("\n", tagValue("@k=\\n X"));
    }

    @Test
    void escapedValuesOfTheParserTestsAreUnescaped() throws MalformedMessageException { // parser-tests
        IrcMessage parsed = IrcParser.parse("@a=b\\\\and\\nk;c=72\\s45;d=gh\\:764 foo");
        assertEquals(orderedTags("a", "b\\and\nk", "c", "72 45", "d", "gh;764"), parsed.tags());
        assertEquals("\\\\;\\s \r\n", tagValue("@foo=\\\\\\\\\\:\\\\s\\s\\r\\n COMMAND"));
    }

    @Test
    void tagValueIsUnescapedOneCharacterAtATime() throws MalformedMessageException { // parser-tests
        assertEquals("value\\ntest", tagValue("@tag1=value\\\\ntest COMMAND"));
    }

    @Test
    void backslashBeforeAnOrdinaryCharacterIsDropped() throws MalformedMessageException { // parser-tests
        assertEquals("value1", tagValue("@tag1=value\\1 COMMAND"));
        assertEquals("b", tagValue("@tag1=\\b COMMAND"));
    }

    @Test
    void backslashAtTheEndOfAValueIsDropped() throws MalformedMessageException { // parser-tests
        assertEquals("value1", tagValue("@tag1=value1\\ COMMAND"));
    }

    @Test
    void repeatedTagKeepsItsLastValue() throws MalformedMessageException { // parser-tests
        IrcMessage parsed = IrcParser.parse("@tag1=1;tag2=3;tag3=4;tag1=5;vendor/tag2=8 COMMAND");
        assertEquals(Map.of("tag1", "5", "tag2", "3", "tag3", "4", "vendor/tag2", "8"), parsed.tags());
    }

    @Test
    void emptyTagSectionAndEmptyTagsAreIgnored() throws MalformedMessageException {
        assertEquals(message(null, "PING", "x"), IrcParser.parse("@ PING x"));
        assertEquals(Map.of("a", "1"), IrcParser.parse("@;a=1;; PING x").tags());
    }

    @Test
    void tagValueMayHoldUtf8() throws MalformedMessageException {
        assertEquals("wörld 🙂", tagValue("@k=wörld\\s🙂 X"));
    }

    // --- refusals: each a MalformedMessageException with a reason, never anything else ---

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {
        "", " ", "     ",                          // empty, only spaces
        "@a=b", "@a=b ", "@a=b    ",                // tags only
        ":nick", ":nick ", ":nick!user@host   ",    // prefix only
        "@a=b :nick", "@a=b :nick ",                // tags and prefix only
        ": PING x", ":", "@", "@ ",                 // empty prefix, lone markers
        "@=v PING x", "@a=1;=2 PING x",             // tag without a key
        "PR1VMSG #a :x", "12 x", "1234 x", "0x1 y", // neither a word nor three digits
        "PRİVMSG #a :x", "ПРИВЕТ x", "PRIV-MSG x",  // non-ASCII or punctuation in the command
        ":a\u0000b PING x", "PING \u0000", "PING x\r", "PING :a\rb", "PING :a\nQUIT", "@k=\u0000 PING"
    })
    void malformedLineIsRefusedWithAReason(String line) {
        MalformedMessageException refused = assertThrows(MalformedMessageException.class, () -> IrcParser.parse(line));
        assertEquals(false, refused.getMessage().isBlank());
    }

    @Test
    void refusalCarriesNoStackTraceBecauseItIsAnAnswerNotABug() {
        MalformedMessageException refused = assertThrows(MalformedMessageException.class, () -> IrcParser.parse(""));
        assertEquals(0, refused.getStackTrace().length);
    }

    private static String tagValue(String line) throws MalformedMessageException {
        Map<String, String> tags = IrcParser.parse(line).tags();
        assertEquals(1, tags.size(), "one tag expected in " + line);
        return tags.values().iterator().next();
    }

    static Map<String, String> orderedTags(String... keysAndValues) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            tags.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return tags;
    }

    static IrcMessage message(String prefix, String command, String... params) {
        return new IrcMessage(Map.of(), prefix, command, List.of(params));
    }
}
