package chat.client.session;

import chat.client.ClientConfig;
import chat.client.net.NetworkLoop;
import chat.client.net.ReconnectBackoff;
import chat.client.net.SendPacer;
import chat.client.ui.MessageRenderer;
import chat.client.ui.Screen;
import chat.client.ui.Styles;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Instant;

/**
 * The session's parts wired as in ChatClient around a recording screen and a fake clock, for "me"
 * in #lobby. The network loop is built but never run: what is sent stays in its queue.
 */
final class SessionFixture {
    final FakeClock clock = new FakeClock(Instant.parse("2026-12-05T17:00:00Z"));
    final StateCell state = new StateCell(ClientState.initial("me", "#lobby").withRegistered(true).withRoomJoined("#lobby"));
    final Capabilities capabilities = new Capabilities();
    final MessageRenderer renderer = new MessageRenderer(new Styles(false));
    final DeliveryTracker delivery = new DeliveryTracker();
    final TypingIndicator typing = new TypingIndicator();
    final LabeledReplies labeled = new LabeledReplies();
    final StatusArea status;
    final OwnMessages own;
    final ServerMessageHandler handler;

    SessionFixture(Screen screen) throws IOException {
        ClientConfig config = ClientConfig.of("localhost", 6667, "me", "#lobby", null, false, null);
        status = new StatusArea(delivery, typing, renderer, screen, clock);
        own = new OwnMessages(state, capabilities, delivery, status, renderer, screen, clock);
        handler = new ServerMessageHandler(config, state, capabilities, renderer, screen, clock, own, typing, status, labeled);
        handler.attach(new NetworkLoop(new InetSocketAddress("localhost", 6667), handler,
                new ReconnectBackoff(1, 1, 1, bound -> 0), new SendPacer(1, 0), false));
    }

    /** As if the server had acknowledged these capabilities. */
    SessionFixture with(String... names) {
        capabilities.set(java.util.Set.of(names));
        return this;
    }
}
