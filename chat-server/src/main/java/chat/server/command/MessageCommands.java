package chat.server.command;

import chat.server.model.Capability;
import chat.protocol.Command;
import chat.protocol.IrcEncoder;
import chat.protocol.IrcMessage;
import chat.protocol.IrcNames;
import chat.protocol.Numeric;
import chat.protocol.ProtocolLimits;
import chat.server.model.Room;
import chat.server.model.ServerState;
import chat.server.model.User;
import chat.server.net.Outbound;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** PRIVMSG, NOTICE and AWAY: the relay itself (RFC 2812 3.3, 4.1). */
final class MessageCommands {
    /** Targets per PRIVMSG, as 005 MAXTARGETS announces; the ones past it get one 407. */
    private static final int MAX_TARGETS = ProtocolLimits.MAX_MESSAGE_TARGETS;

    private final ServerState state;

    MessageCommands(ServerState state) {
        this.state = state;
    }

    // PRIVMSG <target>{,<target>} :<text>
    void privmsg(User user, IrcMessage message, Replies replies) {
        relay(user, message, Command.PRIVMSG, replies);
    }

    // NOTICE <target>{,<target>} :<text>; like PRIVMSG, but never answered: no away reply and no
    // error (RFC 2812 3.3.2), so a NOTICE to nobody is silently nothing.
    void notice(User user, IrcMessage message, Replies replies) {
        replies.silenceErrors();
        relay(user, message, Command.NOTICE, replies);
    }

    // TAGMSG <target>{,<target>} (IRCv3 message-tags): tags only, so only from a connection that
    // negotiated message-tags (others get 421 as before), and shown only to receivers that did too.
    void tagmsg(User user, IrcMessage message, Replies replies) {
        if (!replies.session().capabilities().has(Capability.MESSAGE_TAGS)) {
            replies.numeric(Numeric.ERR_UNKNOWNCOMMAND, Command.TAGMSG, "Unknown command");
            return;
        }
        relay(user, message, Command.TAGMSG, replies);
    }

    /** IRCv3 message-tags: a client's own tag data, without the leading '@' and the trailing space. */
    private static final int MAX_CLIENT_TAG_BYTES = 4094;

    private void relay(User sender, IrcMessage message, String command, Replies replies) {
        if (clientTagBytes(message) > MAX_CLIENT_TAG_BYTES + 2) {
            replies.numeric(Numeric.ERR_INPUTTOOLONG, "Input line was too long");
            return;
        }
        if (message.paramCount() == 0 || message.param(0).isEmpty()) {
            replies.numeric(Numeric.ERR_NORECIPIENT, "No recipient given (" + command + ")");
            return;
        }
        boolean tagsOnly = command.equals(Command.TAGMSG);
        if (!tagsOnly && (message.paramCount() < 2 || message.param(1).isEmpty())) {
            replies.numeric(Numeric.ERR_NOTEXTTOSEND, "No text to send");
            return;
        }
        String text = tagsOnly ? null : message.param(1);
        if (!tagsOnly) {
            sender.spoke(state.clock().now()); // typing notices do not end being idle
        }
        String[] targets = message.param(0).split(",");
        for (int i = 0; i < targets.length; i++) {
            String target = targets[i];
            if (i >= MAX_TARGETS) {
                // Never drop silently, and answer once rather than once per extra target.
                replies.numeric(Numeric.ERR_TOOMANYTARGETS, Replies.orStar(target),
                        (targets.length - MAX_TARGETS) + " targets past the first " + MAX_TARGETS
                                + " did not get the message");
                break;
            } else if (namedBefore(targets, i)) {
                continue; // PRIVMSG #a,#a delivers once: a repeated target is the same recipient
            } else if (IrcNames.isRoomName(target)) {
                toRoom(sender, command, target, text, message, replies);
            } else {
                toPerson(sender, command, target, text, message, replies);
            }
        }
    }

    /** The size on the wire of the line's client-only tags as a tag section ('@' and space included). */
    private static int clientTagBytes(IrcMessage message) {
        if (message.tags().isEmpty()) {
            return 0;
        }
        Map<String, String> own = new LinkedHashMap<>();
        message.tags().forEach((key, value) -> {
            if (key.startsWith("+")) {
                own.put(key, value);
            }
        });
        return IrcEncoder.tagSectionBytes(own);
    }

