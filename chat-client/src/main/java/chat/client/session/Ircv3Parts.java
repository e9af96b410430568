package chat.client.session;

import chat.client.ui.MessageRenderer;
import chat.client.ui.Screen;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Function;

/**
 * The parts of one session that serve IRCv3 capabilities, shared by the network side
 * ({@link ServerMessageHandler}) and the console side ({@link TypedLineHandler}).
 */
public record Ircv3Parts(Capabilities capabilities, DeliveryTracker delivery, OwnMessages own, OthersTyping typing,
        StatusArea status, LabeledReplies labeled, ChatHistory history, AccountParts accounts) {

    /** Without an account to log in to, and nobody to ask for secrets. */
    public static Ircv3Parts create(StateCell state, MessageRenderer renderer, Screen screen, Clock clock) {
        return create(state, renderer, screen, clock, capabilities -> AccountParts.create(new Accounts(), capabilities,
                null, false, SecretPrompt.NONE, Path.of("known_servers"), state, renderer, screen, clock));
    }

    public static Ircv3Parts create(StateCell state, MessageRenderer renderer, Screen screen, Clock clock,
            Function<Capabilities, AccountParts> accounts) {
        Capabilities capabilities = new Capabilities();
        DeliveryTracker delivery = new DeliveryTracker();
        TypingIndicator indicator = new TypingIndicator();
        StatusArea status = new StatusArea(delivery, indicator, renderer, screen, clock);
        return new Ircv3Parts(capabilities, delivery,
                new OwnMessages(state, capabilities, delivery, status, renderer, screen, clock),
                new OthersTyping(state, indicator, status, clock), status, new LabeledReplies(),
                new ChatHistory(state, capabilities, renderer, screen, clock), accounts.apply(capabilities));
    }
}
