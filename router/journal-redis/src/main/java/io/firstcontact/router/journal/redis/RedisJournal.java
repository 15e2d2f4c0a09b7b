package io.firstcontact.router.journal.redis;

import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.RedisException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAddArgs;
import io.lettuce.core.XTrimArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * The journal: one Redis Stream whose entry ids are explicit, {@code <epoch>-<seq>}, never {@code *}
 * (docs/routing-contract.md §8). Each entry has one field, {@code v}, holding its payload.
 *
 * <p><b>Fencing.</b> Redis refuses an XADD whose id is not greater than the stream's last id with
 * {@code ERR The ID specified in XADD is equal or smaller than the target stream top item}. A new
 * leader appends {@code <E>-0} ({@link #appendEpochStart}); from then on every append of an older
 * epoch fails, and {@link #append} reports it as {@link FencedException}.
 *
 * <p><b>One batch, one round trip, and a refused id stops the rest.</b> Neither plain pipelining nor
 * MULTI/EXEC gives that: Redis executes each pipelined command on its own, and inside MULTI/EXEC a
 * command that fails at run time (as a refused id does) does not stop the others or roll anything
 * back. So a batch is one Lua script ({@code EVAL}) that runs its XADDs in order and returns at the
 * first error (a batch of one is a plain XADD, which is atomic by itself). A script runs atomically,
 * and the ids of a batch ascend (checked here), so if the first id is refused nothing of the batch is
 * written, and if it is accepted so are the others: a fenced batch is never half written. Only a
 * failure of another kind (out of memory, say) can stop a batch part way; the error then says how
 * many entries were written.
 *
 * <p><b>Unknown outcomes.</b> A timeout or lost connection ({@link JournalUnavailableException})
 * leaves it unknown whether the batch was written; read from the last acknowledged id before
 * replaying, since replaying a written entry is refused like a fenced one.
 *
 * <p>Commands: XADD, EVALSHA (EVAL when the script is not loaded) with XADD, XRANGE with an
 * exclusive start, XINFO STREAM, XTRIM MINID and XLEN, all in Redis 6.2 and Valkey. The caller
 * creates the client, preferably with {@link RedisClients#create}, whose offline command buffer is
 * bounded and rejects instead of queueing.
 */
public final class RedisJournal implements AutoCloseable {

    /** Keys and ids as UTF-8 strings, values (payloads) as raw bytes. */
    static final RedisCodec<String, byte[]> CODEC = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);

    private static final String FIELD = "v";
    private static final String TOP_ITEM_ERROR = "equal or smaller than the target stream top item";

    /**
     * XADDs the id, payload pairs of ARGV from {@code first} on, in order, stopping at the first error; returns the
     * number of entries written.
     */
    private static String appendFrom(int first) {
        return """
                local n = 0
                for i = %d, #ARGV, 2 do
                  local r = redis.pcall('XADD', KEYS[1], ARGV[i], 'v', ARGV[i + 1])
                  if type(r) == 'table' and r.err then
                    if n == 0 then
                      return r
                    end
                    return {err = r.err .. ' (' .. n .. ' entries of the batch were written before it)'}
                  end
                  n = n + 1
                end
                return n
                """.formatted(first);
    }

    /** ARGV = id1, payload1, id2, payload2, ...; returns the number of entries written. */
    private static final String APPEND = appendFrom(1);

    /**
     * The same, written only if the stream holds {@code ARGV[1]}, the entry the batch follows, checked in the same
     * atomic step: ARGV = previous id, id1, payload1, id2, payload2, ...
     */
    private static final String BEHIND_ERROR = "is not in the journal: nothing written behind it";

    private static final String APPEND_BEHIND = """
            if #redis.call('XRANGE', KEYS[1], ARGV[1], ARGV[1]) == 0 then
              return {err = 'FCBEHIND entry ' .. ARGV[1] .. ' %s'}
            end
            """.formatted(BEHIND_ERROR) + appendFrom(2);

    /**
     * An append sent behind another was refused because the entry it follows is not in the stream (the batch before
     * it failed, or has not reached Redis yet): nothing of it was written.
     */
    public static final class NotBehindException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotBehindException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** An entry: its id is {@code <epoch>-<seq>}. */
    public record Entry(long epoch, long seq, byte[] payload) {

        public Entry {
            if (epoch < 0 || seq < 0 || (epoch == 0 && seq == 0)) {
                throw new IllegalArgumentException("a journal id must be greater than 0-0: " + epoch + "-" + seq);
            }
            Objects.requireNonNull(payload, "payload");
        }

        public String id() {
            return epoch + "-" + seq;
        }

        /** Whether this entry's id is greater than {@code other}'s. */
        boolean after(Entry other) {
            return epoch != other.epoch ? epoch > other.epoch : seq > other.seq;
        }

        static Entry parse(String id, byte[] payload) {
            int dash = id.indexOf('-');
            return new Entry(Long.parseLong(id.substring(0, dash)), Long.parseLong(id.substring(dash + 1)), payload);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Entry e && e.epoch == epoch && e.seq == seq && Arrays.equals(e.payload, payload);
        }

        @Override
        public int hashCode() {
            return Long.hashCode(epoch) * 31 * 31 + Long.hashCode(seq) * 31 + Arrays.hashCode(payload);
        }

        @Override
        public String toString() {
            return "Entry[" + id() + ", " + payload.length + " bytes]";
        }
    }

    private final StatefulRedisConnection<String, byte[]> connection;
    private final RedisCommands<String, byte[]> sync;
    private final String key;
    /** The append scripts' SHA-1s, for {@code EVALSHA}. */
    private final String appendDigest;

    private final String appendBehindDigest;

    private RedisJournal(StatefulRedisConnection<String, byte[]> connection, String key) {
        this.connection = connection;
        this.sync = connection.sync();
        this.key = key;
        this.appendDigest = sync.digest(APPEND);
        this.appendBehindDigest = sync.digest(APPEND_BEHIND);
    }

    /** Opens a connection of its own on {@code client} to the stream {@code key} (e.g. {@code firstcontact:journal}). */
    public static RedisJournal open(RedisClient client, String key) {
        Objects.requireNonNull(key, "key");
        try {
            return new RedisJournal(client.connect(CODEC), key);
        } catch (RedisException e) {
            throw new JournalUnavailableException("cannot connect to Redis: " + e.getMessage(), e);
        }
    }

    public String key() {
        return key;
    }

    /**
     * Runs {@code task} each time this connection drops (on Lettuce's I/O thread, before it reconnects): Redis may
     * come back as another process, restarted from its AOF. The task must be quick and must not block.
     */
    public void onDisconnect(Runnable task) {
        Objects.requireNonNull(task, "task");
        connection.addListener(new RedisConnectionStateListener() {
            @Override
            public void onRedisDisconnected(RedisChannelHandler<?, ?> handler) {
                task.run();
            }
        });
    }

    /**
     * Appends a batch in one round trip. Completes when Redis has acknowledged every entry;
     * exceptionally with {@link FencedException} if the first id is not greater than the stream's last
     * id (nothing of the batch is written), or {@link JournalUnavailableException} otherwise.
     *
     * @param batch entries in strictly ascending id order
     */
    public CompletionStage<Void> append(List<Entry> batch) {
        if (batch.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        byte[][] args = arguments(batch, 0);
        return written(batch.get(0).id(), () -> write(batch, args));
    }

    /**
     * Appends a batch behind {@code previousId} in one round trip, atomically with checking that the stream holds
     * that entry: sent while the batch ending with it is still in flight on this connection, it can never be written
     * without it. Completes when Redis has acknowledged every entry; exceptionally with {@link NotBehindException} if
     * the stream does not hold {@code previousId} (nothing written), {@link FencedException} if an id was refused,
     * or {@link JournalUnavailableException} otherwise.
     *
     * @param batch entries in strictly ascending id order, the first after {@code previousId}
     */
    public CompletionStage<Void> appendBehind(String previousId, List<Entry> batch) {
        Objects.requireNonNull(previousId, "previousId");
        if (batch.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        byte[][] args = arguments(batch, 1);
        args[0] = previousId.getBytes(StandardCharsets.US_ASCII);
        return written(batch.get(0).id(), () -> script(APPEND_BEHIND, appendBehindDigest, args));
    }

    /** id, payload pairs from {@code offset} on, checking that the ids ascend. */
    private static byte[][] arguments(List<Entry> batch, int offset) {
        byte[][] args = new byte[offset + batch.size() * 2][];
        Entry previous = null;
        for (int i = 0; i < batch.size(); i++) {
            Entry entry = batch.get(i);
            if (previous != null && !entry.after(previous)) {
                throw new IllegalArgumentException(
                        "batch ids must ascend: " + entry.id() + " follows " + previous.id());
            }
            args[offset + 2 * i] = entry.id().getBytes(StandardCharsets.US_ASCII);
            args[offset + 2 * i + 1] = entry.payload();
            previous = entry;
        }
        return args;
    }

    private CompletionStage<Void> written(String firstId, java.util.function.Supplier<CompletionStage<?>> send) {
        CompletableFuture<Void> result = new CompletableFuture<>();
        try {
            send.get().whenComplete((written, failure) -> {
                if (failure == null) {
                    result.complete(null);
                } else {
                    result.completeExceptionally(translate(firstId, failure));
                }
            });
        } catch (RuntimeException e) {
            result.completeExceptionally(translate(firstId, e));
        }
        return result;
    }

    /**
     * One entry is one plain XADD: atomic by itself, and refused with the same error when fenced. A batch runs the
     * script by its digest ({@code EVALSHA}), loading it with {@code EVAL} when Redis does not know it yet (a new or
     * restarted Redis).
     */
    private CompletionStage<?> write(List<Entry> batch, byte[][] args) {
        if (batch.size() == 1) {
            return connection
                    .async()
                    .xadd(
                            key,
                            new XAddArgs().id(batch.get(0).id()),
                            FIELD,
                            batch.get(0).payload());
        }
        return script(APPEND, appendDigest, args);
    }

    private CompletionStage<?> script(String script, String digest, byte[][] args) {
        String[] keys = {key};
        return connection
                .async()
                .<Long>evalsha(digest, ScriptOutputType.INTEGER, keys, args)
                .exceptionallyCompose(failure -> noScript(failure)
                        ? connection.async().<Long>eval(script, ScriptOutputType.INTEGER, keys, args)
                        : CompletableFuture.failedStage(failure));
    }

    private static boolean noScript(Throwable failure) {
        return String.valueOf(unwrap(failure).getMessage()).startsWith("NOSCRIPT");
    }

    /** The failure a {@link CompletionException} carries, or {@code failure} itself. */
    static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    /** Appends the new leader's first entry, {@code <epoch>-0}: from then on older epochs are fenced. */
    public CompletionStage<Void> appendEpochStart(long epoch, byte[] payload) {
        if (epoch < 1) {
            throw new IllegalArgumentException("epochs start at 1: " + epoch);
        }
        return append(List.of(new Entry(epoch, 0, payload)));
    }

    /**
     * Up to {@code count} entries with ids greater than {@code fromIdExclusive}, in id order ({@code
     * XRANGE key (from + COUNT count}). Pass {@code "0-0"} to read from the start.
     */
    public List<Entry> read(String fromIdExclusive, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be positive: " + count);
        }
        try {
            List<StreamMessage<String, byte[]>> messages = sync.xrange(
                    key,
                    Range.from(Range.Boundary.excluding(fromIdExclusive), Range.Boundary.unbounded()),
                    Limit.from(count));
            List<Entry> entries = new ArrayList<>(messages.size());
            for (StreamMessage<String, byte[]> message : messages) {
                byte[] payload = message.getBody().get(FIELD);
                if (payload == null) {
                    throw new IllegalStateException(
                            "journal entry " + message.getId() + " has no field '" + FIELD + "': " + key);
                }
                entries.add(Entry.parse(message.getId(), payload));
            }
            return entries;
        } catch (RedisException e) {
            throw unavailable("read", e);
        }
    }

    /** The entry with exactly this id, if the stream still holds it ({@code XRANGE key id id}). */
    public Optional<Entry> get(String id) {
        try {
            List<StreamMessage<String, byte[]>> messages = sync.xrange(key, Range.create(id, id));
            if (messages.isEmpty()) {
                return Optional.empty();
            }
            StreamMessage<String, byte[]> message = messages.get(0);
            byte[] payload = message.getBody().get(FIELD);
            return payload == null ? Optional.empty() : Optional.of(Entry.parse(message.getId(), payload));
        } catch (RedisException e) {
            throw unavailable("read", e);
        }
    }

    /**
     * The stream's last generated id ({@code XINFO STREAM}), the id every append must exceed; it stays
     * when entries are trimmed. Empty if the stream does not exist.
     */
    public Optional<String> lastId() {
        try {
            List<Object> info = sync.xinfoStream(key);
            for (int i = 0; i + 1 < info.size(); i += 2) {
                if ("last-generated-id".equals(text(info.get(i)))) {
                    return Optional.of(text(info.get(i + 1)));
                }
            }
            throw new IllegalStateException("XINFO STREAM " + key + " has no last-generated-id: " + info);
        } catch (RedisException e) {
            if (e.getMessage() != null && e.getMessage().contains("no such key")) {
                return Optional.empty();
            }
            throw unavailable("read the last id of", e);
        }
    }

    /** Removes the entries with ids less than {@code minId} ({@code XTRIM key MINID minId}); returns how many. */
    public long trimTo(String minId) {
        try {
            Long removed = sync.xtrim(key, XTrimArgs.Builder.minId(minId));
            return removed == null ? 0 : removed;
        } catch (RedisException e) {
            throw unavailable("trim", e);
        }
    }

    /** The number of entries in the stream ({@code XLEN}). */
    public long length() {
        try {
            Long length = sync.xlen(key);
            return length == null ? 0 : length;
        } catch (RedisException e) {
            throw unavailable("measure", e);
        }
    }

    @Override
    public void close() {
        connection.close();
    }

    private RuntimeException translate(String firstId, Throwable failure) {
        Throwable cause = unwrap(failure);
        String message = String.valueOf(cause.getMessage());
        if (message.contains(BEHIND_ERROR)) {
            return new NotBehindException("journal append from " + firstId + " not written: " + message, cause);
        }
        if (message.contains(TOP_ITEM_ERROR)) {
            return new FencedException(
                    firstId,
                    "journal append from " + firstId + " refused by Redis, a newer epoch has started: " + message,
                    cause);
        }
        return new JournalUnavailableException(
                "journal append from " + firstId + " failed (it may or may not be written): " + message, cause);
    }

    private JournalUnavailableException unavailable(String what, RedisException e) {
        return new JournalUnavailableException("cannot " + what + " the journal " + key + ": " + e.getMessage(), e);
    }

    private static String text(Object value) {
        return value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(value);
    }
}
