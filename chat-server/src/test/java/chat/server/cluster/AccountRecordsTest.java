package chat.server.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import chat.server.account.Account;
import chat.server.account.RegisteredRoom;
import chat.server.account.ScramCredentials;
import chat.server.account.ServerBan;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The one-line records Redis keeps and events carry: every field comes back as it went, whatever it holds. */
class AccountRecordsTest {
    @Test
    void anAccountComesBackWithItsHashesAndCertificates() {
        ScramCredentials scram = ScramCredentials.derive("correct horse battery", new byte[] {1, 2, 3, 4}, 4096);
        Account account = new Account("Alice", "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA", scram,
                Set.of("ab".repeat(32), "cd".repeat(32)), 1_700_000_000L);
        String text = AccountRecords.account(account);
        assertFalse(text.contains("\n"), "one line: it travels as one field of an event");
        Account back = AccountRecords.account(text);
        assertEquals(account.name(), back.name());
        assertEquals(account.passwordHash(), back.passwordHash());
        assertArrayEquals(scram.salt(), back.scram().salt());
        assertEquals(4096, back.scram().iterations());
        assertArrayEquals(scram.storedKey(), back.scram().storedKey());
        assertArrayEquals(scram.serverKey(), back.scram().serverKey());
        assertEquals(account.fingerprints(), back.fingerprints());
        assertEquals(account.createdEpochSeconds(), back.createdEpochSeconds());
    }

    @Test
    void aRoomKeepsTabsNewlinesBackslashesAndMissingValues() {
        RegisteredRoom room = new RegisteredRoom("#Kept", "alice", Map.of("bob", 'o', "carol", 'v'), "imnt", null, 12,
                Map.of('b', List.of("*!*@bad 1 alice 100", "x!*@* alice 101"), 'e', List.of(), 'I', List.of("a!*@* al 5")),
                "a\ttopic \\ with\nodd\rcharacters", "alice", 1234L, 99L);
        String text = AccountRecords.room(room);
        assertFalse(text.contains("\n"));
        RegisteredRoom back = AccountRecords.room(text);
        assertEquals(room.topic(), back.topic());
        assertNull(back.key(), "a missing key stays missing, not \"null\"");
        assertEquals(room.access(), back.access());
        assertEquals(room.lists().get('b'), back.lists().get('b'));
        assertEquals(List.of(), back.lists().get('e'));
        assertEquals(room.lists().get('I'), back.lists().get('I'));
        assertEquals(room, new RegisteredRoom(back.name(), back.founder(), back.access(), back.flags(), back.key(),
                back.limit(), back.lists(), back.topic(), back.topicSetBy(), back.topicSetEpochSeconds(),
                back.registeredEpochSeconds()));
    }

    @Test
    void aBanComesBackAndSomethingElseIsRefused() {
        ServerBan ban = new ServerBan("*!victor@127.0.0.1", "flooding\tfor real", "boss", 5L, 0L);
        assertEquals(ban, AccountRecords.ban(AccountRecords.ban(ban)));
        assertThrows(IllegalArgumentException.class, () -> AccountRecords.ban("only\ttwo"));
    }
}
