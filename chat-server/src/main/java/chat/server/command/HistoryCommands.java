package chat.server.command;

import chat.protocol.Command;
import chat.protocol.IrcMessage;
import chat.protocol.IrcNames;
import chat.protocol.IrcParser;
import chat.protocol.MalformedMessageException;
import chat.protocol.Numeric;
import chat.server.history.HistoryConfig;
import chat.server.history.HistoryQuery;
import chat.server.history.Sequences;
import chat.server.history.StoredLine;
import chat.server.history.TargetActivity;
import chat.server.model.Capability;
import chat.server.model.Room;
import chat.server.model.ServerState;
import chat.server.model.User;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * CHATHISTORY (IRCv3 draft/chathistory, with draft/event-playback) and the history replayed on JOIN
 * to clients that cannot ask for it. Queries run off the loop ({@link chat.server.history.HistoryStore});
 * the answer is sent when they come back, so the command's {@link Replies} is kept open until then.
 * Only members of a room read its history; a private conversation is read by its two people, each
 * from the start of their tenure of the nick (see {@link chat.server.model.NickRegistry}).
 */
final class HistoryCommands {
    /** The most lines one CHATHISTORY answers (005 CHATHISTORY). */
    static final int MAX_LIMIT = 100;
    private static final String CHATHISTORY = "CHATHISTORY";
    private static final String NO_LINES = "Messages could not be retrieved";

    private final ServerState state;

    HistoryCommands(ServerState state) {
        this.state = state;
    }

    // CHATHISTORY LATEST|BEFORE|AFTER|AROUND <target> <ref> <limit>
    // CHATHISTORY BETWEEN <target> <ref> <ref> <limit> | CHATHISTORY TARGETS <ts> <ts> <limit>
    void chathistory(User user, IrcMessage message, Replies replies) {
        if (!user.capabilities().has(Capability.CHATHISTORY)) {
            replies.numeric(Numeric.ERR_UNKNOWNCOMMAND, CHATHISTORY, "Unknown command");
            return;
        }
        String sub = message.param(0).toUpperCase(Locale.ROOT);
        int needed = switch (sub) {
            case "LATEST", "BEFORE", "AFTER", "AROUND", "TARGETS" -> 4;
            case "BETWEEN" -> 5;
            default -> 0;
        };
        if (needed == 0) {
            replies.fail(CHATHISTORY, "INVALID_PARAMS", Replies.asWord(sub), "Unknown subcommand");
            return;
        }
        if (message.paramCount() < needed) {
            replies.fail(CHATHISTORY, "INVALID_PARAMS", sub, "Not enough parameters");
            return;
        }
        int limit = limit(message.param(needed - 1));
        if (limit < 1) {
            replies.fail(CHATHISTORY, "INVALID_PARAMS", sub, Replies.asWord(message.param(needed - 1)),
                    "The limit must be a positive number");
            return;
        }
        if (sub.equals("TARGETS")) {
            targets(user, message, limit, replies);
            return;
        }
        String target = message.param(1);
        Access access = access(user, target);
        if (access == null) {
            replies.fail(CHATHISTORY, "INVALID_TARGET", sub, Replies.asWord(target), NO_LINES);
            return;
        }
        Reference first = reference(message.param(2), sub.equals("LATEST"));
        Reference second = sub.equals("BETWEEN") ? reference(message.param(3), false) : null;
        if (first.problem() != null || (second != null && second.problem() != null)) {
            Reference bad = first.problem() != null ? first : second;
            replies.fail(CHATHISTORY, bad.problem(), sub, Replies.asWord(bad.text()), bad.explanation());
            return;
        }
        HistoryQuery.Kind kind = HistoryQuery.Kind.valueOf(sub);
        HistoryQuery query = new HistoryQuery(kind, access.key(), first.position(kind), second == null ? 0
                : second.position(kind), limit, user.capabilities().has(Capability.EVENT_PLAYBACK), access.notBefore());
        replies.keepOpen();
        state.history().query(query, lines -> {
            sendBatch(replies, "chathistory", target, asMessages(lines));
            replies.close();
        }, reason -> {
            replies.fail(CHATHISTORY, "MESSAGE_ERROR", sub, Replies.asWord(target), reason);
            replies.close();
        });
    }

