package chat.server.account;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScramExchangeTest {
    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** RFC 7677 section 3: user "user", password "pencil", 4096 iterations, fixed nonces. */
    @Test
    void rfc7677ExampleExchange() {
        byte[] salt = Base64.getDecoder().decode("W22ZaJ0SNY7soEsUEjb6gQ==");
        Account account = new Account("user", "unused", ScramCredentials.derive("pencil", salt, 4096), Set.of(), 0);
        ScramExchange exchange = new ScramExchange(name -> name.equals("user") ? account : null, new byte[32],
                "%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0");
        ScramExchange.Step first = exchange.next(bytes("n,,n=user,r=rOprNGfwEbeRWgbNEkqO"));
        assertEquals("r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096",
                new String(((ScramExchange.Challenge) first).data(), StandardCharsets.UTF_8));
        ScramExchange.Step last = exchange.next(bytes("c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,"
                + "p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ="));
        ScramExchange.Proven proven = assertInstanceOf(ScramExchange.Proven.class, last);
        assertEquals("v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=", new String(proven.serverFinal(), StandardCharsets.UTF_8));
        assertEquals(account, proven.account());
    }

    @Test
    void aWrongPasswordAndAnUnknownAccountFailTheSameWay() {
        Account account = new Account("alice", "unused", ScramCredentials.derive("right password", new byte[16], 4096),
                Set.of(), 0);
        for (String[] attempt : new String[][] {{"alice", "wrong password"}, {"nobody", "right password"}}) {
            ScramExchange exchange = new ScramExchange(name -> name.equals("alice") ? account : null, new byte[32]);
            ScramClient client = new ScramClient(attempt[0], attempt[1], "clientnonce");
            ScramExchange.Challenge challenge = assertInstanceOf(ScramExchange.Challenge.class,
                    exchange.next(bytes(client.first())));
            String serverFirst = new String(challenge.data(), StandardCharsets.UTF_8);
            assertEquals(ScramExchange.Refused.class, exchange.next(bytes(client.last(serverFirst))).getClass());
        }
    }

    @Test
    void anUnknownNameGetsTheSameSaltEveryTimeSoItCannotBeTold() {
        byte[] secret = new byte[32];
        String first = new String(((ScramExchange.Challenge) new ScramExchange(n -> null, secret)
                .next(bytes("n,,n=ghost,r=a"))).data(), StandardCharsets.UTF_8);
        String again = new String(((ScramExchange.Challenge) new ScramExchange(n -> null, secret)
                .next(bytes("n,,n=ghost,r=a"))).data(), StandardCharsets.UTF_8);
        assertEquals(first.substring(first.indexOf(",s=")), again.substring(again.indexOf(",s=")));
    }

    @Test
    void channelBindingExtensionsAndOtherAuthzidsAreRefused() {
        ScramExchange.Step step = new ScramExchange(n -> null, new byte[32]).next(bytes("p=tls-unique,,n=a,r=b"));
        assertInstanceOf(ScramExchange.Refused.class, step);
        assertInstanceOf(ScramExchange.Refused.class, new ScramExchange(n -> null, new byte[32]).next(bytes("n,,n=a,r=b,m=x")));
        assertInstanceOf(ScramExchange.Refused.class, new ScramExchange(n -> null, new byte[32]).next(bytes("n,a=root,n=a,r=b")));
        assertInstanceOf(ScramExchange.Refused.class, new ScramExchange(n -> null, new byte[32]).next(bytes("garbage")));
    }

    @Test
    void credentialsKeepNoPassword() {
        ScramCredentials credentials = ScramCredentials.derive("pencil");
        assertEquals(ScramCredentials.ITERATIONS, credentials.iterations());
        assertArrayEquals(ScramCredentials.derive("pencil", credentials.salt(), credentials.iterations()).storedKey(),
                credentials.storedKey());
    }
}
