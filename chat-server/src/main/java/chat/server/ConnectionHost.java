package chat.server;

/** What a connection asks of the loop that owns it; both calls only schedule work for later in the turn. */
interface ConnectionHost {
    /** The connection has newly queued output: write it before the loop next sleeps. */
    void flushSoon(Connection connection);

    /** The connection must go: leave its rooms and close it at the end of this loop turn. */
    void closeSoon(Connection connection);
}
