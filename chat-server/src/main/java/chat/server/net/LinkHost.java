package chat.server.net;

/** What a link asks of the loop that owns it; the calls that act only schedule work for later in the turn. */
interface LinkHost {
    /** The link has newly queued output: write it before the loop next sleeps. */
    void flushSoon(Link link);

    /** The link must go: leave the chat and close it at the end of this loop turn. */
    void closeSoon(Link link);

    /** The link's transport is closed: what it held (its place in the per-address count) is free. */
    void closed(Link link);

    /** The loop's time for this turn (monotonic milliseconds). */
    long nowMillis();
}
