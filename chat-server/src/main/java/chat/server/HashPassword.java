package chat.server;

import chat.server.account.PasswordHasher;
import chat.server.command.Logins;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * {@code ./chat server --hash-password}: reads a password (from the console without echo, else one
 * line of stdin, so {@code echo pw | ./chat server --hash-password} works in scripts) and prints its
 * Argon2id PHC string, ready for a line of the --opers file.
 */
final class HashPassword {
    private HashPassword() {
    }

    /**
     * The console when stdin and stdout are a terminal, else null. Up to Java 21 System.console()
     * says exactly that; from Java 22 it may exist for a pipe too, and Console.isTerminal() (looked
     * up reflectively: this compiles for 17) tells.
     */
    static Console terminal() {
        Console console = System.console();
        if (console == null) {
            return null;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console) ? console : null;
        } catch (ReflectiveOperationException olderJava) {
            return console;
        }
    }

    /** Exit code: 0 with the hash printed, 2 for no password or one the rules refuse. */
    static int run(Console console, InputStream in, PrintStream out, PrintStream err) throws IOException {
        String password;
        if (console != null) {
            char[] typed = console.readPassword("password: ");
            char[] again = typed == null ? null : console.readPassword("again: ");
            if (typed == null || !Arrays.equals(typed, again)) {
                err.println("chat-server: the two passwords differ (or none was given)");
                return ServerMain.EXIT_USAGE;
            }
            password = new String(typed);
            Arrays.fill(typed, ' ');
            Arrays.fill(again, ' ');
        } else {
            password = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
        }
        String problem = password == null ? "no password on standard input" : Logins.passwordProblem(password);
        if (problem != null) {
            err.println("chat-server: " + problem);
            return ServerMain.EXIT_USAGE;
        }
        out.println(new PasswordHasher().hash(password));
        return 0;
    }
}
