package io.firstcontact.router.journal.redis;

import io.lettuce.core.RedisException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The single-leader routing lease, kept in Redis (docs/routing-contract.md §8 "Fencing").
 *
 * <p>Two keys: {@code <prefix>:lease} holds the holder's node id with a time to live, and {@code
 * <prefix>:epoch} counts acquisitions. {@link #acquire} runs {@code SET lease nodeId NX PX ttl} and,
 * only if that succeeded, {@code INCR epoch}, in one Lua script so that no acquisition goes without a
 * new epoch. {@link #renew} and {@link #release} act only if the lease still holds the caller's node
 * id (compare-and-act in a script). A lease that expired is gone even if nobody took it: its former
 * holder must acquire again, and gets a new epoch.
 *
 * <p>The lease alone does not make a deposed leader harmless (it may not notice in time); the journal
 * does: the new leader appends {@code <epoch>-0}, after which every append of an older epoch fails
 * ({@link RedisJournal}, {@link FencedException}).
 *
 * <p>Uses only SET NX PX, GET, INCR, PEXPIRE, DEL and EVAL, all in Redis 6.2 and Valkey.
 */
public final class RoutingLease {

    private static final String ACQUIRE = """
            if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then
              return redis.call('INCR', KEYS[2])
            end
            return 0
            """;
    /** Acquires, or takes over from an earlier incarnation of the same node (a restart after a crash). */
    private static final String TAKE_OVER = """
            if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then
              return redis.call('INCR', KEYS[2])
            end
            if redis.call('GET', KEYS[1]) == ARGV[1] then
              redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
              return redis.call('INCR', KEYS[2])
            end
            return 0
            """;

    private static final String RENEW = """
            if redis.call('GET', KEYS[1]) == ARGV[1] then
              return redis.call('PEXPIRE', KEYS[1], ARGV[2])
            end
            return 0
            """;
    /** Renews, or re-takes a lease that merely expired while nobody else acquired it (the epoch is unchanged). */
    private static final String RENEW_IN_EPOCH = """
            local holder = redis.call('GET', KEYS[1])
            if holder == ARGV[1] then
              return redis.call('PEXPIRE', KEYS[1], ARGV[2])
            end
            if holder == false and redis.call('GET', KEYS[2]) == ARGV[3] then
              redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
              return 1
            end
            return 0
            """;

    private static final String RELEASE = """
            if redis.call('GET', KEYS[1]) == ARGV[1] then
              return redis.call('DEL', KEYS[1])
            end
            return 0
            """;

    private final RedisCommands<String, String> redis;
    private final String leaseKey;
    private final String epochKey;

    /**
     * @param connection a connection the caller owns (and closes)
     * @param keyPrefix e.g. {@code firstcontact:routing}
     */
    public RoutingLease(StatefulRedisConnection<String, String> connection, String keyPrefix) {
        this.redis = connection.sync();
        this.leaseKey = keyPrefix + ":lease";
        this.epochKey = keyPrefix + ":epoch";
    }

    /**
     * Takes the lease for {@code nodeId} if nobody holds it.
     *
     * @return the new epoch (greater than every earlier one), or empty if another node holds the lease
     *     (or this node still holds it from an earlier acquisition)
     */
    public OptionalLong acquire(String nodeId, Duration ttl) {
        long epoch = eval(ACQUIRE, nodeId, ttl);
        return epoch > 0 ? OptionalLong.of(epoch) : OptionalLong.empty();
    }

    /**
     * As {@link #acquire}, and also when the lease is still held under this {@code nodeId}: the node restarted (its
     * previous process crashed) before the lease expired. A new epoch is taken either way, so anything the previous
     * process might still try to append is fenced. Node ids must therefore be unique per node and stable across its
     * restarts (the server keeps its id in its data directory).
     */
    public OptionalLong takeOver(String nodeId, Duration ttl) {
        long epoch = eval(TAKE_OVER, nodeId, ttl);
        return epoch > 0 ? OptionalLong.of(epoch) : OptionalLong.empty();
    }

    /** Extends the lease to {@code ttl} from now if {@code nodeId} still holds it; false if it does not. */
    public boolean renew(String nodeId, Duration ttl) {
        return eval(RENEW, nodeId, ttl) == 1;
    }

    /**
     * Extends the lease held for {@code epoch}. If it expired (Redis was unreachable longer than the time to live, or
     * paused) and no node acquired it since (the epoch counter still says {@code epoch}), it is taken again for the
     * same epoch: nothing was fenced, so this node may go on. False if another node holds it or acquired it since.
     */
    public boolean renew(String nodeId, Duration ttl, long epoch) {
        return eval(RENEW_IN_EPOCH, nodeId, ttl, Long.toString(epoch)) == 1;
    }

    /** Gives the lease up if {@code nodeId} holds it; false (and nothing changes) if it does not. */
    public boolean release(String nodeId) {
        return eval(RELEASE, nodeId, null) == 1;
    }

    /** The node holding the lease now, if any. */
    public Optional<String> holder() {
        try {
            return Optional.ofNullable(redis.get(leaseKey));
        } catch (RedisException e) {
            throw new JournalUnavailableException("cannot read the routing lease: " + e.getMessage(), e);
        }
    }

    /** The epoch of the latest acquisition, 0 if the lease was never acquired. */
    public long epoch() {
        try {
            String value = redis.get(epochKey);
            return value == null ? 0 : Long.parseLong(value);
        } catch (RedisException e) {
            throw new JournalUnavailableException("cannot read the routing epoch: " + e.getMessage(), e);
        }
    }

    private long eval(String script, String nodeId, Duration ttl, String... extra) {
        Objects.requireNonNull(nodeId, "nodeId");
        if (nodeId.isEmpty()) {
            throw new IllegalArgumentException("nodeId must not be empty");
        }
        String[] args;
        if (ttl == null) {
            args = new String[] {nodeId};
        } else {
            if (ttl.toMillis() <= 0) {
                throw new IllegalArgumentException("the lease's time to live must be at least 1 ms: " + ttl);
            }
            args = new String[2 + extra.length];
            args[0] = nodeId;
            args[1] = Long.toString(ttl.toMillis());
            System.arraycopy(extra, 0, args, 2, extra.length);
        }
        try {
            Long result = redis.eval(script, ScriptOutputType.INTEGER, new String[] {leaseKey, epochKey}, args);
            return result == null ? 0 : result;
        } catch (RedisException e) {
            throw new JournalUnavailableException("routing lease: " + e.getMessage(), e);
        }
    }
}
