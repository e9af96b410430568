package chat.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.server.account.Operators;
import chat.server.account.PasswordHasher;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The --opers file: its lines, its errors, and --hash-password, which makes its hashes. */
class OperatorsFileTest {
    private static final String HASH = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA";

    @Test
    void readsNamesAndHashesSkippingCommentsAndBlankLines() {
        Operators operators = Operators.parse(List.of("# operators", "", "  boss   " + HASH + "  ", "Night.Shift " + HASH), null);
        assertEquals(2, operators.count());
        assertEquals(HASH, operators.hashOf("BOSS"), "names compare without case");
        assertEquals(HASH, operators.hashOf("night.shift"));
        assertNull(operators.hashOf("nobody"));
    }

    @Test
    void aBadLineIsRefusedSayingWhere() {
        Path file = Path.of("opers.txt");
        assertEquals("opers.txt:2: expected 'name hash', found 1 words",
                assertThrows(IllegalArgumentException.class, () -> Operators.parse(List.of("# x", "boss"), file)).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Operators.parse(List.of("boss plaintext"), file))
                .getMessage().startsWith("opers.txt:1: the hash must be an Argon2id PHC string"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> Operators.parse(List.of("boss " + HASH, "BOSS " + HASH), file)).getMessage().contains("named twice"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> Operators.parse(List.of("bo$s " + HASH), file)).getMessage().contains("operator name"));
    }

    @Test
    void aMissingFileIsAClearError(@TempDir Path dir) {
        IOException e = assertThrows(IOException.class, () -> Operators.load(dir.resolve("none.txt")));
        assertTrue(e.getMessage().startsWith("cannot read the operators file "), e.getMessage());
    }

    @Test
    void hashPasswordPrintsALineTheFileTakes(@TempDir Path dir) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = HashPassword.run(null, new ByteArrayInputStream("correct horse\n".getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, code, err::toString);
        String hash = out.toString(StandardCharsets.UTF_8).strip();
        assertTrue(new PasswordHasher().verify("correct horse", hash), hash);
        Path file = dir.resolve("opers");
        Files.writeString(file, "boss " + hash + "\n");
        assertEquals(hash, Operators.load(file).hashOf("boss"));

        err.reset();
        assertEquals(ServerMain.EXIT_USAGE, HashPassword.run(null, new ByteArrayInputStream("short\n".getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("Password too short"), err::toString);
    }
}
