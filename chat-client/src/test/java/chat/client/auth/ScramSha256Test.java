package chat.client.auth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** SCRAM-SHA-256 against the one exchange RFC 7677 section 3 gives, and what a wrong server gets. */
class ScramSha256Test {
    private static final String SERVER_FIRST = "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,"
            + "s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096";

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Test
    void rfc7677TestVector() throws Exception {
        ScramSha256 scram = new ScramSha256("user", "pencil", "rOprNGfwEbeRWgbNEkqO");
        assertEquals("n,,n=user,r=rOprNGfwEbeRWgbNEkqO", text(scram.respond(new byte[0])));
        assertEquals("c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,"
                + "p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=", text(scram.respond(utf8(SERVER_FIRST))));
        assertArrayEquals(new byte[0], scram.respond(utf8("v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=")));
    }

    @Test
    void aServerThatCannotProveItKnowsThePasswordIsRefused() throws Exception {
        ScramSha256 scram = new ScramSha256("user", "pencil", "rOprNGfwEbeRWgbNEkqO");
        scram.respond(new byte[0]);
        scram.respond(utf8(SERVER_FIRST));
        SaslMechanism.SaslException refused = assertThrows(SaslMechanism.SaslException.class,
                () -> scram.respond(utf8("v=AAAATRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=")));
        assertEquals("the server could not prove it knows this account's password (wrong server?)", refused.getMessage());
    }

    @Test
    void aNonceThatDoesNotContinueOursIsRefused() throws Exception {
        ScramSha256 scram = new ScramSha256("user", "pencil", "rOprNGfwEbeRWgbNEkqO");
        scram.respond(new byte[0]);
        assertThrows(SaslMechanism.SaslException.class,
                () -> scram.respond(utf8("r=somebodyElse,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096")));
    }

    @Test
    void anAbsurdIterationCountIsRefusedBeforeAnyWork() throws Exception {
        ScramSha256 scram = new ScramSha256("user", "pencil", "abc");
        scram.respond(new byte[0]);
        assertThrows(SaslMechanism.SaslException.class, () -> scram.respond(utf8("r=abcdef,s=W22Z,i=2000000000")));
    }

    @Test
    void commasAndEqualsSignsInTheAccountNameAreEscaped() {
        assertEquals("a=2Cb=3Dc", ScramSha256.saslName("a,b=c"));
    }

    @Test
    void saslPrepMapsOtherSpacesAndComposesCharacters() throws Exception {
        assertEquals("a b\u00e9", SaslPrep.prepare("a\u00a0b\u00ade\u0301"));
        assertThrows(SaslMechanism.SaslException.class, () -> SaslPrep.prepare("bell\u0007"));
    }
}
