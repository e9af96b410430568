package chat.client.session;

import chat.protocol.IrcMessage;

/** What one typed line asks for; produced by {@link InputInterpreter}, carried out by {@link TypedLineHandler}. */
public sealed interface ClientAction {

    /** Send this to the server (in order with the user's other messages). */
    record Send(IrcMessage message) implements ClientAction {
    }

    /** Typed text now goes to this room or person. */
    record SwitchTarget(String target) implements ClientAction {
    }

    /** Show this many lines from before the oldest one shown in the current conversation (/history). */
    record FetchOlder(int count) implements ClientAction {
    }

    /** A local note for the user (help, a hint); nothing is sent. */
    record Inform(String text) implements ClientAction {
    }

    /** Create an account (null: named after the current nick); the password is asked for. */
    record Register(String account) implements ClientAction {
    }

    /** Log in to an account on this connection; the password is asked for. */
    record Login(String account) implements ClientAction {
    }

    /** Show window number n (/win n, /go n). */
    record ShowWindow(int number) implements ClientAction {
    }

    /** Close the current window: leave its room, or put away a private conversation (/close). */
    record CloseWindow() implements ClientAction {
    }

    /** Forget the current window's lines and clear the screen (/clear). */
    record ClearWindow() implements ClientAction {
    }

    /** Ignore (or stop ignoring) a nick; a null nick lists who is ignored (/ignore, /unignore). */
    record Ignore(String nick, boolean ignore) implements ClientAction {
    }

    /** Leave after sending the QUIT that precedes this action. */
    record Leave() implements ClientAction {
    }
}
