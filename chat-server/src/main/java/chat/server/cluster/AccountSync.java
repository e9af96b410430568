package chat.server.cluster;

import chat.protocol.IrcNames;
import chat.server.account.Account;
import chat.server.account.Identity;
import chat.server.account.RegisteredRoom;
import chat.server.account.ServerBan;
import chat.server.command.Admission;
import chat.server.command.Logins;
import chat.server.model.ServerState;
import chat.server.model.User;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;

/**
 * Keeps this node's accounts, registered rooms and bans (its {@link Identity}) the same as the
 * store in Redis, on the loop thread: applies each change every node announces (its own too, so
 * the replica ends where Redis's one order ends), reads the whole store again when the node heals
 * from a split, and does on this node what a change means for its users (a deleted account logs
 * them out, a new ban disconnects those it covers). While split, the replica answers logins and
 * nick checks as it was, and changes are refused ({@link RedisAccountStore#SPLIT}).
 */
final class AccountSync {
    private static final System.Logger LOG = System.getLogger(AccountSync.class.getName());
    private static final Set<String> TYPES = Set.of(RedisAccountStore.ACCOUNT_EVENT, RedisAccountStore.ROOM_EVENT,
            RedisAccountStore.BAN_EVENT);

    private final ServerState state;
    private final RedisAccountStore store;
    private final Executor loop;
    private final String me;
    /** Events heard while a reload is on its way: those newer than the snapshot are applied again after it. */
    private final List<Event> heardDuringReload = new ArrayList<>();
    private int reloadsPending;
    /** The newest change this node has applied: a store that says fewer were made has lost some. */
    private long appliedVersion;
    private boolean whole;

    AccountSync(ServerState state, RedisAccountStore store, Executor loop, String me) {
        this.state = state;
        this.store = store;
        this.loop = loop;
        this.me = me;
        this.appliedVersion = store.loadedVersion();
        store.onLostRace((folded, ours) -> loop.execute(() -> lostRace(folded, ours)));
    }

    static boolean handles(Event event) {
        return TYPES.contains(event.type());
    }

    private Identity identity() {
        return state.identity();
    }

    void onEvent(Event event) {
        if (reloadsPending > 0) {
            heardDuringReload.add(event);
        }
        apply(event);
    }

    void split() {
        whole = false;
        store.readOnly(RedisAccountStore.SPLIT);
    }

    /** The node is whole again (or for the first time): read the store, then accept changes. */
    void heal() {
        whole = true;
        reloadsPending++;
        store.reload(snapshot -> loop.execute(() -> reloaded(snapshot)));
    }

    private void reloaded(RedisAccountStore.Snapshot snapshot) {
        reloadsPending--;
        if (snapshot.version() < appliedVersion) {
            redisForgot(snapshot);
        } else {
            identity().accounts().replaceAll(snapshot.accounts());
            identity().rooms().replaceAll(snapshot.rooms());
            identity().bans().replaceAll(snapshot.bans());
            for (Event event : heardDuringReload) {
                if (version(event) > snapshot.version()) {
                    apply(event);
                }
            }
            afterReload();
        }
        appliedVersion = Math.max(snapshot.version(), appliedVersion(heardDuringReload, snapshot.version()));
        if (reloadsPending == 0) {
            heardDuringReload.clear();
            if (whole) {
                store.readOnly(null);
            }
        }
    }

    /**
     * Redis counts fewer changes than this node has seen: it lost them (restarted without
     * persistence). What this node knows goes back in, each record only where Redis has none (so
     * several nodes doing it at once agree, and what was written since wins); nobody is logged
     * out for a record Redis lost.
     */
    private void redisForgot(RedisAccountStore.Snapshot snapshot) {
        Identity identity = identity();
        long now = state.clock().epochMillis();
        LOG.log(Level.WARNING, "accounts: the store in Redis lost changes (version " + snapshot.version() + ", this node saw "
                + appliedVersion + "); writing back this node's " + identity.accounts().count() + " accounts, "
                + identity.rooms().count() + " registered rooms and " + identity.bans().list(now).size()
                + " bans (give Redis persistence: appendonly yes)");
        store.restore(new RedisAccountStore.Snapshot(0, List.copyOf(identity.accounts().all()), identity.rooms().all(),
                identity.bans().list(now)), identity.accounts().secret());
        snapshot.accounts().forEach(account -> identity.accounts().apply(IrcNames.fold(account.name()), account));
        snapshot.rooms().forEach(room -> identity.rooms().apply(IrcNames.fold(room.name()), room));
        snapshot.bans().forEach(ban -> identity.bans().apply(ban.mask(), ban));
    }

