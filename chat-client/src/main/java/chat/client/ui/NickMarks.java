package chat.client.ui;

import chat.protocol.IrcMessage;

/** What to show right after a nick: "✓" for someone logged in to an account, else nothing. */
public interface NickMarks {
    NickMarks NONE = (nick, message) -> "";

    /** The mark for nick; message is the line it comes with (its account tag counts first), or null. */
    String after(String nick, IrcMessage message);
}
