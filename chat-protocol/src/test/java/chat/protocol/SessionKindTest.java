package chat.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The first-line rule: a registration command with a parameter means IRC, anything else a person at nc. */
class SessionKindTest {

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"CAP LS 302", "CAP LS", "PASS secret", "NICK alice", "USER alice 0 * :Alice",
        "nick alice", "Cap ls", "  NICK alice  ", "@label=1 CAP LS 302", "NICK :alice"})
    void registrationCommandWithAParameterMeansIrc(String firstLine) {
        assertEquals(SessionKind.IRC, SessionKind.ofFirstLine(firstLine));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"alice", "NICK", "nick", "USER", "CAP", "NICK   ", "hello there", "JOIN #lobby",
        "PRIVMSG #lobby :hi", ":alice NICK alice", "88", "", "   ", "NICKalice", "NICK\talice", "CAPS LOCK"})
    void anythingElseMeansAPersonTyping(String firstLine) {
        assertEquals(SessionKind.PLAIN_TEXT, SessionKind.ofFirstLine(firstLine));
    }
}
