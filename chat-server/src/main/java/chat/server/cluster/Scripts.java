package chat.server.cluster;

/**
 * The Lua the cluster runs in Redis: each one is atomic there, which is what makes a nick claim,
 * a node's hello and a message to several nodes one step. Keys are built inside the scripts
 * (a single Redis, not Redis Cluster). Names: {@code chat:alive:<node>} = "incarnation slot",
 * {@code chat:slot:<n>} = node, {@code chat:nick:<folded>} = "node incarnation uid".
 */
final class Scripts {
    /**
     * ARGV: node, incarnation, ttl-ms. Returns the node's msgid slot (kept if it still holds one),
     * -1 when a live node of another incarnation has the name, -2 when all 256 slots are taken.
     */
    static final String HELLO = """
            local alive = 'chat:alive:' .. ARGV[1]
            local current = redis.call('GET', alive)
            if current then
              local incarnation, slot = string.match(current, '^(%S+) (%d+)$')
              if incarnation ~= ARGV[2] then return -1 end
              if redis.call('GET', 'chat:slot:' .. slot) == ARGV[1] then
                redis.call('PEXPIRE', 'chat:slot:' .. slot, ARGV[3])
                redis.call('PEXPIRE', alive, ARGV[3])
                return tonumber(slot)
              end
            end
            for n = 0, 255 do
              if redis.call('SET', 'chat:slot:' .. n, ARGV[1], 'NX', 'PX', ARGV[3]) then
                redis.call('SET', alive, ARGV[2] .. ' ' .. n, 'PX', ARGV[3])
                return n
              end
            end
            return -2
            """;

    /** ARGV: node, incarnation, slot, ttl-ms. 1: refreshed; 0: this node was declared lost meanwhile. */
    static final String HEARTBEAT = """
            local alive = 'chat:alive:' .. ARGV[1]
            if redis.call('GET', alive) ~= ARGV[2] .. ' ' .. ARGV[3] then return 0 end
            if redis.call('GET', 'chat:slot:' .. ARGV[3]) ~= ARGV[1] then return 0 end
            redis.call('PEXPIRE', alive, ARGV[4])
            redis.call('PEXPIRE', 'chat:slot:' .. ARGV[3], ARGV[4])
            return 1
            """;

    /**
     * ARGV: pairs of folded nick and holder ("node incarnation uid"). For each pair 1 (now held)
     * or 0 (held by someone else on a live node). A holder whose node is gone holds nothing.
     */
    static final String CLAIM = """
            local answers = {}
            for i = 1, #ARGV, 2 do
              local key = 'chat:nick:' .. ARGV[i]
              local current = redis.call('GET', key)
              local free = true
              if current and current ~= ARGV[i + 1] then
                local node, incarnation = string.match(current, '^(%S+) (%S+)')
                local alive = redis.call('GET', 'chat:alive:' .. node)
                if alive and string.match(alive, '^(%S+)') == incarnation then free = false end
              end
              if free then redis.call('SET', key, ARGV[i + 1]) end
              answers[#answers + 1] = free and 1 or 0
            end
            return answers
            """;

    /** ARGV: folded nick, holder. Deletes the claim only if it is still this holder's. */
    static final String RELEASE = """
            local key = 'chat:nick:' .. ARGV[1]
            if redis.call('GET', key) == ARGV[2] then redis.call('DEL', key) end
            return 0
            """;

    /**
     * ARGV: node, incarnation. A node found lost: its alive key and slot go (only if still that
     * incarnation's), so its nicks are free at once.
     */
    static final String FORGET = """
            local alive = 'chat:alive:' .. ARGV[1]
            local current = redis.call('GET', alive)
            if current then
              local incarnation, slot = string.match(current, '^(%S+) (%d+)$')
              if incarnation == ARGV[2] then
                redis.call('DEL', alive)
                if redis.call('GET', 'chat:slot:' .. slot) == ARGV[1] then redis.call('DEL', 'chat:slot:' .. slot) end
              end
            end
            return 0
            """;

    /**
     * One round of the publisher's messages, as one step in Redis's order. KEYS: the channels;
     * ARGV[k]: KEYS[k]'s payload, its messages of the round joined by CR (built by
     * {@link PublishBatch}). A round that keeps lines in history goes through
     * {@link #PUBLISH_AND_KEEP} instead.
     */
    static final String PUBLISH_BATCH = """
            for k = 1, #KEYS do redis.call('PUBLISH', KEYS[k], ARGV[k]) end
            return #KEYS
            """;

    /**
     * A round that keeps lines: its publishes, then its lines into their history streams, in one
     * step, so each stream's order is the order the nodes deliver in. KEYS: the channels (ARGV[1]
     * of them), then the streams. ARGV: the channel count, the streams' cap, their life in ms, one
     * payload per channel, then five values per kept line, in the round's order: its stream (1 is
     * the first stream key), its entry ID, and the entry's fields q t l (see HistoryStreams). An ID
     * at or below the stream's last (a line that reached Redis after a later-stamped one) becomes
     * the one just after the last. A key that is no stream (a stray write) loses that line's entry,
     * not the round: the publishes went out first and the other entries are still written.
     */
    static final String PUBLISH_AND_KEEP = """
            local channels = tonumber(ARGV[1])
            for k = 1, channels do redis.call('PUBLISH', KEYS[k], ARGV[3 + k]) end
            local i = 4 + channels
            while i + 4 <= #ARGV do
              local key = KEYS[channels + tonumber(ARGV[i])]
              local added = redis.pcall('XADD', key, 'MAXLEN', '~', ARGV[2], ARGV[i + 1],
                'q', ARGV[i + 2], 't', ARGV[i + 3], 'l', ARGV[i + 4])
              if type(added) == 'table' and added.err then
                local last = redis.pcall('XREVRANGE', key, '+', '-', 'COUNT', 1)
                if type(last) == 'table' and last[1] then
                  local ms, n = string.match(last[1][1], '^(%d+)-(%d+)$')
                  redis.pcall('XADD', key, 'MAXLEN', '~', ARGV[2], ms .. '-' .. string.format('%d', tonumber(n) + 1),
                    'q', ARGV[i + 2], 't', ARGV[i + 3], 'l', ARGV[i + 4])
                end
              end
              i = i + 5
            end
            for k = channels + 1, #KEYS do redis.call('PEXPIRE', KEYS[k], ARGV[3]) end
            return #KEYS
            """;

    private Scripts() {
    }
}
