package chat.client.session;

import java.util.function.UnaryOperator;

/**
 * Where the current {@link ClientState} snapshot lives. Readers (the console thread, tab completion)
 * take {@link #get()} without locking through the volatile field; the two writers (the socket thread
 * tracking the server, the console thread switching target) serialise their read-modify-write.
 */
public final class StateCell {
    private volatile ClientState current;

    public StateCell(ClientState initial) {
        this.current = initial;
    }

    public ClientState get() {
        return current;
    }

    synchronized ClientState update(UnaryOperator<ClientState> change) {
        current = change.apply(current);
        return current;
    }
}
