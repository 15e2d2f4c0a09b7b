package io.firstcontact.server.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.firstcontact.metrics.statistics.ContactRecord;
import io.firstcontact.metrics.statistics.DayRecord;
import io.firstcontact.metrics.statistics.HistoryStore;
import io.firstcontact.metrics.statistics.OutcomeRecord;
import io.firstcontact.metrics.statistics.StatisticsSnapshot;
import io.lettuce.core.RedisClient;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The statistics in Redis, beside the journal: their snapshot ({@code <prefix>:statistics:snapshot}, saved with each
 * engine snapshot), and the history a day leaves — {@code :day:<date>} (queues, channels, centre, intervals, advisors),
 * {@code :outcomes:<date>} (first contact resolution and channel shift) and {@code :contacts:<date>} (one hash field
 * per contact) — each expiring {@code statistics.historyDays} after it was written.
 *
 * <p>History writes come from the engine thread and go out asynchronously; one that fails (Redis unreachable) is kept
 * and written again before the next snapshot, and a snapshot is saved only once every write before it is in Redis — so
 * a snapshot never stands for history that was lost. (While Redis stays unreachable, at most {@value #RETRY_LIMIT}
 * writes are kept; the oldest beyond that are dropped and logged.)
 */
public final class RedisStatisticsStore implements HistoryStore, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RedisStatisticsStore.class);
    static final int RETRY_LIMIT = 100_000;

    static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private final String prefix;
    private final long ttlSeconds;
    private StatefulRedisConnection<String, String> connection;
    private final Set<CompletableFuture<?>> inFlight = ConcurrentHashMap.newKeySet();
    private final ConcurrentLinkedQueue<Write> retry = new ConcurrentLinkedQueue<>();
    private final AtomicInteger retrying = new AtomicInteger();

    /** One history write: a string key, or a field of a hash key. */
    private record Write(String key, String field, String value) {}

    /** @param prefix the server's key prefix ({@code redis.keyPrefix}) */
    public RedisStatisticsStore(String prefix, int historyDays) {
        this.prefix = prefix + ":statistics";
        this.ttlSeconds = historyDays * 86_400L;
    }

    /** Connects (once Redis is up, before recovery reads the snapshot). */
    public void open(RedisClient client) {
        this.connection = client.connect();
    }

    private RedisAsyncCommands<String, String> redis() {
        if (connection == null) {
            throw new IllegalStateException("the statistics store is not connected to Redis yet");
        }
        return connection.async();
    }

    // ------------------------------------------------------------------ snapshot (blocking, off the engine thread)

    public Optional<StatisticsSnapshot> loadSnapshot() {
        String text = await(redis().get(prefix + ":snapshot").toCompletableFuture());
        return text == null ? Optional.empty() : Optional.of(read(text, StatisticsSnapshot.class));
    }

    /**
     * Writes every history write still pending, the closed days the snapshot holds, then the snapshot itself; throws if
     * any of it fails (the engine snapshot beside it must then not be saved either).
     */
    public void saveSnapshot(StatisticsSnapshot snapshot) {
        for (CompletableFuture<?> f : List.copyOf(inFlight)) {
            f.join(); // done once the write is in Redis or kept for another try
        }
        for (Write w = retry.peek(); w != null; w = retry.peek()) {
            await(send(w));
            retry.poll();
            retrying.decrementAndGet();
        }
        for (DayRecord day : snapshot.closedDays()) {
            await(send(dayWrite(day)));
        }
        await(redis().set(prefix + ":snapshot", write(snapshot)).toCompletableFuture());
    }

    // ------------------------------------------------------------------ history writes (engine thread, asynchronous)

    @Override
    public void saveDay(DayRecord day) {
        submit(dayWrite(day));
    }

    private Write dayWrite(DayRecord day) {
        return new Write(prefix + ":day:" + day.date(), null, write(day));
    }

    @Override
    public void saveOutcomes(OutcomeRecord outcomes) {
        submit(new Write(prefix + ":outcomes:" + outcomes.date(), null, write(outcomes)));
    }

    @Override
    public void saveContact(LocalDate day, ContactRecord contact) {
        submit(new Write(prefix + ":contacts:" + day, contact.interactionId(), write(contact)));
    }

    private void submit(Write w) {
        CompletableFuture<?> f;
        try {
            f = send(w);
        } catch (RuntimeException e) {
            keep(w);
            return;
        }
        CompletableFuture<Void> done = f.handle((v, e) -> {
            if (e != null) {
                keep(w);
            }
            return null;
        });
        inFlight.add(done);
        done.whenComplete((v, e) -> inFlight.remove(done));
    }

    private CompletableFuture<?> send(Write w) {
        if (w.field() == null) {
            return redis().set(w.key(), w.value(), SetArgs.Builder.ex(ttlSeconds))
                    .toCompletableFuture();
        }
        RedisAsyncCommands<String, String> r = redis();
        return r.hset(w.key(), w.field(), w.value())
                .toCompletableFuture()
                .thenCompose(x -> r.expire(w.key(), ttlSeconds).toCompletableFuture());
    }

    private void keep(Write w) {
        retry.add(w);
        if (retrying.incrementAndGet() > RETRY_LIMIT) {
            retry.poll();
            retrying.decrementAndGet();
            LOG.warn("statistics history: Redis unreachable for long; the oldest unwritten record was dropped");
        }
    }

    // ------------------------------------------------------------------ reads (blocking, off the engine thread)

    @Override
    public Optional<DayRecord> day(LocalDate date) {
        String text = await(redis().get(prefix + ":day:" + date).toCompletableFuture());
        return text == null ? Optional.empty() : Optional.of(read(text, DayRecord.class));
    }

    @Override
    public Optional<OutcomeRecord> outcomes(LocalDate date) {
        String text = await(redis().get(prefix + ":outcomes:" + date).toCompletableFuture());
        return text == null ? Optional.empty() : Optional.of(read(text, OutcomeRecord.class));
    }

    @Override
    public List<ContactRecord> contacts(LocalDate date) {
        Map<String, String> all =
                await(redis().hgetall(prefix + ":contacts:" + date).toCompletableFuture());
        List<ContactRecord> out = new ArrayList<>(all.size());
        for (String text : all.values()) {
            out.add(read(text, ContactRecord.class));
        }
        out.sort(Comparator.comparingLong(ContactRecord::arrivedAt).thenComparing(ContactRecord::interactionId));
        return out;
    }

    // ------------------------------------------------------------------ JSON

    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), e);
        }
    }

    static <T> T read(String text, Class<T> type) {
        try {
            return JSON.readValue(text, type);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read a stored " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    private static <T> T await(CompletableFuture<T> f) {
        try {
            return f.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while talking to Redis", e);
        } catch (Exception e) {
            throw new IllegalStateException("the statistics store cannot reach Redis: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (connection != null && connection.isOpen()) { // routing's stop may have shut the client down already
            connection.close();
        }
    }
}
