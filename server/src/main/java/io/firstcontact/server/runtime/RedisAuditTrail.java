package io.firstcontact.server.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.firstcontact.desktop.audit.AuditRecord;
import io.firstcontact.desktop.audit.AuditTrail;
import io.firstcontact.router.wire.PublicJson;
import io.lettuce.core.Range;
import io.lettuce.core.RedisClient;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAddArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The supervisors' audit trail in Redis beside the journal: one stream, {@code <prefix>:audit}, one entry per action
 * ({@code record}: the record as JSON), trimmed as it is written to {@code desktop.auditRetention} (Redis ≥ 6.2's
 * {@code XADD … MINID ~}). The journal is trimmed behind each snapshot; this is what says who did what for longer.
 * Entries are read newest first ({@code XREVRANGE}) and filtered by the time the action was done.
 */
public final class RedisAuditTrail implements AuditTrail, AutoCloseable {
    private static final String FIELD = "record";

    private final String key;
    private final Duration retention;
    private final InstantSource clock;
    private volatile StatefulRedisConnection<String, String> connection;

    /** @param prefix the server's key prefix ({@code redis.keyPrefix}) */
    public RedisAuditTrail(String prefix, Duration retention, InstantSource clock) {
        this.key = prefix + ":audit";
        this.retention = retention;
        this.clock = clock;
    }

    /** Connects, once Redis is up (before the API takes requests). */
    public void open(RedisClient client) {
        connection = client.connect();
    }

    private RedisAsyncCommands<String, String> redis() {
        StatefulRedisConnection<String, String> c = connection;
        if (c == null) {
            throw new IllegalStateException("the audit trail is not connected to Redis yet");
        }
        return c.async();
    }

    @Override
    public CompletionStage<Void> record(AuditRecord record) {
        String json;
        try {
            json = PublicJson.MAPPER.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            return CompletableFuture.failedFuture(e);
        }
        long oldest = Math.max(0, clock.millis() - retention.toMillis());
        XAddArgs args = new XAddArgs().minId(oldest + "-0").approximateTrimming();
        return redis().xadd(key, args, Map.of(FIELD, json)).thenApply(id -> null);
    }

    @Override
    public CompletionStage<List<AuditRecord>> read(long fromMillis, long toMillis, int limit) {
        // Stream ids carry Redis' own clock, a whisker from the server's: read a minute either side, then filter.
        Range<String> range = Range.create(Math.max(0, fromMillis - 60_000) + "-0", (toMillis + 60_000) + "-0");
        return redis().xrevrange(key, range, io.lettuce.core.Limit.from(limit + 1_000L))
                .thenApply(messages -> {
                    List<AuditRecord> out = new ArrayList<>();
                    for (StreamMessage<String, String> m : messages) {
                        AuditRecord r = parse(m.getBody().get(FIELD));
                        if (r != null && r.doneAt() >= fromMillis && r.doneAt() < toMillis && out.size() < limit) {
                            out.add(r);
                        }
                    }
                    return out;
                });
    }

    private static AuditRecord parse(String json) {
        if (json == null) {
            return null;
        }
        try {
            return PublicJson.MAPPER.readValue(json, AuditRecord.class);
        } catch (JsonProcessingException e) {
            return null; // not one of ours: a record this version cannot read is left out of the listing
        }
    }

    @Override
    public void close() {
        StatefulRedisConnection<String, String> c = connection;
        if (c != null) {
            c.close();
        }
    }
}
