package chat.client.session;

/** Asks the user for a secret without showing it (console thread). */
public interface SecretPrompt {
    /** Without a terminal there is nobody to ask. */
    SecretPrompt NONE = prompt -> null;

    /** What was typed, or null when nothing can be asked or the user gave up (Ctrl-C, Ctrl-D). */
    String ask(String prompt);
}
