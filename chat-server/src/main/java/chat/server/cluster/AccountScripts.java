package chat.server.cluster;

/**
 * The Lua of the account store ({@link RedisAccountStore}): a change and its announcement are one
 * step in Redis, so the order in which nodes hear changes is the order Redis made them.
 */
final class AccountScripts {
    /** Counts every change; a snapshot says which count it is as of, so a node can tell older events from newer. */
    static final String VERSION = "chat:accounts:version";
    static final String SECRET = "chat:accounts:secret";

    /**
     * KEYS[1]: the hash. ARGV: field, value ('' deletes), 'new' (only if absent) or 'any', event
     * type, node. PUBLISHes on chat:all the {@link Event} "type node version field value". Returns
     * the new version, or 0 when 'new' found the field taken (nothing written, nothing said).
     */
    static final String WRITE = """
            if ARGV[3] == 'new' and redis.call('HEXISTS', KEYS[1], ARGV[1]) == 1 then return 0 end
            local version = redis.call('INCR', '%s')
            local value = ARGV[2]
            if value == '' then
              redis.call('HDEL', KEYS[1], ARGV[1])
              value = '\\0'
            else
              redis.call('HSET', KEYS[1], ARGV[1], value)
            end
            redis.call('PUBLISH', 'chat:all', ARGV[4] .. '\\n' .. ARGV[5] .. '\\n' .. version .. '\\n' .. ARGV[1] .. '\\n' .. value)
            return version
            """.formatted(VERSION);

    /** Everything at once, as of one version: {version, HGETALL accounts, HGETALL rooms, HGETALL bans}. */
    static final String SNAPSHOT = """
            return {redis.call('GET', '%s') or '0', redis.call('HGETALL', '%s'), redis.call('HGETALL', '%s'),
              redis.call('HGETALL', '%s')}
            """.formatted(VERSION, RedisAccountStore.ACCOUNTS, RedisAccountStore.ROOMS, RedisAccountStore.BANS);

    private AccountScripts() {
    }
}
