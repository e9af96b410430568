package chat.server.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import chat.server.harness.ChatHarness;
import java.util.List;
import org.junit.jupiter.api.Test;

/** MONITOR: presence of watched nicks, at once and as they come and go. */
class MonitorTest {
    private final ChatHarness chat = new ChatHarness(ChatHarness.testConfig().build());

    @Test
    void watchersLearnWhoIsOnlineAndWhenThatChanges() {
        ChatHarness.Peer alice = chat.irc("alice");
        chat.irc("bob");
        assertEquals(List.of(":test.server 730 alice bob!bob@127.0.0.1", ":test.server 731 alice carol"),
                alice.ask("MONITOR + bob,carol"));
        ChatHarness.Peer carol = chat.irc("carol");
        assertEquals(List.of(":test.server 730 alice carol!carol@127.0.0.1"), alice.lines());
        carol.send("NICK caroline");
        assertEquals(List.of(":test.server 731 alice carol"), alice.lines());
        assertEquals(List.of(":test.server 732 alice bob,carol", ":test.server 733 alice :End of MONITOR list"),
                alice.ask("MONITOR L"));
        alice.ask("MONITOR - bob");
        assertEquals(List.of(":test.server 731 alice carol"), alice.ask("MONITOR S"));
        alice.ask("MONITOR C");
        assertEquals(List.of(":test.server 733 alice :End of MONITOR list"), alice.ask("MONITOR L"));
    }

    @Test
    void aQuitIsAnnouncedAndTheListHasALimit() {
        ChatHarness.Peer alice = chat.irc("alice");
        ChatHarness.Peer bob = chat.irc("bob");
        alice.ask("MONITOR + bob");
        bob.send("QUIT :bye");
        chat.settle();
        assertEquals(List.of(":test.server 731 alice bob"), alice.lines());
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 101; i++) {
            many.append(i == 0 ? "" : ",").append("n").append(i);
        }
        List<String> got = alice.ask("MONITOR + " + many);
        assertEquals(":test.server 734 alice 100 n99,n100 :Monitor list is full.", got.get(0), "bob still counts: a watch outlives a quit");
    }
}
