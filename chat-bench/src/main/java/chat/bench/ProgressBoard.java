package chat.bench;

/**
 * Counters the bench loop publishes once per turn for a progress printer on another thread.
 * Plain volatile fields: each is read on its own, and a progress line that mixes two adjacent
 * turns is harmless.
 */
public final class ProgressBoard {
    volatile String phase = "starting";
    volatile int joined;
    volatile long sent;
    volatile long expected;
    volatile long received;

    /** Shows a phase that has no counters of its own (the JIT warm-up before connecting). */
    void announce(String phase) {
        this.phase = phase;
    }

    void publish(String phase, BenchLoop loop) {
        this.phase = phase;
        this.joined = loop.joined;
        this.sent = loop.deliveries.sent;
        this.expected = loop.deliveries.expected;
        this.received = loop.deliveries.distinct;
    }

    /** One line for a terminal, e.g. {@code traffic  joined 200  sent 41000  received 779000/779000}. */
    public String line() {
        return String.format("%-8s joined %d  sent %d  received %d/%d", phase, joined, sent, received, expected);
    }
}