    private static long appliedVersion(List<Event> events, long floor) {
        long highest = floor;
        for (Event event : events) {
            long version = version(event);
            if (version != Long.MAX_VALUE) {
                highest = Math.max(highest, version);
            }
        }
        return highest;
    }

    /** What changed while this node was away, for its users: deleted accounts log out, new bans apply. */
    private void afterReload() {
        Logins logins = new Logins(state);
        for (User user : List.copyOf(state.nicks().all())) {
            if (!user.isRemote() && user.account() != null && identity().accounts().find(user.account()) == null) {
                logins.logOut(user, Logins.deleted(user.account()));
            }
        }
        for (ServerBan ban : identity().bans().list(state.clock().epochMillis())) {
            Admission.enforce(ban, state);
        }
    }

    private static long version(Event event) {
        try {
            return Long.parseLong(event.field(0));
        } catch (NumberFormatException | NullPointerException e) {
            return Long.MAX_VALUE;
        }
    }

    // TYPE node version key record (record missing: deleted)
    private void apply(Event event) {
        long version = version(event);
        if (version != Long.MAX_VALUE) {
            appliedVersion = Math.max(appliedVersion, version);
        }
        String key = event.field(1);
        String record = event.field(2);
        try {
            switch (event.type()) {
                case RedisAccountStore.ACCOUNT_EVENT -> account(key, record == null ? null : AccountRecords.account(record),
                        event.node());
                case RedisAccountStore.ROOM_EVENT -> room(key, record == null ? null : AccountRecords.room(record),
                        event.node());
                case RedisAccountStore.BAN_EVENT -> ban(key, record == null ? null : AccountRecords.ban(record), event.node());
                default -> { }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "accounts: change " + event.type() + " " + key + " from node " + event.node()
                    + " not applied", e);
        }
    }

    private void account(String folded, Account account, String node) {
        Account before = identity().accounts().find(folded);
        identity().accounts().apply(folded, account);
        if (!node.equals(me)) { // a trail on every node of what the network's operators changed
            LOG.log(Level.INFO, "accounts: account " + folded + (account == null ? " deleted" : before == null ? " made"
                    : " changed") + " on node " + node);
        }
        if (account == null && before != null) {
            new Logins(state).logOutEveryone(before.name(), Logins.deleted(before.name()));
        }
    }

    private void room(String folded, RegisteredRoom room, String node) {
        RegisteredRoom before = identity().rooms().find(folded);
        identity().rooms().apply(folded, room);
        if (!node.equals(me) && (before == null) != (room == null)) { // kept settings change often: only (un)registering
            LOG.log(Level.INFO, "accounts: room " + folded + (room == null ? " no longer registered" : " registered")
                    + " on node " + node);
        }
    }

    private void ban(String key, ServerBan ban, String node) {
        identity().bans().apply(key, ban);
        if (!node.equals(me)) {
            LOG.log(Level.INFO, "accounts: ban on " + key + (ban == null ? " lifted" : " set") + " on node " + node);
        }
        if (ban == null || ban.expired(state.clock().epochMillis())) {
            return;
        }
        int removed = Admission.enforce(ban, state);
        if (removed > 0 && !node.equals(me)) {
            state.noticeOperators("K-line on " + ban.mask() + " (set on node " + node + " by " + ban.setBy() + "): "
                    + removed + " disconnected here");
        }
    }

    /** An account made here was made at the same moment on another node, whose REGISTER Redis took first. */
    private void lostRace(String folded, Account ours) {
        if (identity().accounts().find(folded) == ours) {
            identity().accounts().apply(folded, null); // the other node's account arrives as its own event
        }
        new Logins(state).logOutEveryone(ours.name(), "The account " + ours.name() + " was registered on another node"
                + " at the same moment, and that one was kept; you are logged out. Register another name");
        LOG.log(Level.WARNING, "accounts: " + ours.name() + " was registered on another node at the same moment; ours"
                + " is dropped");
    }
}