    /**
     * Replays the room's latest lines to someone who just joined and cannot ask for history
     * itself (no draft/chathistory: irssi, ii, nc): at most the configured number, of the last day.
     */
    void replayOnJoin(User user, Room room, ClientSession session) {
        HistoryConfig config = state.history().config();
        if (!state.history().enabled() || config.joinReplay() == 0 || user.capabilities().has(Capability.CHATHISTORY)) {
            return;
        }
        long since = Sequences.first(state.clock().epochMillis() - HistoryConfig.JOIN_REPLAY_WINDOW_MILLIS);
        HistoryQuery query = new HistoryQuery(HistoryQuery.Kind.LATEST, IrcNames.fold(room.name()), Long.MIN_VALUE, 0,
                config.joinReplay(), false, since);
        state.history().query(query, lines -> {
            if (lines.isEmpty() || !room.contains(user) || session.link().isClosing()) {
                return;
            }
            Replies replies = new Replies(state, session);
            if (user.isPlainText() || user.capabilities().has(Capability.BATCH)) {
                sendBatch(replies, "chathistory", room.name(), asMessages(lines)); // nc users see it framed
            } else {
                // No batch to frame it: say where the history starts and ends, in the room's window.
                replies.send(state.fromServer(Command.NOTICE, room.name(), "--- history: the last " + lines.size()
                        + " messages ---"));
                asMessages(lines).forEach(replies::send);
                replies.send(state.fromServer(Command.NOTICE, room.name(), "--- now ---"));
            }
        }, reason -> { });
    }

    // CHATHISTORY TARGETS <timestamp> <timestamp> <limit>: conversations with messages in between.
    private void targets(User user, IrcMessage message, int limit, Replies replies) {
        Reference a = reference(message.param(1), false);
        Reference b = reference(message.param(2), false);
        if (a.problem() != null || b.problem() != null || a.sequence() == Long.MIN_VALUE
                || b.sequence() == Long.MIN_VALUE || a.isMsgid() || b.isMsgid()) {
            replies.fail(CHATHISTORY, "INVALID_PARAMS", "TARGETS", "TARGETS takes two timestamps");
            return;
        }
        long low = Math.max(Math.min(a.sequence(), b.sequence()), heldSince(user));
        long high = Math.max(a.sequence(), b.sequence());
        List<String> rooms = new ArrayList<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (Room room : user.rooms()) {
            String folded = IrcNames.fold(room.name());
            rooms.add(folded);
            names.put(folded, room.name());
        }
        String me = IrcNames.fold(user.nick());
        replies.keepOpen();
        state.history().targets(rooms, List.of("@" + me + " *", "@* " + me), low, high, limit, found -> {
            List<IrcMessage> lines = new ArrayList<>();
            for (TargetActivity activity : found) {
                String target = activity.target();
                String shown = target.startsWith("@") ? otherNick(target, me) : names.getOrDefault(target, target);
                lines.add(state.fromServer(CHATHISTORY, "TARGETS", shown,
                        "timestamp=" + state.formatTime(Sequences.millis(activity.latestSequence()))));
            }
            sendBatch(replies, "draft/chathistory-targets", null, lines);
            replies.close();
        }, reason -> {
            replies.fail(CHATHISTORY, "MESSAGE_ERROR", "TARGETS", reason);
            replies.close();
        });
    }

    /** The other person of a conversation key "@a b". */
    private static String otherNick(String key, String me) {
        int space = key.indexOf(' ');
        String a = key.substring(1, space);
        String b = key.substring(space + 1);
        return a.equals(me) ? b : a;
    }

    /** Who may read what: a room's members all of it, a private conversation's people from their tenure. */
    private record Access(String key, long notBefore) {
    }

    private Access access(User user, String target) {
        if (IrcNames.isRoomName(target)) {
            Room room = state.rooms().find(target);
            return room != null && room.contains(user) ? new Access(IrcNames.fold(room.name()), Long.MIN_VALUE) : null;
        }
        if (!IrcNames.isValidNick(target)) {
            return null;
        }
        return new Access(ServerState.conversationKey(user.nick(), target), heldSince(user));
    }

