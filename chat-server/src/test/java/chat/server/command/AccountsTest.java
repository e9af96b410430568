package chat.server.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.server.account.AccountConfig;
import chat.server.harness.ChatHarness;
import chat.server.harness.ChatHarness.Peer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Accounts on the in-memory harness (hashing inline): REGISTER, SASL PLAIN and EXTERNAL, failures
 * and the throttle, nick ownership for IRC and plain-text users, and what others are told.
 * SCRAM over real sockets is in ScramLoginTest.
 */
class AccountsTest {
    private final ChatHarness chat = new ChatHarness(ChatHarness.testConfig().build());

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean has(List<String> lines, String part) {
        return lines.stream().anyMatch(line -> line.contains(part));
    }

    /** alice registered with "sesame open" and gone again. */
    private void aliceHasAnAccount() {
        Peer alice = chat.irc("alice");
        List<String> answer = alice.ask("REGISTER * * :sesame open");
        assertTrue(has(answer, "900 alice alice!alice@127.0.0.1 alice :You are now logged in as alice"), answer::toString);
        assertTrue(has(answer, "REGISTER SUCCESS alice :Account created"), answer::toString);
        alice.send("QUIT");
    }

    private Peer saslPlain(String nick, String account, String password) {
        Peer peer = chat.connect();
        peer.send("CAP LS 302", "NICK " + nick, "USER " + nick + " 0 * :" + nick, "CAP REQ :sasl", "AUTHENTICATE PLAIN");
        assertTrue(peer.lines().contains(":test.server AUTHENTICATE +"));
        peer.send("AUTHENTICATE " + b64("\0" + account + "\0" + password));
        return peer;
    }

    @Test
    void registerThenLogInWithSaslPlainBeforeRegistrationCompletes() {
        aliceHasAnAccount();
        Peer alice = saslPlain("alice", "alice", "sesame open");
        List<String> lines = alice.lines();
        assertTrue(has(lines, " 900 alice alice!alice@127.0.0.1 alice :You are now logged in as alice"), lines::toString);
        assertTrue(has(lines, " 903 alice :SASL authentication successful"), lines::toString);
        assertFalse(has(lines, " 001 "), "CAP END still pending");
        alice.send("CAP END");
        assertTrue(has(alice.lines(), " 001 alice "));
        Peer bob = chat.irc("bob");
        assertTrue(has(bob.ask("WHOIS alice"), " 330 bob alice alice :is logged in as"));
    }

    @Test
    void aWrongPasswordAndAMissingAccountGetTheSameAnswerThenTheThrottle() {
        aliceHasAnAccount();
        Peer wrong = saslPlain("x1", "alice", "not it at all");
        Peer missing = saslPlain("x2", "nobody", "not it at all");
        assertEquals(List.of(":test.server 904 x1 :SASL authentication failed: Wrong account name or password"), wrong.lines());
        assertEquals(List.of(":test.server 904 x2 :SASL authentication failed: Wrong account name or password"), missing.lines());
        wrong.send("AUTHENTICATE PLAIN", "AUTHENTICATE " + b64("\0alice\0again wrong"));
        wrong.lines();
        // The fourth failure from this address: from now on each one doubles the wait.
        wrong.send("AUTHENTICATE PLAIN", "AUTHENTICATE " + b64("\0alice\0still wrong"));
        wrong.lines();
        wrong.send("AUTHENTICATE PLAIN", "AUTHENTICATE " + b64("\0alice\0sesame open"));
        assertEquals(List.of(":test.server AUTHENTICATE +",
                ":test.server 904 x1 :SASL authentication failed: Too many failed logins; try again in 1 seconds"),
                wrong.lines(), "even the right password waits");
        chat.advance(1_000);
        wrong.send("AUTHENTICATE PLAIN", "AUTHENTICATE " + b64("\0alice\0sesame open"));
        assertTrue(has(wrong.lines(), " 903 "), "after the wait the right password works");
        assertFalse(wrong.isClosed());
    }

