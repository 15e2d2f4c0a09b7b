package io.firstcontact.server.events;

import io.firstcontact.metrics.EventStreamBinder;
import io.firstcontact.router.api.Decision;
import io.firstcontact.router.journal.JournalEntry;
import io.firstcontact.router.journal.redis.RedisJournal;
import io.firstcontact.server.config.ServerConfig.Role;
import io.firstcontact.server.runtime.RoutingRuntime;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code GET /api/v1/events}: committed entries as Server-Sent Events, one event per journal entry ({@code id:} is
 * the entry id, {@code event: committed}, {@code data:} the entry's facts), resumable with {@code Last-Event-ID}.
 *
 * <p>A resume first replays from the in-memory ring or, when it no longer reaches back, from the journal in Redis, then
 * registers for live delivery on the engine thread in the same step as the ring's catch-up, so there is no gap and no
 * duplicate. If the journal was trimmed past the client's id, an {@code event: reset} says so before the stream
 * continues. An agent sees only the facts that name its own advisor. A client that cannot keep up is disconnected
 * (it resumes from its last id); the server never buffers without bound.
 */
public final class EventStream {
    private static final Pattern ENTRY_ID = Pattern.compile("(\\d{1,18})-(\\d{1,18})");
    private static final long HEARTBEAT_MILLIS = 15_000;
    private static final int PAGE = 500;

    private final Vertx vertx;
    private final RoutingRuntime runtime;
    private final EventLog log;
    private final EventStreamBinder meters;
    private final long heartbeatMillis;

    /**
     * @param idleTimeout the API's idle timeout: a stream sends a keep-alive comment every 15 s, or twice within it if
     *     it is shorter, so that a quiet stream is never taken for an idle connection
     */
    public EventStream(
            Vertx vertx, RoutingRuntime runtime, EventLog log, EventStreamBinder meters, Duration idleTimeout) {
        this.vertx = vertx;
        this.runtime = runtime;
        this.log = log;
        this.meters = meters;
        this.heartbeatMillis = Math.max(1, Math.min(HEARTBEAT_MILLIS, idleTimeout.toMillis() / 2));
    }

    /** A decision's facts as JSON, shared with the stream's rendering of the entry just committed. */
    public String renderedFacts(Decision decision) {
        return log.renderedFacts(decision);
    }

    /** Parses a {@code Last-Event-ID}: the sequence number after which to resume, or -1 for "from now on". */
    public static long resumeAfter(String lastEventId) {
        if (lastEventId == null || lastEventId.isBlank()) {
            return -1;
        }
        Matcher m = ENTRY_ID.matcher(lastEventId.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("Last-Event-ID must be a journal entry id such as 3-1042");
        }
        return Long.parseLong(m.group(2));
    }

    /** Opens a stream on {@code response} for a principal; {@code afterSeq} -1 means only new entries. */
    public void open(HttpServerResponse response, Role role, String agentId, long afterSeq) {
        Connection c = new Connection(vertx.getOrCreateContext(), response, role, agentId);
        meters.connected();
        response.setStatusCode(200)
                .putHeader("Content-Type", "text/event-stream; charset=utf-8")
                .putHeader("Cache-Control", "no-cache")
                .putHeader("X-Accel-Buffering", "no")
                .setChunked(true);
        response.write("retry: 2000\n: connected\n\n");
        c.heartbeat = vertx.setPeriodic(heartbeatMillis, t -> {
            if (!c.closed) {
                response.write(": keep-alive\n\n");
            }
        });
        response.closeHandler(v -> c.close());
        response.exceptionHandler(e -> c.close());
        if (afterSeq < 0) {
            runtime.onEngineThread(() -> c.attachOrCatchUp(Long.MAX_VALUE));
        } else {
            c.lastSeq = afterSeq;
            runtime.onEngineThread(() -> c.attachOrCatchUp(afterSeq));
        }
    }

    private final class Connection implements EventLog.Subscriber {
        private final Context context;
        private final HttpServerResponse response;
        private final Role role;
        private final String agentId;
        private long heartbeat = -1;
        private volatile boolean closed;
        /** Last sequence number delivered or skipped; touched only on {@link #context}. */
        private long lastSeq = -1;

        private final ConcurrentLinkedQueue<EventLog.Item> live = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean drainScheduled = new AtomicBoolean();

        Connection(Context context, HttpServerResponse response, Role role, String agentId) {
            this.context = context;
            this.response = response;
            this.role = role;
            this.agentId = agentId;
        }

        /** On the engine thread: attach from the ring, or read the journal first. */
        void attachOrCatchUp(long afterSeq) {
            if (closed) {
                return;
            }
            long from = afterSeq == Long.MAX_VALUE ? Math.max(log.newestSeq(), log.completeAfter()) : afterSeq;
            List<EventLog.Item> missed = log.attach(from, this);
            if (missed == null) {
                vertx.executeBlocking(() -> {
                    catchUpFromJournal(afterSeq);
                    return null;
                });
                return;
            }
            context.runOnContext(v -> {
                if (afterSeq == Long.MAX_VALUE) {
                    lastSeq = from;
                }
                deliver(missed);
            });
        }

        /** On a worker: replays the journal after {@code afterSeq} until the ring reaches back, then attaches. */
        private void catchUpFromJournal(long afterSeq) {
            RedisJournal stream = runtime.stream();
            String fromId = "0-0";
            long expected = afterSeq + 1;
            boolean first = true;
            while (!closed) {
                long completeAfter = log.completeAfter();
                if (completeAfter >= 0 && expected - 1 >= completeAfter) {
                    long resumeAt = expected - 1;
                    runtime.onEngineThread(() -> attachOrCatchUp(resumeAt));
                    return;
                }
                List<RedisJournal.Entry> page;
                try {
                    page = stream.read(fromId, PAGE);
                } catch (RuntimeException e) {
                    context.runOnContext(v -> close());
                    return;
                }
                if (page.isEmpty()) {
                    long resumeAt = expected - 1;
                    runtime.onEngineThread(() -> attachOrCatchUp(resumeAt));
                    return;
                }
                List<EventLog.Item> items = new ArrayList<>();
                for (RedisJournal.Entry e : page) {
                    fromId = e.id();
                    if (e.seq() == 0 || e.seq() < expected) {
                        continue;
                    }
                    if (first && e.seq() > expected) {
                        long gapFrom = expected;
                        long gapTo = e.seq() - 1;
                        context.runOnContext(v -> reset(gapFrom, gapTo));
                    }
                    first = false;
                    JournalEntry entry = runtime.codec().decodeEntry(e.payload());
                    expected = e.seq() + 1;
                    if (!entry.decision().facts().isEmpty()) {
                        items.add(EventLog.Item.of(
                                entry.id(),
                                e.seq(),
                                entry.input().at(),
                                entry.input().source(),
                                entry.input().command().getClass().getSimpleName(),
                                entry.decision().facts(),
                                0));
                    }
                }
                first = false;
                context.runOnContext(v -> deliver(items));
            }
        }

        /**
         * Live entries queue here from the engine thread; one task on the connection's context drains whatever piled
         * up and writes it in one go, so a busy stream costs one wake-up and one write per burst, not per entry.
         */
        @Override
        public void accept(EventLog.Item item) {
            if (closed) {
                return;
            }
            live.add(item);
            if (drainScheduled.compareAndSet(false, true)) {
                context.runOnContext(v -> drainLive());
            }
        }

        private void drainLive() {
            drainScheduled.set(false);
            List<EventLog.Item> burst = new ArrayList<>();
            for (EventLog.Item item = live.poll(); item != null; item = live.poll()) {
                burst.add(item);
            }
            deliver(burst);
        }

        /** Writes the visible events of {@code items} as one chunk. */
        private void deliver(List<EventLog.Item> items) {
            if (closed || items.isEmpty()) {
                return;
            }
            if (response.writeQueueFull()) {
                close(); // too slow: it resumes from its last id
                response.reset();
                return;
            }
            StringBuilder chunk = new StringBuilder();
            List<EventLog.Item> sent = new ArrayList<>();
            for (EventLog.Item item : items) {
                if (item.seq() <= lastSeq) {
                    continue;
                }
                lastSeq = item.seq();
                String data = role == Role.AGENT ? item.dataFor(agentId) : item.data();
                if (data != null) {
                    chunk.append("id: ")
                            .append(item.id())
                            .append("\nevent: committed\ndata: ")
                            .append(data)
                            .append("\n\n");
                    sent.add(item);
                }
            }
            if (chunk.isEmpty()) {
                return;
            }
            response.write(chunk.toString());
            long now = System.nanoTime();
            for (EventLog.Item item : sent) {
                if (item.committedNanos() > 0) {
                    meters.pushed(now - item.committedNanos());
                }
            }
        }

        private void reset(long from, long to) {
            if (!closed) {
                response.write("event: reset\ndata: {\"reason\":\"the journal no longer holds entries " + from + " to "
                        + to + "; reload the current state\"}\n\n");
            }
        }

        void close() {
            if (closed) {
                return;
            }
            closed = true;
            meters.disconnected();
            if (heartbeat >= 0) {
                vertx.cancelTimer(heartbeat);
            }
            runtime.onEngineThread(() -> log.detach(this));
        }
    }
}
