package chat.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The example messages of RFC 1459 section 4 and RFC 2812 section 3: each parses to the atoms the
 * RFC describes, and the encoder writes it back byte for byte (or, where the RFC used a ':' that is
 * not needed, in the shortest form, which parses to the same message).
 */
class RfcExamplesTest {

    /** @param canonical what the encoder writes; the line itself when null */
    record Example(String line, String canonical, IrcMessage message) {
        @Override
        public String toString() {
            return line;
        }
    }

    static Stream<Example> examples() {
        return Stream.of(
                same(":WiZ!jto@tolsun.oulu.fi NICK Kilroy", "WiZ!jto@tolsun.oulu.fi", "NICK", "Kilroy"),
                same(":WiZ NICK Kilroy", "WiZ", "NICK", "Kilroy"),
                same("NICK Wiz", null, "NICK", "Wiz"),
                same("PASS secretpasswordhere", null, "PASS", "secretpasswordhere"),
                same("USER guest 0 * :Ronnie Reagan", null, "USER", "guest", "0", "*", "Ronnie Reagan"),
                same("USER guest tolmoon tolsun :Ronnie Reagan", null, "USER", "guest", "tolmoon", "tolsun", "Ronnie Reagan"),
                same(":testnick USER guest tolmoon tolsun :Ronnie Reagan", "testnick", "USER", "guest", "tolmoon", "tolsun",
                        "Ronnie Reagan"),
                same("SERVER test.oulu.fi 1 :[tolsun.oulu.fi] Experimental server", null, "SERVER", "test.oulu.fi", "1",
                        "[tolsun.oulu.fi] Experimental server"),
                same("OPER foo bar", null, "OPER", "foo", "bar"),
                same("MODE WiZ -w", null, "MODE", "WiZ", "-w"),
                same("MODE Angel +i", null, "MODE", "Angel", "+i"),
                same("SERVICE dict * *.fr 0 0 :French Dictionary", null, "SERVICE", "dict", "*", "*.fr", "0", "0",
                        "French Dictionary"),
                same("QUIT :Gone to have lunch", null, "QUIT", "Gone to have lunch"),
                same(":syrk!kalt@millennium.stealth.net QUIT :Gone to have lunch", "syrk!kalt@millennium.stealth.net", "QUIT",
                        "Gone to have lunch"),
                same("SQUIT tolsun.oulu.fi :Bad Link ?", null, "SQUIT", "tolsun.oulu.fi", "Bad Link ?"),
                same("JOIN #foobar", null, "JOIN", "#foobar"),
                same("JOIN &foo fubar", null, "JOIN", "&foo", "fubar"),
                same("JOIN #foo,&bar fubar", null, "JOIN", "#foo,&bar", "fubar"),
                same("JOIN #foo,#bar fubar,foobar", null, "JOIN", "#foo,#bar", "fubar,foobar"),
                same("JOIN 0", null, "JOIN", "0"),
                same(":WiZ!jto@tolsun.oulu.fi JOIN #Twilight_zone", "WiZ!jto@tolsun.oulu.fi", "JOIN", "#Twilight_zone"),
                same("PART #twilight_zone", null, "PART", "#twilight_zone"),
                same("PART #oz-ops,&group5", null, "PART", "#oz-ops,&group5"),
                same(":WiZ!jto@tolsun.oulu.fi PART #playzone :I lost", "WiZ!jto@tolsun.oulu.fi", "PART", "#playzone", "I lost"),
                same("MODE #Finnish +imI *!*@*.fi", null, "MODE", "#Finnish", "+imI", "*!*@*.fi"),
                same("MODE #eu-opers +l 10", null, "MODE", "#eu-opers", "+l", "10"),
                same("MODE &oulu +b *!*@*.edu +e *!*@*.bu.edu", null, "MODE", "&oulu", "+b", "*!*@*.edu", "+e", "*!*@*.bu.edu"),
                same(":WiZ!jto@tolsun.oulu.fi TOPIC #test :New topic", "WiZ!jto@tolsun.oulu.fi", "TOPIC", "#test", "New topic"),
                same(":Wiz TOPIC #test :New topic", "Wiz", "TOPIC", "#test", "New topic"),
                same("TOPIC #test :another topic", null, "TOPIC", "#test", "another topic"),
                same("TOPIC #test :", null, "TOPIC", "#test", ""),
                same("TOPIC #test", null, "TOPIC", "#test"),
                same("NAMES #twilight_zone,#42", null, "NAMES", "#twilight_zone,#42"),
                same("NAMES", null, "NAMES"),
                same("LIST #twilight_zone,#42", null, "LIST", "#twilight_zone,#42"),
                same(":Angel!wings@irc.org INVITE Wiz #Dust", "Angel!wings@irc.org", "INVITE", "Wiz", "#Dust"),
                same("INVITE Wiz #Twilight_Zone", null, "INVITE", "Wiz", "#Twilight_Zone"),
                same("KICK &Melbourne Matthew", null, "KICK", "&Melbourne", "Matthew"),
                same("KICK #Finnish John :Speaking English", null, "KICK", "#Finnish", "John", "Speaking English"),
                same(":WiZ!jto@tolsun.oulu.fi KICK #Finnish John", "WiZ!jto@tolsun.oulu.fi", "KICK", "#Finnish", "John"),
                same(":Angel PRIVMSG Wiz :Hello are you receiving this message ?", "Angel", "PRIVMSG", "Wiz",
                        "Hello are you receiving this message ?"),
                same("PRIVMSG Angel :yes I'm receiving it !", null, "PRIVMSG", "Angel", "yes I'm receiving it !"),
                same(":Angel!wings@irc.org PRIVMSG Wiz :Are you receiving this message ?", "Angel!wings@irc.org", "PRIVMSG",
                        "Wiz", "Are you receiving this message ?"),
                same("PRIVMSG jto@tolsun.oulu.fi :Hello !", null, "PRIVMSG", "jto@tolsun.oulu.fi", "Hello !"),
                same("PRIVMSG kalt%millennium.stealth.net@irc.stealth.net :Are you a frog?", null, "PRIVMSG",
                        "kalt%millennium.stealth.net@irc.stealth.net", "Are you a frog?"),
                same("PRIVMSG $*.fi :Server tolsun.oulu.fi rebooting.", null, "PRIVMSG", "$*.fi",
                        "Server tolsun.oulu.fi rebooting."),
                same("PRIVMSG #*.edu :NSFNet is undergoing work, expect interruptions", null, "PRIVMSG", "#*.edu",
                        "NSFNet is undergoing work, expect interruptions"),
                same("NOTICE WiZ :ERROR from csd.bu.edu -- Server *.fi already exists", null, "NOTICE", "WiZ",
                        "ERROR from csd.bu.edu -- Server *.fi already exists"),
                same("ERROR :Server *.fi already exists", null, "ERROR", "Server *.fi already exists"),
                same(":csd.bu.edu WALLOPS :Connect '*.uiuc.edu 6667' from Joshua", "csd.bu.edu", "WALLOPS",
                        "Connect '*.uiuc.edu 6667' from Joshua"),
                same("AWAY :Gone to lunch.  Back in 5", null, "AWAY", "Gone to lunch.  Back in 5"),
                same("PING tolsun.oulu.fi", null, "PING", "tolsun.oulu.fi"),
                same("PING WiZ tolsun.oulu.fi", null, "PING", "WiZ", "tolsun.oulu.fi"),
                same("PONG csd.bu.edu tolsun.oulu.fi", null, "PONG", "csd.bu.edu", "tolsun.oulu.fi"),
                same("WHOIS wiz", null, "WHOIS", "wiz"),
                same("WHOIS eff.org trillian", null, "WHOIS", "eff.org", "trillian"),
                same("WHO *.fi", null, "WHO", "*.fi"),
                same("WHO jto* o", null, "WHO", "jto*", "o"),
                same("ISON phone trillian WiZ jarlek Avalon Angel Monstah syrk", null, "ISON", "phone", "trillian", "WiZ",
                        "jarlek", "Avalon", "Angel", "Monstah", "syrk"),
                same("USERHOST Wiz Michael syrk", null, "USERHOST", "Wiz", "Michael", "syrk"),
                shorter("PING :irc.funet.fi", "PING irc.funet.fi", null, "PING", "irc.funet.fi"),
                shorter(":ircd.stealth.net 302 yournick :syrk=+syrk@millennium.stealth.net",
                        ":ircd.stealth.net 302 yournick syrk=+syrk@millennium.stealth.net", "ircd.stealth.net", "302",
                        "yournick", "syrk=+syrk@millennium.stealth.net"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void exampleParsesToTheAtomsTheRfcDescribes(Example example) throws MalformedMessageException {
        assertEquals(example.message(), IrcParser.parse(example.line()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void exampleIsWrittenBackInItsShortestForm(Example example) {
        String expected = example.canonical() == null ? example.line() : example.canonical();
        assertEquals(expected, IrcEncoder.format(example.message()));
        assertEquals(expected + "\r\n", new String(IrcEncoder.encode(example.message()), StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void exampleSurvivesTheWholeCodecFromBytesToBytes(Example example) throws MalformedMessageException {
        LineDecoder decoder = new LineDecoder();
        DecodedLine line = decoder.next(ByteBuffer.wrap(Bytes.utf8(example.line() + "\r\n")));
        IrcMessage parsed = IrcParser.parse((DecodedLine.Text) line);
        assertEquals(IrcParser.parse(((DecodedLine.Text) line).text()), parsed, "the decoded line parses as its text does");
        assertEquals(example.message(), IrcParser.parse(IrcEncoder.format(parsed)));
    }

    private static Example same(String line, String prefix, String command, String... params) {
        return new Example(line, null, new IrcMessage(Map.of(), prefix, command, List.of(params)));
    }

    private static Example shorter(String line, String canonical, String prefix, String command, String... params) {
        return new Example(line, canonical, new IrcMessage(Map.of(), prefix, command, List.of(params)));
    }
}
