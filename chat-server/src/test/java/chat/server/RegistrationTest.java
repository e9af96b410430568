package chat.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class RegistrationTest extends WithTestServer {
    @Test
    void greetingIsANoticeToStarBeforeRegistration() throws Exception {
        try (TestClient client = new TestClient(server.port())) {
            String greeting = client.readLine();
            assertTrue(greeting.startsWith(":test.server NOTICE * :"), greeting);
        }
    }

    @Test
    void welcomeBurstCarriesServerNameIsupportLusersAndMissingMotd() throws Exception {
        try (TestClient client = new TestClient(server.port())) {
            client.send("CAP LS 302");
            client.send("NICK alice");
            client.send("USER alice 0 * :Alice A");
            List<String> beforeEnd = client.sync();
            assertTrue(beforeEnd.contains(":test.server CAP * LS :cap-notify message-tags server-time echo-message batch labeled-response multi-prefix "
                    + "userhost-in-names away-notify extended-join account-notify account-tag setname invite-notify standard-replies "
                    + "sasl=PLAIN,SCRAM-SHA-256,EXTERNAL draft/account-registration=before-connect,custom-account-name"),
                    beforeEnd::toString);
            assertTrue(beforeEnd.stream().noneMatch(line -> line.contains(" 001 ")), "registration waits for CAP END");
            client.send("CAP END");
            List<String> burst = client.sync();
            assertTrue(burst.get(0).startsWith(":test.server 001 alice :Welcome"), burst::toString);
            for (String numeric : List.of("002", "003", "004", "005", "251", "255", "422")) {
                assertTrue(burst.stream().anyMatch(line -> line.startsWith(":test.server " + numeric + " alice ")),
                        () -> numeric + " missing in " + burst);
            }
            // 252-254 only when their count is not zero (RFC 2812 3.4.2): no operators, rooms or strangers here.
            assertTrue(burst.stream().noneMatch(line -> line.matches(":test.server 25[234] .*")), burst::toString);
            String isupport = burst.stream().filter(line -> line.contains(" 005 ")).findFirst().orElseThrow();
            for (String token : List.of("CASEMAPPING=rfc1459", "CHANTYPES=#", "NICKLEN=30", "CHANNELLEN=50",
                    "TOPICLEN=390", "PREFIX=(ov)@+")) {
                assertTrue(isupport.contains(" " + token + " "), () -> token + " missing in " + isupport);
            }
        }
    }

    @Test
    void motdFromConfigurationIsSentInsteadOf422() throws Exception {
        server.close();
        TestServer.Settings settings = new TestServer.Settings();
        settings.motd = List.of("be kind", "no spam");
        server = TestServer.start(settings);
        try (TestClient client = new TestClient(server.port())) {
            client.send("NICK alice");
            client.send("USER alice 0 * :Alice");
            List<String> burst = client.sync();
            assertTrue(burst.contains(":test.server 372 alice :- be kind"), burst::toString);
            assertTrue(burst.stream().anyMatch(line -> line.contains(" 376 alice ")), burst::toString);
        }
    }

    @Test
    void capReqOfAnUnknownCapabilityIsRefusedWithNak() throws Exception {
        try (TestClient client = TestClient.irc(server.port(), "alice")) {
            assertEquals(List.of(":test.server CAP alice NAK :multi-prefix chghost"), client.ask("CAP REQ :multi-prefix chghost"));
        }
    }

    @Test
    void everyNickErrorHasItsNumeric() throws Exception {
        try (TestClient alice = TestClient.irc(server.port(), "alice");
                TestClient other = new TestClient(server.port())) {
            other.readLine();
            // A bare "NICK" as the very first line would be a plain-text user's nickname, so it comes second.
            assertTrue(other.ask("NICK 9lives").get(0).startsWith(":test.server 432 * 9lives :Erroneous nickname"));
            assertTrue(other.ask("NICK").get(0).startsWith(":test.server 431 * :"));
            assertTrue(other.ask("NICK " + "a".repeat(31)).get(0).contains(" 432 "));
            assertTrue(other.ask("NICK ALICE").get(0).startsWith(":test.server 433 * ALICE :"),
                    "rfc1459 folding makes ALICE the same nick");
            alice.ask("NICK [x]");
            assertTrue(other.ask("NICK {X}").get(0).contains(" 433 "), "[ and { are the same letter in rfc1459");
            assertEquals(List.of(), other.ask("NICK bob"));
        }
    }

    @Test
    void commandsBeforeRegistrationGet451AndUnknownCommands421() throws Exception {
        try (TestClient client = new TestClient(server.port())) {
            client.readLine();
            client.send("NICK alice");
            assertEquals(List.of(":test.server 451 alice :You have not registered"), client.ask("JOIN #lobby"));
            client.send("USER alice 0 * :Alice");
            client.sync();
            assertEquals(List.of(":test.server 421 alice FROB :Unknown command"), client.ask("FROB x"));
            assertEquals(List.of(":test.server 461 alice JOIN :Not enough parameters"), client.ask("JOIN"));
        }
    }

    @Test
    void registeringTwiceGets462() throws Exception {
        try (TestClient client = TestClient.irc(server.port(), "alice")) {
            assertEquals(List.of(":test.server 462 alice :You may not reregister"), client.ask("USER a 0 * :b"));
            assertEquals(List.of(":test.server 462 alice :You may not reregister"), client.ask("PASS x"));
        }
    }

    @Test
    void wrongOrMissingPasswordGets464AndIsDisconnected() throws Exception {
        server.close();
        TestServer.Settings settings = new TestServer.Settings();
        settings.password = "s3cret";
        server = TestServer.start(settings);
        try (TestClient client = new TestClient(server.port())) {
            client.send("PASS wrong");
            client.send("NICK alice");
            client.send("USER alice 0 * :Alice");
            List<String> rest = client.readUntilClosed();
            assertTrue(rest.contains(":test.server 464 alice :Password incorrect"), rest::toString);
            assertTrue(rest.get(rest.size() - 1).startsWith("ERROR :"), rest::toString);
        }
        try (TestClient client = new TestClient(server.port())) {
            client.send("PASS s3cret");
            client.send("NICK bob");
            client.send("USER bob 0 * :Bob");
            client.expectContaining(" 001 bob ");
        }
    }

    @Test
    void pingIsAnsweredWithServerNameAndToken() throws Exception {
        try (TestClient client = TestClient.irc(server.port(), "alice")) {
            client.send("PING :hello there");
            assertEquals(":test.server PONG test.server :hello there", client.readLine());
        }
    }

    @Test
    void quitSendsErrorAndCloses() throws Exception {
        try (TestClient client = TestClient.irc(server.port(), "alice")) {
            client.send("QUIT :bye");
            List<String> rest = client.readUntilClosed();
            assertTrue(rest.get(rest.size() - 1).startsWith("ERROR :Closing Link"), rest::toString);
        }
    }
}
