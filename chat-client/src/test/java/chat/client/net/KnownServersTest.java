package chat.client.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The known_servers file and the fingerprints in it, in a temporary directory. */
class KnownServersTest {
    private static final String HEX = "0123456789abcdef".repeat(4);
    private static final String SHOWN = "SHA256:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:"
            + "01:23:45:67:89:AB:CD:EF";

    @TempDir
    Path home;

    @Test
    void aFingerprintIsReadWithOrWithoutColonsPrefixAndInAnyCase() {
        Fingerprint expected = Fingerprint.parse(SHOWN);
        assertEquals(SHOWN, expected.toString());
        assertEquals(expected, Fingerprint.parse(HEX));
        assertEquals(expected, Fingerprint.parse("sha256:" + HEX.toUpperCase()));
        assertEquals(expected, Fingerprint.parse(SHOWN.toLowerCase().replace("sha256:", "")));
        assertThrows(IllegalArgumentException.class, () -> Fingerprint.parse("SHA256:AB:CD"));
        assertThrows(IllegalArgumentException.class, () -> Fingerprint.parse(HEX.replace('a', 'g')));
    }

    @Test
    void entriesAreWrittenOnePerLineToAPrivateFileAndReadBack() throws Exception {
        KnownServers known = new KnownServers(home.resolve("config/chat/known_servers"));
        assertEquals(List.of(), known.lookup("irc.example:6697"), "no file yet is no entry");
        known.remember("irc.example:6697", Fingerprint.parse(HEX));
        known.remember(KnownServers.key("::1", 6697), Fingerprint.parse("ff".repeat(32)));
        assertEquals(List.of("irc.example:6697 " + SHOWN, "[::1]:6697 SHA256:" + "FF:".repeat(31) + "FF"),
                Files.readAllLines(known.file()));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(known.file())));
        assertEquals(List.of(Fingerprint.parse(HEX)), known.lookup("IRC.example:6697"));
        assertEquals(List.of(), known.lookup("irc.example:6667"), "another port is another server");
    }

    @Test
    void commentsAndDamagedLinesAreSkipped() throws Exception {
        Path file = home.resolve("known_servers");
        Files.writeString(file, "# accepted by hand\n\nirc.example:6697 not-a-fingerprint\nirc.example:6697 " + HEX
                + " trailing words\nbroken\n");
        assertEquals(List.of(Fingerprint.parse(HEX)), new KnownServers(file).lookup("irc.example:6697"));
    }

    @Test
    void theFileFollowsXdgConfigHome() {
        assertEquals(Path.of("/tmp/xdg/chat/known_servers"), KnownServers.defaultFile(Map.of("XDG_CONFIG_HOME", "/tmp/xdg")));
        assertEquals(Path.of(System.getProperty("user.home"), ".config", "chat", "known_servers"),
                KnownServers.defaultFile(Map.of("XDG_CONFIG_HOME", "relative/ignored")));
    }
}