    /** True when target {@code i} names, case-folded, the same recipient as an earlier one (at most 4: no set needed). */
    private static boolean namedBefore(String[] targets, int i) {
        for (int j = 0; j < i; j++) {
            if (IrcNames.equalsFolded(targets[j], targets[i])) {
                return true;
            }
        }
        return false;
    }

    /**
     * What {@code sender} says to {@code target}, stamped with time and msgid; the client-only tags
     * of the line pass only from a connection that negotiated message-tags.
     */
    private Outbound said(User sender, String command, String target, String text, IrcMessage line, Replies replies) {
        boolean mayTag = replies.session().capabilities().has(Capability.MESSAGE_TAGS);
        return new Outbound(new IrcMessage(Map.of(), sender.prefix(), command,
                text == null ? List.of(target) : List.of(target, text)), state.stamp(sender, mayTag ? line.tags() : Map.of()));
    }

    /** echo-message: the sender's own connection gets the line as others do, tags and all. */
    private static void echo(Outbound said, Replies replies) {
        if (wantsEcho(replies)) {
            replies.send(said);
        }
    }

    private static boolean wantsEcho(Replies replies) {
        return replies.session().capabilities().has(Capability.ECHO_MESSAGE);
    }

    private void toRoom(User sender, String command, String name, String text, IrcMessage line, Replies replies) {
        Room room = state.rooms().find(name);
        if (room == null) {
            replies.noSuchChannel(name);
        } else if (cannotSpeak(sender, room) != null) {
            replies.numeric(Numeric.ERR_CANNOTSENDTOCHAN, room.name(), cannotSpeak(sender, room));
        } else {
            Outbound said = said(sender, command, room.name(), text, line, replies);
            // A cluster gives the echo in the room's one order, with the others' copies; a labeled
            // command's echo is its answer, so that one is given now.
            Consumer<Outbound> echoLater = wantsEcho(replies) && !replies.isLabeled() ? replies::send : null;
            if (!state.network().toRoom(room, said, sender, echoLater)) {
                echo(said, replies);
            }
            state.countRelayed();
            if (text != null) { // TAGMSG (typing) is not history
                state.remember(room, said);
            }
        }
    }

    /** Why {@code sender} may not speak in {@code room} (+n, +m, a ban), or null when it may. */
    private static String cannotSpeak(User sender, Room room) {
        boolean member = room.contains(sender);
        if (!member && room.modes().noOutsideMessages()) {
            return "Cannot send to channel (+n: members only)";
        }
        if (member && room.mayAlwaysSpeak(sender)) {
            return null; // +v and +o speak through +m and bans, as on most servers
        }
        if (room.modes().moderated()) {
            return "Cannot send to channel (+m: only voiced users may speak)";
        }
        if (room.modes().isBanned(sender)) {
            return "Cannot send to channel (you are banned)";
        }
        return null;
    }

    private void toPerson(User sender, String command, String nick, String text, IrcMessage line, Replies replies) {
        User recipient = state.nicks().findRegistered(nick);
        if (recipient == null) {
            replies.noSuchNick(nick);
            return;
        }
        Outbound said = said(sender, command, recipient.nick(), text, line, replies);
        state.network().toUser(recipient, said, sender);
        echo(said, replies);
        state.countRelayed();
        if (text != null) {
            state.remember(ServerState.conversationKey(sender.nick(), recipient.nick()), said);
        }
        if (recipient.away() != null && command.equals(Command.PRIVMSG)) { // never for NOTICE or TAGMSG
            replies.numeric(Numeric.RPL_AWAY, recipient.nick(), recipient.away());
        }
    }

    // AWAY [:<message>]: with text, away; without, back (RFC 2812 4.1).
    void away(User user, IrcMessage message, Replies replies) {
        String text = message.param(0);
        if (text == null || text.isEmpty()) {
            user.away(null);
            replies.numeric(Numeric.RPL_UNAWAY, "You are no longer marked as being away");
            Outbound back = state.says(user, Command.AWAY);
            state.rooms().sendToRoommates(user, back, Capability.AWAY_NOTIFY);
            state.network().away(user, back);
            return;
        }
        user.away(text.length() > ProtocolLimits.MAX_AWAY_CHARS ? text.substring(0, ProtocolLimits.MAX_AWAY_CHARS) : text);
        replies.numeric(Numeric.RPL_NOWAWAY, "You have been marked as being away");
        // away-notify: roommates who asked see it at once instead of polling WHO.
        Outbound away = state.says(user, Command.AWAY, user.away());
        state.rooms().sendToRoommates(user, away, Capability.AWAY_NOTIFY);
        state.network().away(user, away);
    }
}
