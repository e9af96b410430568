package chat.client.session;

import chat.client.ui.MessageRenderer;
import chat.client.ui.Screen;
import java.time.Clock;

/**
 * The parts of one session that serve IRCv3 capabilities, shared by the network side
 * ({@link ServerMessageHandler}) and the console side ({@link TypedLineHandler}).
 */
public record Ircv3Parts(Capabilities capabilities, DeliveryTracker delivery, OwnMessages own, OthersTyping typing,
        StatusArea status, LabeledReplies labeled, ChatHistory history) {

    public static Ircv3Parts create(StateCell state, MessageRenderer renderer, Screen screen, Clock clock) {
        Capabilities capabilities = new Capabilities();
        DeliveryTracker delivery = new DeliveryTracker();
        TypingIndicator indicator = new TypingIndicator();
        StatusArea status = new StatusArea(delivery, indicator, renderer, screen, clock);
        return new Ircv3Parts(capabilities, delivery,
                new OwnMessages(state, capabilities, delivery, status, renderer, screen, clock),
                new OthersTyping(state, indicator, status, clock), status, new LabeledReplies(),
                new ChatHistory(state, capabilities, renderer, screen, clock));
    }
}