    /** The last sequence before this user's tenure of their nick began. */
    private long heldSince(User user) {
        return Sequences.first(state.nicks().heldSince(user.nick())) - 1;
    }

    /**
     * A message reference: {@code *} (LATEST only), {@code msgid=...} or {@code timestamp=...}; or
     * why it cannot be used ({@code problem} is the FAIL code).
     */
    private record Reference(String text, long sequence, boolean isMsgid, String problem, String explanation) {
        static Reference bad(String text, String problem, String explanation) {
            return new Reference(text, 0, false, problem, explanation);
        }

        /**
         * The sequence bound it stands for. A timestamp is a millisecond, which holds many
         * sequences: lines after it start at the next millisecond, lines before it end below it.
         */
        long position(HistoryQuery.Kind kind) {
            if (isMsgid || sequence == Long.MIN_VALUE) {
                return sequence;
            }
            return kind == HistoryQuery.Kind.AFTER || kind == HistoryQuery.Kind.LATEST
                    ? sequence + (1L << Sequences.COUNTER_BITS) - 1
                    : sequence;
        }
    }

    private static Reference reference(String text, boolean starAllowed) {
        if (starAllowed && text.equals("*")) {
            return new Reference(text, Long.MIN_VALUE, false, null, null);
        }
        int equals = text.indexOf('=');
        String type = equals < 0 ? text : text.substring(0, equals);
        String value = equals < 0 ? "" : text.substring(equals + 1);
        switch (type) {
            case "msgid" -> {
                long sequence = Sequences.parseMsgid(value);
                return sequence < 0 ? Reference.bad(text, "INVALID_PARAMS", "No such message id")
                        : new Reference(text, sequence, true, null, null);
            }
            case "timestamp" -> {
                try {
                    return new Reference(text, Sequences.first(Instant.parse(value).toEpochMilli()), false, null, null);
                } catch (DateTimeParseException | ArithmeticException e) {
                    return Reference.bad(text, "INVALID_PARAMS", "Timestamps look like 2026-12-05T17:22:21.123Z");
                }
            }
            default -> {
                return Reference.bad(text, "INVALID_MSGREFTYPE", "References are msgid=... or timestamp=...");
            }
        }
    }

    private static int limit(String text) {
        try {
            return Math.min(MAX_LIMIT, Integer.parseInt(text));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Stored lines as messages again, with the time and msgid they had (each receiver's format keeps what it asked for). */
    private List<IrcMessage> asMessages(List<StoredLine> lines) {
        List<IrcMessage> messages = new ArrayList<>(lines.size());
        for (StoredLine line : lines) {
            try {
                IrcMessage bare = IrcParser.parse(line.line());
                Map<String, String> tags = new LinkedHashMap<>();
                tags.put("time", state.formatTime(line.epochMillis()));
                tags.put("msgid", Sequences.msgid(line.sequence()));
                messages.add(new IrcMessage(tags, bare.prefix(), bare.command(), bare.params()));
            } catch (MalformedMessageException e) {
                // A line this server wrote and cannot read back: skipped, not sent half-understood.
            }
        }
        return messages;
    }

    /** The lines in a batch of {@code type} when the connection has batch; plain lines otherwise. */
    private static void sendBatch(Replies replies, String type, String parameter, List<IrcMessage> lines) {
        boolean batch = replies.session().capabilities().has(Capability.BATCH) || replies.session().user().isPlainText();
        String ref = batch ? replies.session().nextBatchRef() : null;
        if (batch) {
            replies.send(parameter == null ? replies.server(Command.BATCH, "+" + ref, type)
                    : replies.server(Command.BATCH, "+" + ref, type, parameter));
        }
        for (IrcMessage line : lines) {
            replies.send(batch ? line.withTagFirst("batch", ref) : line);
        }
        if (batch) {
            replies.send(replies.server(Command.BATCH, "-" + ref));
        }
    }
}