    @Test
    void malformedAbortedTooLongAndUnknownMechanismsKeepTheConnection() {
        Peer peer = chat.connect();
        peer.send("CAP LS 302", "NICK p", "USER p 0 * :p");
        peer.lines();
        assertEquals(List.of(":test.server 908 p PLAIN,SCRAM-SHA-256,EXTERNAL :are available SASL mechanisms",
                ":test.server 904 p :SASL authentication failed"), peer.ask("AUTHENTICATE DIGEST-MD5"));
        peer.send("AUTHENTICATE PLAIN");
        assertEquals(List.of(":test.server 904 p :SASL authentication failed: the message is not base64"),
                peer.ask("AUTHENTICATE %%%not-base64%%%"));
        peer.send("AUTHENTICATE PLAIN");
        assertEquals(List.of(":test.server 904 p :SASL authentication failed: PLAIN needs authzid NUL account NUL password"),
                peer.ask("AUTHENTICATE " + b64("just one part")));
        peer.send("AUTHENTICATE PLAIN");
        assertEquals(List.of(":test.server 906 p :SASL authentication aborted"), peer.ask("AUTHENTICATE *"));
        peer.send("AUTHENTICATE PLAIN");
        String chunk = "A".repeat(400);
        for (int i = 0; i < 10; i++) {
            assertEquals(List.of(), peer.ask("AUTHENTICATE " + chunk));
        }
        assertEquals(List.of(":test.server 905 p :SASL message too long"), peer.ask("AUTHENTICATE " + chunk));
        peer.send("CAP END");
        assertTrue(has(peer.lines(), " 001 p "), "registration goes on as a guest");
    }

    @Test
    void aPlainMessageSplitOverFullChunksIsPutBackTogether() {
        aliceHasAnAccount();
        Peer alice = chat.connect();
        alice.send("NICK alice2", "USER a 0 * :a", "AUTHENTICATE PLAIN");
        alice.lines();
        String password = "p".repeat(290) + " long one";
        chat.state().identity().accounts().remove("alice");
        Peer maker = chat.irc("maker");
        maker.ask("REGISTER longpass * :" + password);
        String encoded = b64("\0longpass\0" + password);
        assertTrue(encoded.length() > 400);
        alice.send("AUTHENTICATE " + encoded.substring(0, 400));
        List<String> lines = alice.ask("AUTHENTICATE " + encoded.substring(400));
        assertTrue(has(lines, " 903 "), lines::toString);
    }

    @Test
    void externalLogsInWithARegisteredCertificateOnly() {
        aliceHasAnAccount();
        String print = "ab".repeat(32);
        var identity = chat.state().identity();
        identity.accounts().addFingerprint(identity.accounts().find("alice"), print);
        Peer stranger = chat.connect();
        stranger.send("NICK s", "USER s 0 * :s", "AUTHENTICATE EXTERNAL");
        stranger.lines();
        assertEquals(List.of(":test.server 904 s :SASL authentication failed: no TLS client certificate"),
                stranger.ask("AUTHENTICATE +"));
        Peer alice = chat.connect();
        alice.transport.certificateFingerprint = print;
        alice.send("CAP LS 302", "NICK alice", "USER a 0 * :a", "AUTHENTICATE EXTERNAL", "AUTHENTICATE +", "CAP END");
        List<String> lines = alice.lines();
        assertTrue(has(lines, " 903 ") && has(lines, " 001 alice "), lines::toString);
    }

    @Test
    void aRegisteredNickIsRefusedToOthersAndTheyAreToldHow() {
        aliceHasAnAccount();
        Peer squatter = chat.connect();
        squatter.lines();
        squatter.send("NICK alice", "USER x 0 * :x");
        assertEquals(List.of(":test.server 433 * alice :Nickname is registered to an account; log in (SASL, or /login "
                + "alice PASSWORD) or choose another"), squatter.lines());
        squatter.send("NICK alice_");
        assertTrue(has(squatter.lines(), " 001 alice_ "));
        assertTrue(has(squatter.ask("NICK alice"), " 433 alice_ alice :Nickname is registered"));
        Peer owner = saslPlain("alice", "alice", "sesame open");
        owner.send("CAP END");
        assertTrue(has(owner.lines(), " 001 alice "));
    }

    @Test
    void withProtectionOffNicksAreFirstComeFirstServed() {
        ChatHarness open = new ChatHarness(ChatHarness.testConfig().accounts(new AccountConfig(null, true, false)).build());
        Peer alice = open.irc("alice");
        alice.ask("REGISTER * * :sesame open");
        alice.send("QUIT");
        Peer other = open.irc("alice");
        assertTrue(has(other.ask("LUSERS"), " 251 alice "), "the nick was free to take");
    }

    @Test
    void registrationRules() {
        Peer bob = chat.irc("bob");
        assertEquals(List.of(":test.server FAIL REGISTER WEAK_PASSWORD bob :Password too short: at least 8 characters"),
                bob.ask("REGISTER * * short"));
        Peer carol = chat.irc("carol");
        assertEquals(List.of(":test.server FAIL REGISTER ACCOUNT_EXISTS carol :Someone else is using that name as a nick"),
                bob.ask("REGISTER carol * :long enough"));
        assertEquals(List.of(":test.server FAIL REGISTER BAD_ACCOUNT_NAME NickServ :Account names follow the rules of "
                + "nicknames: that name is reserved for the server"), bob.ask("REGISTER NickServ * :long enough"));
        assertTrue(has(bob.ask("REGISTER * * :long enough"), "REGISTER SUCCESS bob"));
        assertEquals(List.of(":test.server FAIL REGISTER ALREADY_AUTHENTICATED bob2 :You are already logged in as bob"),
                bob.ask("REGISTER bob2 * :long enough"));
        assertEquals(List.of(":test.server FAIL REGISTER ACCOUNT_EXISTS bob :That account already exists"),
                carol.ask("REGISTER bob * :long enough"));
        ChatHarness closed = new ChatHarness(ChatHarness.testConfig().accounts(new AccountConfig(null, false, true)).build());
        Peer dave = closed.irc("dave");
        assertFalse(has(dave.ask("CAP LS 302"), "account-registration"), "not offered when closed");
        assertEquals(List.of(":test.server FAIL REGISTER TEMPORARILY_UNAVAILABLE dave :Accounts on this server are made "
                + "by its operator only"), dave.ask("REGISTER * * :long enough"));
    }

