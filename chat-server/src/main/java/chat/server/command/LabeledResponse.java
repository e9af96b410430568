package chat.server.command;

import chat.protocol.Command;
import chat.protocol.IrcMessage;
import chat.server.net.Link;
import chat.server.net.ReplyStream;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The lines of one labeled command (IRCv3 labeled-response, with batch): exactly one logical
 * message carries the client's label. One line gets the label itself; two or more are wrapped in
 * a {@code labeled-response} batch whose start carries it; none gets a labeled {@code ACK}. The
 * first line is held back until the next one, or the end of the command, says which case it is.
 */
final class LabeledResponse {
    static final String LABEL = "label";
    static final String BATCH = "batch";
    /** The spec's bound on a label's value. */
    static final int MAX_LABEL_BYTES = 64;

    private final Link link;
    private final String serverName;
    private final String label;
    private final Supplier<String> batchRefs;
    private IrcMessage held;
    private String batchRef;

    LabeledResponse(Link link, String serverName, String label, Supplier<String> batchRefs) {
        this.link = link;
        this.serverName = serverName;
        this.label = label;
        this.batchRefs = batchRefs;
    }

    void send(IrcMessage message) {
        if (batchRef == null && held == null) {
            held = message;
            return;
        }
        openBatch();
        link.send(message.withTagFirst(BATCH, batchRef));
    }

    /** A streamed reply is many lines: a batch, each line tagged as the link produces it. */
    void stream(ReplyStream lines) {
        openBatch();
        String ref = batchRef;
        link.stream(() -> {
            IrcMessage next = lines.next();
            return next == null ? null : next.withTagFirst(BATCH, ref);
        });
    }

    /** The command is done: the held line labeled, the batch closed, or an ACK. */
    void finish() {
        if (batchRef != null) {
            link.send(IrcMessage.from(serverName, Command.BATCH, "-" + batchRef));
        } else if (held != null) {
            link.send(held.withTagFirst(LABEL, label));
        } else {
            link.send(new IrcMessage(Map.of(LABEL, label), serverName, Command.ACK, null));
        }
    }

    private void openBatch() {
        if (batchRef != null) {
            return;
        }
        batchRef = batchRefs.get();
        link.send(new IrcMessage(Map.of(LABEL, label), serverName, Command.BATCH,
                List.of("+" + batchRef, "labeled-response")));
        if (held != null) {
            link.send(held.withTagFirst(BATCH, batchRef));
            held = null;
        }
    }

}
