package chat.server.net;

/** A clock that moves only when a test says so; both readings move together. */
public final class FakeClock implements Clock {
    private long monotonicMillis = 1_000_000;
    private long epochMillis = 1_800_000_000_000L;

    public void advance(long millis) {
        monotonicMillis += millis;
        epochMillis += millis;
    }

    @Override
    public long monotonicMillis() {
        return monotonicMillis;
    }

    @Override
    public long epochMillis() {
        return epochMillis;
    }
}