    @Test
    void serviceLikeNicksAreReserved() {
        Peer peer = chat.connect();
        assertEquals(List.of(":test.server 432 * NickServ :Erroneous nickname: that name is reserved for the server"),
                peer.ask("NICK NickServ"));
        Peer plain = chat.connect();
        assertEquals(List.of("*** Sorry, that name is reserved for the server. Type another nickname:"), plain.ask("global"));
    }

    @Test
    void othersSeeTheAccountInJoinsTagsAndNotifications() {
        Peer watcher = chat.irc("watcher");
        watcher.ask("CAP REQ :extended-join account-notify account-tag");
        watcher.send("JOIN #r");
        Peer alice = chat.irc("alice");
        alice.send("JOIN #r");
        watcher.lines();
        alice.lines();
        alice.send("REGISTER * * :sesame open");
        assertEquals(List.of("@account=alice :alice!alice@127.0.0.1 ACCOUNT alice"), watcher.lines());
        alice.send("PRIVMSG #r :hi");
        assertEquals(List.of("@account=alice :alice!alice@127.0.0.1 PRIVMSG #r hi"), watcher.lines());
        alice.send("PART #r", "JOIN #r");
        List<String> lines = watcher.lines();
        assertTrue(lines.contains("@account=alice :alice!alice@127.0.0.1 JOIN #r alice alice"), lines::toString);
        Peer guest = chat.irc("guest");
        guest.send("JOIN #r");
        assertEquals(List.of(":guest!guest@127.0.0.1 JOIN #r * guest"), watcher.lines(), "no account: * and no tag");
    }

    @Test
    void plainTextUsersRegisterAndLogInAndAreAskedForTheirPassword() {
        Peer dave = chat.plain("dave");
        assertEquals(List.of("*** Registering dave...", "*** Account dave created; you are logged in. Nobody else may"
                + " use the nickname dave now. Next time, type your password when asked for it."),
                dave.ask("/register sesame-open"));
        dave.send("88");
        Peer again = chat.connect();
        again.lines();
        assertEquals(List.of("*** The nickname dave is registered. Type its password (or just Enter to pick another nickname):"),
                again.ask("dave"));
        assertEquals(List.of("*** Wrong account name or password. Type another nickname (or dave to try again):"),
                again.ask("wrong one"));
        again.send("dave");
        List<String> lines = again.ask("sesame-open");
        assertEquals("*** Logged in as dave.", lines.get(0));
        assertTrue(lines.get(1).startsWith("*** Welcome, dave!"), lines::toString);
        Peer erin = chat.plain("erin");
        assertEquals(List.of("*** Login failed: Wrong account name or password."), erin.ask("/login dave nope"));
        assertEquals(List.of("*** Logged in as dave."), erin.ask("/login dave sesame-open"), "an account need not be the nick");
        assertEquals(List.of("*** You are already logged in as dave."), erin.ask("/login dave sesame-open"));
    }

    @Test
    void aServerPasswordHoldsForPlainTextUsersToo() {
        ChatHarness locked = new ChatHarness(ChatHarness.testConfig().password("letmein").build());
        Peer guesser = locked.connect();
        guesser.lines();
        assertEquals(List.of("*** This server needs a password. Type it:"), guesser.ask("dave"));
        guesser.send("wrong");
        assertTrue(guesser.isClosed());
        assertTrue(guesser.lines().contains("*** Wrong server password; goodbye."));
        Peer dave = locked.connect();
        dave.send("dave");
        dave.lines();
        List<String> lines = dave.ask("letmein");
        assertTrue(lines.get(0).startsWith("*** Welcome, dave!"), lines::toString);
        Peer early = locked.connect();
        early.send("NICK e");
        assertEquals(List.of(":test.server FAIL REGISTER TEMPORARILY_UNAVAILABLE e :Send the server password (PASS) first"),
                early.ask("REGISTER * * :long enough"), "REGISTER before connecting is no way around PASS");
    }
}
