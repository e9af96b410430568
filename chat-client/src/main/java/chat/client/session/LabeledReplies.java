package chat.client.session;

import chat.protocol.IrcMessage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Groups the replies to a labeled command (IRCv3 labeled-response with batch) so they are shown
 * together under the command that asked for them, even when other traffic arrives in between.
 * The server answers a labeled command with one line carrying the label, an empty ACK, or a
 * {@code BATCH +id labeled-response} whose lines carry {@code batch=id} until {@code BATCH -id}.
 * Labels are handed out on the console thread; replies are sorted on the network thread.
 */
public final class LabeledReplies {
    static final String LABEL_TAG = "label";
    static final String BATCH_TAG = "batch";
    static final String BATCH = "BATCH";
    private static final String ACK = "ACK";

    /** What became of one line from the server. */
    sealed interface Outcome {
    }

    /** Not a reply to a labeled command: handle it as usual. */
    record Pass() implements Outcome {
    }

    /** Kept back until its batch is complete (or nothing to show: an ACK). */
    record Held() implements Outcome {
    }

    /** Every reply to one command, to be shown now under a header naming it. */
    record Complete(String command, List<IrcMessage> replies) implements Outcome {
    }

    private static final class Group {
        final String command;
        final List<IrcMessage> replies = new ArrayList<>();

        Group(String command) {
            this.command = command;
        }
    }

    private final AtomicLong nextLabel = new AtomicLong(1);
    /** Label to the command as typed, for commands still waiting for their replies. */
    private final Map<String, String> asked = new ConcurrentHashMap<>();
    /** Open batch ids (the labeled one and any nested in it) to the group they feed (network thread). */
    private final Map<String, Group> open = new HashMap<>();

    /** The command with a fresh label, remembered with the words that will head its replies. */
    IrcMessage label(IrcMessage command) {
        String label = Long.toString(nextLabel.getAndIncrement());
        String words = ("/" + command.command().toLowerCase(Locale.ROOT) + " " + String.join(" ", command.params())).strip();
        asked.put(label, words);
        return new IrcMessage(Map.of(LABEL_TAG, label), command.prefix(), command.command(), command.params());
    }

    /** A new connection: replies to what was asked on the old one will never come. */
    void reset() {
        asked.clear();
        open.clear();
    }

    Outcome accept(IrcMessage message) {
        String inBatch = message.tags().get(BATCH_TAG);
        Group group = inBatch == null ? null : open.get(inBatch);
        boolean batchLine = message.command().equals(BATCH) && message.param(0) != null;
        if (group != null) {
            if (batchLine && message.param(0).startsWith("+")) {
                open.put(message.param(0).substring(1), group); // nested: its lines belong here too
            }
            if (!batchLine) {
                group.replies.add(message);
            }
            return new Held();
        }
        if (batchLine) {
            return batch(message);
        }
        String command = labelled(message);
        if (command == null) {
            return new Pass();
        }
        return message.command().equals(ACK) ? new Held() : new Complete(command, List.of(message));
    }

    private Outcome batch(IrcMessage message) {
        String reference = message.param(0);
        String id = reference.substring(1);
        if (reference.startsWith("+")) {
            String command = labelled(message);
            if (command == null) {
                return new Pass();
            }
            open.put(id, new Group(command));
            return new Held();
        }
        Group group = open.remove(id);
        if (group == null) {
            return new Pass();
        }
        open.values().removeIf(g -> g == group);
        return new Complete(group.command, List.copyOf(group.replies));
    }

    /** The command a line answers, by its label (forgotten now: a label is answered once), or null. */
    private String labelled(IrcMessage message) {
        String label = message.tags().get(LABEL_TAG);
        return label == null ? null : asked.remove(label);
    }
}
