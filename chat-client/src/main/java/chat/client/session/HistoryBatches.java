package chat.client.session;

import chat.protocol.Command;
import chat.protocol.IrcMessage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Gathers the lines of each {@code chathistory} batch (IRCv3 batch, ratified type "chathistory"):
 * {@code BATCH +ref chathistory <target>} opens it, lines tagged {@code batch=ref} belong to it,
 * {@code BATCH -ref} closes it. A batch is shown only once it is complete, so its lines can be
 * framed, deduplicated and told apart from live traffic that arrives in between. Network thread only.
 */
final class HistoryBatches {
    static final String TYPE = "chathistory";

    /** What became of one line from the server. */
    sealed interface Outcome {
    }

    /** Not part of a history batch: handle it as usual. */
    record Pass() implements Outcome {
    }

    /** Kept back until its batch is complete. */
    record Held() implements Outcome {
    }

    /** One whole batch: its target as the server named it and its lines, oldest first. */
    record Complete(String target, List<IrcMessage> lines) implements Outcome {
    }

    private record Open(String target, List<IrcMessage> lines) {
    }

    private final Map<String, Open> open = new HashMap<>();

    /** A new connection: batches the old one left open will never close. */
    void reset() {
        open.clear();
    }

    Outcome accept(IrcMessage message) {
        String reference = message.command().equals(Command.BATCH) ? message.param(0) : null;
        if (reference != null && reference.length() > 1) {
            String id = reference.substring(1);
            if (reference.startsWith("+") && TYPE.equals(message.param(1))) {
                open.put(id, new Open(message.param(2), new ArrayList<>()));
                return new Held();
            }
            if (reference.startsWith("-")) {
                Open done = open.remove(id);
                return done == null ? new Pass() : new Complete(done.target(), List.copyOf(done.lines()));
            }
        }
        Open batch = open.get(message.tags().get(LabeledReplies.BATCH_TAG));
        if (batch == null) {
            return new Pass();
        }
        if (reference == null) {
            batch.lines().add(message); // a batch nested in history has nothing for us: only its frame is dropped
        }
        return new Held();
    }
}
