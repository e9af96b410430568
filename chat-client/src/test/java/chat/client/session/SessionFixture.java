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
    final MessageRenderer renderer = new MessageRenderer(new Styles(false));
    final Ircv3Parts ircv3;
    final Capabilities capabilities;
    final DeliveryTracker delivery;
    final OwnMessages own;
    final StatusArea status;
    final LabeledReplies labeled;
    final ChatHistory history;
    final ServerMessageHandler handler;
    final NetworkLoop network;
    /** What history asked the server for, as written on the wire. */
    final java.util.List<String> historyRequests = new java.util.ArrayList<>();
    /** History's timers (delay in milliseconds, task), run only when a test says so. */
    final java.util.List<java.util.Map.Entry<Long, Runnable>> historyTimers = new java.util.ArrayList<>();

    SessionFixture(Screen screen) throws IOException {
        ClientConfig config = ClientConfig.of("localhost", 6667, "me", "#lobby", null, false, null);
        ircv3 = Ircv3Parts.create(state, renderer, screen, clock);
        capabilities = ircv3.capabilities();
        delivery = ircv3.delivery();
        own = ircv3.own();
        status = ircv3.status();
        labeled = ircv3.labeled();
        history = ircv3.history();
        handler = new ServerMessageHandler(config, state, ircv3, renderer, screen, clock);
        network = new NetworkLoop(new InetSocketAddress("localhost", 6667), handler,
                new ReconnectBackoff(1, 1, 1, bound -> 0), new SendPacer(1, 0), false);
        handler.attach(network);
        history.sendWith(message -> historyRequests.add(message.toString()));
        history.timersWith((delayMillis, task) -> historyTimers.add(java.util.Map.entry(delayMillis, task)));
    }

    /** As if the server had acknowledged these capabilities. */
    SessionFixture with(String... names) {
        capabilities.set(java.util.Set.of(names));
        return this;
    }
}
