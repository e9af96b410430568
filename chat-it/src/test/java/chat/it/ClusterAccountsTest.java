package chat.it;

import static chat.it.SaslText.b64;
import static chat.it.SaslText.lastParam;
import static chat.it.SaslText.unb64;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.server.TestClient;
import chat.server.account.Account;
import chat.server.account.AccountDatabase;
import chat.server.account.PasswordHasher;
import chat.server.account.ScramClient;
import chat.server.account.ScramCredentials;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Accounts, registered rooms, bans and operators' powers across three nodes and one Redis (the
 * packaged server, real clients): an account made on one node logs in and owns its nick on every
 * node, a password change on one node counts on the others, a registered room gives its founder
 * @ on any node, KILL and KLINE reach users of other nodes, and a split keeps logins working
 * while refusing changes. Each node's log says when another node's change reached it, which is
 * what the tests wait for instead of sleeping.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ClusterAccountsTest {
    private static final String PASSWORD = "correct horse battery";

    @TempDir
    Path work;
    private ClusterRig rig;

    @AfterEach
    void stop() throws Exception {
        if (rig != null) {
            rig.close();
        }
    }

    private TestClient on(ClusterRig.Node node, String nick) throws Exception {
        return rig.irc(node, nick);
    }

    /** Waits until {@code node}'s log says another node's change ({@code what}) reached it. */
    private static void awaitLog(ClusterRig.Node node, String what) throws InterruptedException {
        node.watched().await(0, line -> line.contains(what), 20_000);
    }

    /** {@code nick} on {@code node}, with an account of that name made with REGISTER ({@link #PASSWORD}). */
    private TestClient registered(ClusterRig.Node node, String nick) throws Exception {
        TestClient client = on(node, nick);
        client.send("REGISTER * * :" + PASSWORD);
        client.expectContaining(" REGISTER SUCCESS " + nick + " ");
        return client;
    }

    /** The nodes of {@link #twoNodesAndAliceRegisteredOnA}, and alice on a. */
    private record TwoNodes(ClusterRig.Node a, ClusterRig.Node b, TestClient alice) {
    }

    /** Nodes a and b, and alice registered on a (b has heard of the account). */
    private TwoNodes twoNodesAndAliceRegisteredOnA() throws Exception {
        rig = new ClusterRig(work);
        ClusterRig.Node a = rig.start("a");
        ClusterRig.Node b = rig.start("b");
        TestClient alice = registered(a, "alice");
        awaitLog(b, "accounts: account alice made on node a");
        return new TwoNodes(a, b, alice);
    }

    /** A connection to {@code node} as {@code nick}, held before registration with SASL acknowledged. */
    private TestClient saslClient(ClusterRig.Node node, String nick) throws Exception {
        TestClient client = new TestClient(node.port());
        rig.keep(client);
        client.send("CAP LS 302");
        client.send("NICK " + nick);
        client.send("USER " + nick + " 0 * :" + nick);
        client.expectContaining(" CAP * LS ");
        client.send("CAP REQ :sasl");
        client.expectContaining(" ACK ");
        return client;
    }

    /** SASL SCRAM-SHA-256 as {@code account}; returns the 903 or 904 line. */
    private static String scram(TestClient client, String account, String password) throws Exception {
        client.send("AUTHENTICATE SCRAM-SHA-256");
        client.expectContaining("AUTHENTICATE +");
        ScramClient scram = new ScramClient(account, password, "rOprNGfwEbeRWgbNEkqO");
        client.send("AUTHENTICATE " + b64(scram.first()));
        String serverFirst = unb64(lastParam(client.expectContaining("AUTHENTICATE")));
        client.send("AUTHENTICATE " + b64(scram.last(serverFirst)));
        String answer = client.expect(l -> l.contains("AUTHENTICATE") || l.contains(" 904 "));
        if (answer.contains(" 904 ")) {
            return answer;
        }
        assertEquals(scram.expectedServerFinal(), unb64(lastParam(answer)), "the node proves it knows the password");
        client.send("AUTHENTICATE +");
        return client.expect(l -> l.contains(" 903 ") || l.contains(" 904 "));
    }

    /** SASL PLAIN as {@code account}; returns the 903 or 904 line. */
    private static String plain(TestClient client, String account, String password) throws Exception {
        client.send("AUTHENTICATE PLAIN");
        client.expectContaining("AUTHENTICATE +");
        client.send("AUTHENTICATE " + b64("\0" + account + "\0" + password));
        return client.expect(l -> l.contains(" 903 ") || l.contains(" 904 "));
    }

    @Test
    void anAccountMadeOnOneNodeLogsInAndOwnsItsNickOnEveryNode() throws Exception {
        rig = new ClusterRig(work);
        ClusterRig.Node a = rig.start("a");
        ClusterRig.Node b = rig.start("b");
        ClusterRig.Node c = rig.start("c");
        TestClient alice = registered(a, "alice");
        awaitLog(b, "accounts: account alice made on node a");
        awaitLog(c, "accounts: account alice made on node a");
        assertTrue(rig.redis("HEXISTS", "chat:accounts", "alice").strip().equals("1"), "kept in Redis");
        assertTrue(!rig.redis("HGET", "chat:accounts", "alice").contains(PASSWORD), "never the password itself");
        alice.send("QUIT :moving to b");
        alice.readUntilClosed();

        TestClient onB = saslClient(b, "alice");
        assertTrue(scram(onB, "alice", PASSWORD).contains(" 903 "), "SCRAM on b with the account made on a");
        onB.send("CAP END");
        onB.expectContaining(" 001 alice ");

        TestClient squatter = new TestClient(c.port());
        rig.keep(squatter);
        squatter.send("NICK somebody");
        squatter.send("USER x 0 * :x");
        squatter.expectContaining(" 001 somebody ");
        onB.send("NICK alice_");
        onB.expectContaining(" NICK ");
        squatter.sync();
        String answer;
        do { // alice_'s NICK reaches c in a moment; until then the nick is in use
            squatter.send("NICK alice");
            answer = squatter.expect(l -> l.contains(" 433 ") || l.contains(" NICK "));
        } while (answer.contains(" 433 ") && !answer.contains("registered"));
        assertTrue(answer.contains(" 433 ") && answer.contains("registered"), "c protects alice's nick: " + answer);

        ClusterRig.console(a, "/account passwd alice a-new-password");
        a.watched().await(0, l -> l.contains("password of alice changed"), 20_000);
        awaitLog(b, "accounts: account alice changed on node a");
        TestClient again = saslClient(b, "alice2");
        assertTrue(plain(again, "alice", "a-new-password").contains(" 903 "), "the new password counts on b");
        TestClient old = saslClient(c, "alice3");
        assertTrue(plain(old, "alice", PASSWORD).contains(" 904 "), "the old one no longer does on c");

        ClusterRig.console(c, "/account del alice");
        awaitLog(b, "accounts: account alice deleted on node c");
        assertTrue(onB.expectContaining("was deleted").contains("logged out"), "b logs out its users of a deleted account");
        assertEquals("0", rig.redis("HEXISTS", "chat:accounts", "alice").strip());
    }

    @Test
    void aRegisteredRoomGivesItsFounderOpOnAnotherNodeWithItsTopicKept() throws Exception {
        rig = new ClusterRig(work);
        ClusterRig.Node a = rig.start("a");
        ClusterRig.Node b = rig.start("b");
        ClusterRig.Node c = rig.start("c");
        TestClient alice = registered(a, "alice");
        alice.send("JOIN #kept");
        alice.expectContaining(" 366 ");
        alice.send("TOPIC #kept :a topic that outlives the room");
        alice.expectContaining(" TOPIC #kept ");
        alice.send("ROOM REGISTER #kept");
        alice.expectContaining("is registered to your account alice");
        awaitLog(b, "accounts: room #kept registered on node a");
        awaitLog(c, "accounts: room #kept registered on node a");
        alice.send("QUIT :bye");
        alice.readUntilClosed();

        TestClient bob = on(b, "bob");
        bob.send("JOIN #kept");
        List<String> joined = new ArrayList<>();
        joined.add(bob.expectContaining(" 332 "));
        assertTrue(joined.get(0).contains("a topic that outlives the room"), "the kept topic comes back on b: " + joined);
        assertTrue(bob.ask("NAMES #kept").stream().noneMatch(l -> l.contains("@bob")),
                "the first in a registered room gets no @");

        TestClient founder = saslClient(c, "alice");
        assertTrue(plain(founder, "alice", PASSWORD).contains(" 903 "));
        founder.send("CAP END");
        founder.expectContaining(" 001 alice ");
        founder.send("JOIN #kept");
        founder.expectContaining(" MODE #kept +o alice");
        bob.expectContaining(" MODE #kept +o alice");
        assertTrue(bob.ask("NAMES #kept").stream().anyMatch(l -> l.contains("@alice")), "the founder is @ on b too");
    }

    @Test
    void guessesSpreadOverNodesAreSlowedAsOnOneServer() throws Exception {
        TwoNodes nodes = twoNodesAndAliceRegisteredOnA();
        ClusterRig.Node a = nodes.a();
        ClusterRig.Node b = nodes.b();
        TestClient alice = nodes.alice();
        TestClient watcher = on(b, "watcher");
        TestClient onB = saslClient(b, "g2");

        TestClient onA = saslClient(a, "g1");
        for (int i = 1; i <= 4; i++) { // three failures are free; the fourth makes the address wait a second
            assertTrue(plain(onA, "alice", "wrong-" + i).contains("Wrong account name or password"), "guess " + i);
        }
        // a published the failures before this message, on the same connection: b has counted them.
        alice.send("PRIVMSG watcher :after the guesses");
        watcher.expectContaining("after the guesses");
        String answer = plain(onB, "alice", PASSWORD);
        assertTrue(answer.contains(" 904 ") && answer.contains("Too many failed logins"),
                "b makes the same address wait, even with the right password: " + answer);
    }

    @Test
    void killKlineWallopsAndGlobopsReachEveryNode() throws Exception {
        Path opers = work.resolve("opers.txt");
        Files.writeString(opers, "boss " + Jars.hashPassword(work, "operator secret") + "\n");
        rig = new ClusterRig(work);
        ClusterRig.Node a = rig.start("a", "--no-history", "--opers", opers.toString());
        ClusterRig.Node b = rig.start("b", "--no-history", "--opers", opers.toString());
        ClusterRig.Node c = rig.start("c", "--no-history", "--opers", opers.toString());
        TestClient boss = on(a, "boss");
        boss.send("OPER boss :operator secret");
        boss.expectContaining(" 381 ");
        TestClient deputy = on(b, "deputy");
        deputy.send("OPER boss :operator secret"); // the same file on every node: the same operators
        deputy.expectContaining(" 381 ");
        TestClient carol = on(c, "carol");
        TestClient mallory = on(b, "mallory");
        TestClient victor = on(c, "victor");
        for (TestClient member : List.of(carol, mallory, victor)) {
            member.send("JOIN #room");
            member.expectContaining(" 366 ");
        }
        carol.expect(l -> l.startsWith(":victor!") && l.contains(" JOIN "));

        boss.send("WALLOPS :to every node");
        assertEquals(":boss!boss@127.0.0.1 WALLOPS :to every node", deputy.expectContaining(" WALLOPS "));
        // a published boss's +o before the WALLOPS, on the same connection: b knows it by now.
        assertTrue(deputy.ask("WHOIS boss").stream().anyMatch(l -> l.contains(" 313 deputy boss ")),
                "an operator of node a is shown as one on node b");
        assertTrue(deputy.ask("WHO boss").stream().anyMatch(l -> l.contains(" 352 ") && l.contains(" H*")),
                "WHO marks the operator of another node");
        boss.send("GLOBOPS :operators everywhere");
        assertTrue(deputy.expectContaining("GLOBOPS from boss").contains("operators everywhere"));

        boss.send("KILL mallory :spam");
        assertTrue(mallory.readUntilClosed().stream().anyMatch(l -> l.contains("Killed (boss (spam))")),
                "b disconnects its user");
        assertTrue(carol.expect(l -> l.startsWith(":mallory!") && l.contains(" QUIT "))
                .contains("Killed (boss (spam))"), "everyone sees the QUIT");
        assertTrue(deputy.expectContaining("mallory was killed by boss").contains("spam"));

        boss.send("KLINE victor@127.0.0.1 1h :flooding");
        assertTrue(boss.expectContaining("added a K-line").contains("*!victor@127.0.0.1"));
        assertTrue(victor.readUntilClosed().stream().anyMatch(l -> l.contains("You are banned from this server: flooding")),
                "c disconnects the user a's K-line covers");
        assertTrue(carol.expect(l -> l.startsWith(":victor!") && l.contains(" QUIT ")).contains("Banned: flooding"));
        awaitLog(b, "accounts: ban on *!victor@127.0.0.1 set on node a");
        TestClient back = new TestClient(b.port());
        rig.keep(back);
        back.send("NICK victor");
        back.send("USER victor 0 * :v");
        assertTrue(back.readUntilClosed().stream().anyMatch(l -> l.contains("banned")), "b refuses him at the door");
        assertTrue(rig.redis("HGET", "chat:bans", "*!victor@127.0.0.1").contains("flooding"), "kept in Redis");

        boss.send("UNKLINE victor@127.0.0.1");
        boss.expectContaining("removed the K-line");
        awaitLog(c, "accounts: ban on *!victor@127.0.0.1 lifted on node a");
        on(c, "victor");
    }

    @Test
    void aOneServerAccountsFileIsBroughtIntoTheClusterOnce() throws Exception {
        Path dataA = work.resolve("data-a"); // where the rig's node a keeps its data
        try (AccountDatabase file = AccountDatabase.open(dataA)) {
            file.save("dave", new Account("dave", new PasswordHasher().hash(PASSWORD), ScramCredentials.derive(PASSWORD),
                    Set.of(), 1));
        }
        rig = new ClusterRig(work);
        ClusterRig.Node a = rig.start("a");
        a.watched().await(0, l -> l.contains("1 accounts, 0 registered rooms and 0 bans of ")
                && l.contains("are now in the cluster's Redis"), 20_000);
        assertTrue(Files.exists(dataA.resolve("accounts.db.imported")) && !Files.exists(dataA.resolve("accounts.db")),
                "renamed, so a later start does not bring back what the network deleted");
        ClusterRig.Node b = rig.start("b");
        TestClient dave = saslClient(b, "dave");
        assertTrue(scram(dave, "dave", PASSWORD).contains(" 903 "), "dave of a's old file logs in on b");
    }

    @Test
    void aSplitNodeLogsInFromWhatItKnowsRefusesChangesAndRestoresAnEmptyRedis() throws Exception {
        TwoNodes nodes = twoNodesAndAliceRegisteredOnA();
        ClusterRig.Node a = nodes.a();
        ClusterRig.Node b = nodes.b();
        TestClient alice = nodes.alice();
        int bLines = b.watched().lineCount();
        rig.stopRedis();
        alice.expectContaining("The network is split");

        TestClient during = saslClient(b, "alice2");
        assertTrue(scram(during, "alice", PASSWORD).contains(" 903 "), "b answers from the accounts it knows");
        TestClient newcomer = on(a, "newcomer");
        newcomer.send("REGISTER * * :another password");
        assertTrue(newcomer.expectContaining(" FAIL REGISTER TEMPORARILY_UNAVAILABLE ").contains("split"),
                "no account is made where the other nodes cannot see it");

        rig.startRedis(); // empty: it ran without persistence
        ClusterRig.awaitWhole(b, bLines);
        String kept;
        do { // the nodes write back what they knew
            kept = rig.redis("HEXISTS", "chat:accounts", "alice").strip();
        } while (!kept.equals("1"));
        newcomer.expectContaining("The network is whole again");
        String answer;
        do { // a's own reload after the heal accepts changes again
            newcomer.send("REGISTER * * :another password");
            answer = newcomer.expect(l -> l.contains(" REGISTER "));
        } while (answer.contains("TEMPORARILY_UNAVAILABLE"));
        assertTrue(answer.contains(" REGISTER SUCCESS newcomer "), answer);
        assertTrue(during.sync().stream().noneMatch(l -> l.contains("logged out")),
                "b keeps its user logged in to an account Redis forgot and got back");
    }
}
