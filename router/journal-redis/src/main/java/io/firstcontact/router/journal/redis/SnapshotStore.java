package io.firstcontact.router.journal.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The latest engine snapshot, kept beside the journal in one Redis hash ({@code <prefix>:snapshot}) with the id of
 * the last entry it includes. One {@code HSET} writes both fields, so a reader never sees an id with another
 * snapshot's data. Entries up to that id may then be trimmed from the stream.
 */
public final class SnapshotStore implements AutoCloseable {
    private static final String ID = "id";
    private static final String DATA = "data";

    /** A stored snapshot: its payload includes every entry up to and including {@code entryId}. */
    public record Stored(String entryId, byte[] payload) {
        public Stored {
            Objects.requireNonNull(entryId, "entryId");
            Objects.requireNonNull(payload, "payload");
        }
    }

    private final StatefulRedisConnection<String, byte[]> connection;
    private final RedisCommands<String, byte[]> sync;
    private final String key;

    private SnapshotStore(StatefulRedisConnection<String, byte[]> connection, String key) {
        this.connection = connection;
        this.sync = connection.sync();
        this.key = key;
    }

    public static SnapshotStore open(RedisClient client, String key) {
        try {
            return new SnapshotStore(client.connect(RedisJournal.CODEC), key);
        } catch (RedisException e) {
            throw new JournalUnavailableException("cannot connect to Redis: " + e.getMessage(), e);
        }
    }

    public Optional<Stored> load() {
        try {
            Map<String, byte[]> fields = sync.hgetall(key);
            if (fields == null || !fields.containsKey(ID) || !fields.containsKey(DATA)) {
                return Optional.empty();
            }
            return Optional.of(new Stored(new String(fields.get(ID), StandardCharsets.US_ASCII), fields.get(DATA)));
        } catch (RedisException e) {
            throw new JournalUnavailableException("cannot read the snapshot: " + e.getMessage(), e);
        }
    }

    public void save(Stored snapshot) {
        Map<String, byte[]> fields = new LinkedHashMap<>();
        fields.put(ID, snapshot.entryId().getBytes(StandardCharsets.US_ASCII));
        fields.put(DATA, snapshot.payload());
        try {
            sync.hset(key, fields);
        } catch (RedisException e) {
            throw new JournalUnavailableException("cannot write the snapshot: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        connection.close();
    }
}
